-- Course authoring in the portal (issue 19): who owns a course (its folder in courses/ or the
-- portal), the files of every version (the courses/ folder form, so that an export is the same
-- files and imports with the same content hash), and trainers' drafts, kept as files too, so that
-- publishing a draft runs the importer's own parse and checks.

ALTER TABLE course
    ADD COLUMN owner VARCHAR(20) NOT NULL DEFAULT 'FOLDER' AFTER current_version_id,  -- FOLDER or PORTAL
    ADD COLUMN taken_over_by VARCHAR(100) NULL AFTER owner,
    ADD COLUMN taken_over_at TIMESTAMP(3) NULL AFTER taken_over_by,
    ADD CONSTRAINT ck_course_owner CHECK (owner IN ('FOLDER', 'PORTAL'));

-- Who published a version (a trainer's user name, or the import's starter).
ALTER TABLE course_version ADD COLUMN published_by VARCHAR(100) NULL AFTER published_at;

-- The files of a version, as in a courses/ folder. Versions published before V12 have none: their
-- export reads the folder when its hash still matches.
CREATE TABLE course_version_file (
    course_version_id  BIGINT       NOT NULL,
    path               VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    bytes              MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (course_version_id, path),
    CONSTRAINT fk_cvf_version FOREIGN KEY (course_version_id) REFERENCES course_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One draft per course code, shared by trainers; lock_version is the optimistic lock every save checks.
CREATE TABLE course_draft (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_code      VARCHAR(80)  NOT NULL,
    base_version_id  BIGINT       NULL,       -- the version the draft started from; NULL for a new course
    lock_version     BIGINT       NOT NULL DEFAULT 0,
    created_by       VARCHAR(100) NOT NULL,
    created_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_by       VARCHAR(100) NOT NULL,
    updated_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_course_draft_code UNIQUE (course_code),
    CONSTRAINT fk_cd_base FOREIGN KEY (base_version_id) REFERENCES course_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_draft_file (
    draft_id  BIGINT       NOT NULL,
    path      VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    bytes     MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (draft_id, path),
    CONSTRAINT fk_cdf_draft FOREIGN KEY (draft_id) REFERENCES course_draft (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Import rows are problems (ERROR), item-writing warnings (WARNING) or notices (NOTICE: a folder
-- skipped because the portal owns its course).
ALTER TABLE course_import_problem
    ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'ERROR' AFTER run_id,
    ADD CONSTRAINT ck_cip_kind CHECK (kind IN ('ERROR', 'WARNING', 'NOTICE'));

-- Results for trainers read attempts of a quiz in time order.
ALTER TABLE quiz_attempt ADD INDEX ix_qa_quiz_submitted (quiz_id, submitted_at);
