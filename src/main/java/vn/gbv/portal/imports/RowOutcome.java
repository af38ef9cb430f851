package vn.gbv.portal.imports;

/** What the preview says a row will do; OTHER is kind-specific (a roster: a person marked as left). */
public enum RowOutcome {
    NEW, UPDATE, UNCHANGED, ERROR, OTHER
}
