package vn.gbv.portal.imports;

/** The summary line of a preview: new, updated, unchanged, errors, empty rows skipped, and kind-specific others. */
public record BatchCounts(int created, int updated, int unchanged, int errors, int skipped, int other) {

    public static final BatchCounts NONE = new BatchCounts(0, 0, 0, 0, 0, 0);

    public int rowsRead() {
        return created + updated + unchanged + errors;
    }

    public BatchCounts plus(RowOutcome outcome) {
        return switch (outcome) {
            case NEW -> new BatchCounts(created + 1, updated, unchanged, errors, skipped, other);
            case UPDATE -> new BatchCounts(created, updated + 1, unchanged, errors, skipped, other);
            case UNCHANGED -> new BatchCounts(created, updated, unchanged + 1, errors, skipped, other);
            case ERROR -> new BatchCounts(created, updated, unchanged, errors + 1, skipped, other);
            case OTHER -> new BatchCounts(created, updated, unchanged, errors, skipped, other + 1);
        };
    }

    public BatchCounts withSkipped(int emptyRows) {
        return new BatchCounts(created, updated, unchanged, errors, emptyRows, other);
    }
}
