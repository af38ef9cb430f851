package vn.gbv.portal.imports;

/** What a batch imports; stored by name in import_batch.kind (append new kinds, and to ck_ib_kind). */
public enum ImportKind {
    ROSTER, COMPLETIONS
}
