package vn.gbv.portal.imports;

import java.time.Instant;

/** An uploaded file and where it stands (import_batch). options: the kind's settings chosen at upload (JSON). */
public record ImportBatch(long id, ImportKind kind, BatchStatus status, String uploadedBy, String fileName,
                          String options, BatchCounts counts, Instant createdAt, Instant committedAt,
                          String committedBy, Instant closedAt, String closedBy) {
}
