package vn.gbv.portal.imports;

/** PREVIEW → COMMITTED → UNDONE, or PREVIEW → DISCARDED. */
public enum BatchStatus {
    PREVIEW, COMMITTED, DISCARDED, UNDONE;

    public String translationKey() {
        return "import.status." + name();
    }
}
