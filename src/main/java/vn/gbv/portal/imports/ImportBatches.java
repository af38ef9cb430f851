package vn.gbv.portal.imports;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.AccessDeniedForScopeException;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.SignedInUser;

/**
 * Import batches kept in the database, the same for every kind of import (rosters, past training
 * completions): a file is read into a preview (import_row, one row per spreadsheet row with its
 * outcome and messages) before anything is saved; the preview survives a lost session or a second
 * node, and is paged from the database rather than held in memory. A commit moves the batch from
 * PREVIEW to COMMITTED in the same transaction as the kind's own writes, recording each write as
 * an {@link ImportEffect} so that undo can take them back in reverse order.
 *
 * <p>A batch belongs to whoever uploaded it; administrators reach every batch. What a row may
 * touch (unit scope) is the kind's business: its service checks it before calling this one.
 * A status moves only from the one before ({@code UPDATE ... WHERE status = ?}), so a batch is
 * committed, discarded or undone once even when two nodes are asked at once.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ImportBatches {

    /** Preview rows are written to the database in chunks of this many, so a large file never sits in memory. */
    public static final int CHUNK = 500;

    private final ImportQueries queries;
    private final CurrentUser currentUser;

    ImportBatches(ImportQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** A new batch in PREVIEW for the signed-in user. */
    @Transactional
    public long open(ImportKind kind, String fileName, String options) {
        String name = fileName == null || fileName.isBlank() ? "?" : fileName.strip();
        return queries.insertBatch(kind, currentUser.require().username(),
                name.length() > 255 ? name.substring(0, 255) : name, options);
    }

    /**
     * A writer of preview rows that sends them in chunks of {@link #CHUNK}; call {@link PreviewWriter#finish}
     * with the empty rows skipped to store the counts.
     */
    public PreviewWriter writer(long batchId) {
        requireOwn(batchId, BatchStatus.PREVIEW);
        return new PreviewWriter(this, batchId);
    }

    @Transactional
    public void addRows(long batchId, List<PreviewRow> rows) {
        if (!rows.isEmpty()) {
            queries.insertRows(batchId, rows);
        }
    }

    /** The kind's settings chosen with the upload, or learned while reading (JSON); only while in preview. */
    @Transactional
    public void setOptions(long batchId, String options) {
        requireOwn(batchId, BatchStatus.PREVIEW);
        queries.updateOptions(batchId, options);
    }

    @Transactional
    public void setCounts(long batchId, BatchCounts counts) {
        requireOwn(batchId, BatchStatus.PREVIEW);
        queries.updateCounts(batchId, counts);
    }

    /** The batch, if the caller uploaded it or is an administrator; otherwise refused as out of scope. */
    @Transactional(readOnly = true)
    public ImportBatch batch(long batchId) {
        ImportBatch batch = queries.batch(batchId)
                .orElseThrow(() -> new AccessDeniedForScopeException("import batch " + batchId + " does not exist"));
        SignedInUser user = currentUser.require();
        if (!user.isAdmin() && !user.username().equals(batch.uploadedBy())) {
            throw new AccessDeniedForScopeException("import batch " + batchId + " belongs to someone else");
        }
        return batch;
    }

    /** A page of the preview, by row number, of the rows with these outcomes. */
    @Transactional(readOnly = true)
    public List<PreviewRow> rows(long batchId, Set<RowOutcome> outcomes, int offset, int limit) {
        batch(batchId);
        return outcomes.isEmpty() ? List.of() : queries.rows(batchId, outcomes, offset, limit);
    }

    @Transactional(readOnly = true)
    public int rowCount(long batchId, Set<RowOutcome> outcomes) {
        batch(batchId);
        return outcomes.isEmpty() ? 0 : queries.rowCount(batchId, outcomes);
    }

    /** Every row with these outcomes, in row order, streamed from the database (for a commit). */
    @Transactional(readOnly = true)
    public void eachRow(long batchId, Set<RowOutcome> outcomes, Consumer<PreviewRow> each) {
        batch(batchId);
        if (!outcomes.isEmpty()) {
            queries.eachRow(batchId, outcomes, each);
        }
    }

    /** The caller's batches of this kind, newest first (every user's for an administrator). */
    @Transactional(readOnly = true)
    public List<ImportBatch> recent(ImportKind kind, int limit) {
        SignedInUser user = currentUser.require();
        return queries.batches(kind, user.isAdmin() ? null : user.username(), EnumSet.allOf(BatchStatus.class), limit);
    }

    /** The caller's own newest preview of this kind not yet committed or discarded: to pick up after a lost session. */
    @Transactional(readOnly = true)
    public Optional<ImportBatch> openPreview(ImportKind kind) {
        return queries.batches(kind, currentUser.require().username(), List.of(BatchStatus.PREVIEW), 1)
                .stream().findFirst();
    }

    /**
     * PREVIEW → COMMITTED, joining the caller's transaction (the kind's writes and this move commit
     * together). Refused when the batch is no longer a preview (committed or discarded meanwhile).
     */
    @Transactional
    public void markCommitted(long batchId) {
        move(batchId, BatchStatus.PREVIEW, BatchStatus.COMMITTED);
    }

    /** PREVIEW → DISCARDED; the preview rows are deleted, the batch row stays as a trace. */
    @Transactional
    public void discard(long batchId) {
        move(batchId, BatchStatus.PREVIEW, BatchStatus.DISCARDED);
        queries.deleteRows(batchId);
    }

    /** COMMITTED → UNDONE, in the transaction of the kind's undo. */
    @Transactional
    public void markUndone(long batchId) {
        move(batchId, BatchStatus.COMMITTED, BatchStatus.UNDONE);
    }

    /** Records writes of a commit, numbered after those already recorded. */
    @Transactional
    public void addEffects(long batchId, List<ImportEffect> effects) {
        if (!effects.isEmpty()) {
            queries.insertEffects(batchId, effects);
        }
    }

    /** The writes of a commit, newest first: the order in which undo takes them back. */
    @Transactional(readOnly = true)
    public List<ImportEffect> effectsNewestFirst(long batchId) {
        batch(batchId);
        List<ImportEffect> effects = new ArrayList<>();
        queries.eachEffectNewestFirst(batchId, effects::add);
        return effects;
    }

    private void move(long batchId, BatchStatus from, BatchStatus to) {
        batch(batchId);
        if (!queries.moveStatus(batchId, from, to, currentUser.require().username())) {
            throw RefusedException.of("import.error.status-moved");
        }
    }

    private void requireOwn(long batchId, BatchStatus status) {
        ImportBatch batch = batch(batchId);
        if (batch.status() != status) {
            throw RefusedException.of("import.error.status-moved");
        }
    }

    /** Writes preview rows in chunks and keeps the counts; not thread-safe, one per file being read. */
    public static final class PreviewWriter {

        private final ImportBatches batches;
        private final long batchId;
        private final List<PreviewRow> pending = new ArrayList<>(CHUNK);
        private BatchCounts counts = BatchCounts.NONE;

        private PreviewWriter(ImportBatches batches, long batchId) {
            this.batches = batches;
            this.batchId = batchId;
        }

        public void add(PreviewRow row) {
            pending.add(row);
            counts = counts.plus(row.outcome());
            if (pending.size() >= CHUNK) {
                flush();
            }
        }

        public BatchCounts counts() {
            return counts;
        }

        /** Writes what is left and the counts, with the empty rows the reader skipped. */
        public BatchCounts finish(int emptyRowsSkipped) {
            flush();
            counts = counts.withSkipped(emptyRowsSkipped);
            batches.setCounts(batchId, counts);
            return counts;
        }

        private void flush() {
            batches.addRows(batchId, List.copyOf(pending));
            pending.clear();
        }
    }
}
