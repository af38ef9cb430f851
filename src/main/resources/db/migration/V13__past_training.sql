-- Past training imported from a file (issue 18, item 6). The completions themselves are ordinary
-- rows of completion (source IMPORT, import_batch_id = the batch, course_version_id NULL), inserted
-- one by one so that the coverage triggers keep their per-person tables. What a completion row has
-- no column for is kept here, keyed by the completion: where and by whom the person was trained,
-- and the spreadsheet row it came from (undo and its messages name that row).
-- Each decision and its reason: docs/DESIGN.md, "Importing past training (V13)".
CREATE TABLE past_training (
    completion_id  BIGINT        NOT NULL PRIMARY KEY,
    batch_id       BIGINT        NOT NULL,
    row_no         INT           NOT NULL,
    place          VARCHAR(255)  NULL,       -- Nơi tập huấn
    trainer        VARCHAR(255)  NULL,       -- Người/đơn vị tập huấn
    CONSTRAINT fk_pt_completion FOREIGN KEY (completion_id) REFERENCES completion (id),
    CONSTRAINT fk_pt_batch FOREIGN KEY (batch_id) REFERENCES import_batch (id),
    INDEX ix_pt_batch (batch_id, row_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Undo and the list of batches find a batch's completions by this column.
CREATE INDEX ix_c_import_batch ON completion (import_batch_id);
