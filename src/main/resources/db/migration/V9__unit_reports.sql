-- Unit reports (issue 16): a draft per unit and period that the manager edits, and submissions
-- that never change. A submission keeps what was sent: the whole content as JSON (the figures of
-- the coverage service at the period's date, the activity, the attestation line, the manager's
-- text), its figures again as rows (so that consolidation sums them in SQL), and the PDF bytes as
-- sent. Returning a report adds a report_return row; the unit then submits a new version, and
-- every version stays. The triggers below refuse any UPDATE or DELETE of a submission or its rows.

CREATE TABLE report_draft (
    unit_id       BIGINT        NOT NULL,
    period_id     BIGINT        NOT NULL,
    activities    TEXT          NULL,   -- what the unit did
    results       TEXT          NULL,
    difficulties  TEXT          NULL,
    proposals     TEXT          NULL,
    signer_title  VARCHAR(200)  NULL,   -- e.g. CHỦ TỊCH, KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    signer_name   VARCHAR(200)  NULL,
    updated_by    VARCHAR(100)  NOT NULL,
    updated_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, period_id),
    CONSTRAINT fk_rd_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_rd_period FOREIGN KEY (period_id) REFERENCES reporting_period (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_submission (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_id         BIGINT        NOT NULL,
    period_id       BIGINT        NOT NULL,
    version_no      INT           NOT NULL,   -- 1, 2, ... per unit and period
    doc_number      INT           NOT NULL,   -- "Số: n/BC-..." : the unit's n-th report of the year
    unit_code       VARCHAR(64)   NOT NULL,   -- as it was
    unit_name       VARCHAR(255)  NOT NULL,
    figures_on      DATE          NOT NULL,
    population      BIGINT        NOT NULL,   -- the headline, for lists
    trained         BIGINT        NOT NULL,
    submitted_at    TIMESTAMP(3)  NOT NULL,
    submitted_on    DATE          NOT NULL,   -- the local day, compared with units_due_on
    submitted_by    VARCHAR(100)  NOT NULL,
    submitted_name  VARCHAR(200)  NOT NULL,
    late            BOOLEAN       NOT NULL,
    content_json    LONGTEXT      NOT NULL,
    pdf             LONGBLOB      NOT NULL,
    pdf_sha256      CHAR(64)      NOT NULL,
    CONSTRAINT uk_rs_version UNIQUE (unit_id, period_id, version_no),
    CONSTRAINT fk_rs_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_rs_period FOREIGN KEY (period_id) REFERENCES reporting_period (id),
    INDEX ix_rs_period (period_id, unit_id, version_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The figures of a submission as rows: section TOTAL, SEX, CATEGORY, CHILD, GROUPS; row_key the
-- code (F, CONG_CHUC, a unit code, a group set); label as printed.
CREATE TABLE report_figure (
    submission_id BIGINT        NOT NULL,
    section       VARCHAR(16)   NOT NULL,
    row_key       VARCHAR(200)  NOT NULL,
    ordinal       INT           NOT NULL,
    label         VARCHAR(400)  NOT NULL,
    population    BIGINT        NOT NULL,
    trained       BIGINT        NOT NULL,
    PRIMARY KEY (submission_id, section, row_key),
    CONSTRAINT fk_rf_submission FOREIGN KEY (submission_id) REFERENCES report_submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Training activity of a submission by completion source (ONLINE, CLASS, IMPORT).
CREATE TABLE report_activity (
    submission_id BIGINT        NOT NULL,
    source        VARCHAR(16)   NOT NULL,
    completions   BIGINT        NOT NULL,
    people        BIGINT        NOT NULL,
    female        BIGINT        NOT NULL,
    male          BIGINT        NOT NULL,
    PRIMARY KEY (submission_id, source),
    CONSTRAINT fk_ra_submission FOREIGN KEY (submission_id) REFERENCES report_submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sở Nội vụ returns a submission with a reason; at most once per submission.
CREATE TABLE report_return (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    submission_id  BIGINT        NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    returned_by    VARCHAR(100)  NOT NULL,
    returned_name  VARCHAR(200)  NOT NULL,
    returned_at    TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_rr_submission UNIQUE (submission_id),
    CONSTRAINT fk_rr_submission FOREIGN KEY (submission_id) REFERENCES report_submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER $$

CREATE TRIGGER tr_report_submission_frozen_upd BEFORE UPDATE ON report_submission FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a submitted report never changes';
END$$

CREATE TRIGGER tr_report_submission_frozen_del BEFORE DELETE ON report_submission FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a submitted report is never deleted';
END$$

CREATE TRIGGER tr_report_figure_frozen_upd BEFORE UPDATE ON report_figure FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a submitted report never changes';
END$$

CREATE TRIGGER tr_report_activity_frozen_upd BEFORE UPDATE ON report_activity FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a submitted report never changes';
END$$

DELIMITER ;
