-- Imports (issue 17, reused by issue 18's completion import) and roster change times.
-- Each decision and its reason: docs/DESIGN.md, "Imports as batches in the database (V10)".

-- One uploaded file: who, when, which file, where it stands, and the counts of its preview.
-- PREVIEW -> COMMITTED -> UNDONE, or PREVIEW -> DISCARDED; a status changes only from the one before
-- (an UPDATE ... WHERE status = ?), so two nodes cannot commit the same batch twice.
CREATE TABLE import_batch (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,   -- ROSTER, COMPLETIONS
    status          VARCHAR(12)   NOT NULL,   -- PREVIEW, COMMITTED, DISCARDED, UNDONE
    uploaded_by     VARCHAR(100)  NOT NULL,   -- username
    file_name       VARCHAR(255)  NOT NULL,
    options         TEXT          NULL,       -- kind-specific settings (JSON): chosen with the upload, learned while reading
    rows_new        INT           NOT NULL DEFAULT 0,
    rows_updated    INT           NOT NULL DEFAULT 0,
    rows_unchanged  INT           NOT NULL DEFAULT 0,
    rows_error      INT           NOT NULL DEFAULT 0,
    rows_skipped    INT           NOT NULL DEFAULT 0,   -- empty rows
    rows_other      INT           NOT NULL DEFAULT 0,   -- kind-specific (roster: people marked as left)
    created_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    committed_at    TIMESTAMP(3)  NULL,
    committed_by    VARCHAR(100)  NULL,
    closed_at       TIMESTAMP(3)  NULL,       -- discarded or undone
    closed_by       VARCHAR(100)  NULL,
    CONSTRAINT ck_ib_kind CHECK (kind IN ('ROSTER', 'COMPLETIONS')),
    CONSTRAINT ck_ib_status CHECK (status IN ('PREVIEW', 'COMMITTED', 'DISCARDED', 'UNDONE')),
    INDEX ix_ib_user (uploaded_by, kind, created_at),
    INDEX ix_ib_kind (kind, status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The preview, one row per spreadsheet row (its number as the spreadsheet shows it): the outcome,
-- what the row says once cleaned (JSON, kind-specific) and the messages (JSON list of
-- {column, key, args}) the preview shows in the reader's language.
CREATE TABLE import_row (
    batch_id   BIGINT        NOT NULL,
    row_no     INT           NOT NULL,
    outcome    VARCHAR(12)   NOT NULL,   -- NEW, UPDATE, UNCHANGED, ERROR, OTHER (kind-specific, e.g. LEAVE)
    target_id  BIGINT        NULL,       -- the matched record (roster: person id)
    payload    MEDIUMTEXT    NULL,
    messages   TEXT          NULL,
    PRIMARY KEY (batch_id, row_no),
    INDEX ix_ir_outcome (batch_id, outcome, row_no),
    CONSTRAINT fk_ir_batch FOREIGN KEY (batch_id) REFERENCES import_batch (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a commit wrote, in order, so that undo can take it back in reverse order while nothing
-- newer touched those records. kind is kind-specific (roster: PERSON_CREATED, PERSON_UPDATED,
-- MEMBERSHIP_OPENED, MEMBERSHIP_CLOSED); data holds what undo needs (JSON).
CREATE TABLE import_effect (
    batch_id   BIGINT        NOT NULL,
    seq        INT           NOT NULL,
    row_no     INT           NULL,
    kind       VARCHAR(30)   NOT NULL,
    target_id  BIGINT        NOT NULL,
    data       TEXT          NULL,
    PRIMARY KEY (batch_id, seq),
    CONSTRAINT fk_ie_batch FOREIGN KEY (batch_id) REFERENCES import_batch (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When a person's record or a membership row last changed: a roster attested before that shows
-- "changed since the attestation". Kept by the database on every write, whoever writes.
ALTER TABLE person
    ADD COLUMN changed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);
ALTER TABLE membership
    ADD COLUMN changed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);
