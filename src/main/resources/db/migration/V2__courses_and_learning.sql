-- Courses (imported from courses/ or written in the portal), versions, lessons, quizzes;
-- learning progress, quiz attempts and insert-only completions; the programme rule as data.

-- Programme groups a course can count for (target I.2.d: knowledge + in-depth).
CREATE TABLE programme_group (
    code      VARCHAR(40)  NOT NULL PRIMARY KEY,
    name_vi   VARCHAR(255) NOT NULL,
    name_en   VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO programme_group (code, name_vi, name_en) VALUES
 ('knowledge', 'Kiến thức về phòng ngừa và ứng phó với bạo lực trên cơ sở giới', 'Knowledge of GBV prevention and response'),
 ('in-depth', 'Kỹ năng chuyên sâu về trợ giúp và hỗ trợ pháp lý', 'In-depth skills of assistance and legal support'),
 ('digital-safety', 'An toàn số, phòng chống bạo lực trên không gian mạng', 'Digital safety and online violence'),
 ('workplace', 'Phòng chống quấy rối tình dục tại nơi làm việc', 'Workplace sexual harassment prevention');

-- The rule "trained": every required group satisfied by a completion within the window.
CREATE TABLE programme_rule (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(255) NOT NULL,
    window_from     DATE         NOT NULL,
    window_to       DATE         NOT NULL,   -- inclusive
    target_percent  DECIMAL(5,2) NOT NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE programme_rule_group (
    rule_id     BIGINT      NOT NULL,
    group_code  VARCHAR(40) NOT NULL,
    PRIMARY KEY (rule_id, group_code),
    CONSTRAINT fk_prg_rule FOREIGN KEY (rule_id) REFERENCES programme_rule (id),
    CONSTRAINT fk_prg_group FOREIGN KEY (group_code) REFERENCES programme_group (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO programme_rule (name, window_from, window_to, target_percent, active)
VALUES ('Chỉ tiêu I.2.d, Chương trình 2026–2030', '2026-01-01', '2030-12-31', 80.00, TRUE);
INSERT INTO programme_rule_group (rule_id, group_code) VALUES (1, 'knowledge'), (1, 'in-depth');

CREATE TABLE course (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                VARCHAR(80) NOT NULL,
    current_version_id  BIGINT      NULL,
    created_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_course_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_version (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_id          BIGINT        NOT NULL,
    version_no         INT           NOT NULL,
    label              VARCHAR(40)   NULL,
    content_hash       CHAR(64)      NOT NULL,
    title              VARCHAR(255)  NOT NULL,
    summary            VARCHAR(2000) NOT NULL,
    topic              VARCHAR(40)   NOT NULL,
    group_code         VARCHAR(40)   NULL,
    audience           VARCHAR(500)  NULL,
    estimated_minutes  INT           NOT NULL,
    source             VARCHAR(20)   NOT NULL,   -- FOLDER or PORTAL
    source_path        VARCHAR(500)  NULL,
    published_at       TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_cv_course_version UNIQUE (course_id, version_no),
    CONSTRAINT fk_cv_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_cv_group FOREIGN KEY (group_code) REFERENCES programme_group (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE course ADD CONSTRAINT fk_course_current_version FOREIGN KEY (current_version_id) REFERENCES course_version (id);

CREATE TABLE course_module (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_version_id  BIGINT        NOT NULL,
    position           INT           NOT NULL,
    folder             VARCHAR(200)  NOT NULL,
    title              VARCHAR(255)  NOT NULL,
    summary            VARCHAR(2000) NULL,
    CONSTRAINT fk_cm_version FOREIGN KEY (course_version_id) REFERENCES course_version (id),
    INDEX ix_cm_version (course_version_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lesson (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    module_id   BIGINT       NOT NULL,
    position    INT          NOT NULL,      -- order within the whole course version
    file_name   VARCHAR(200) NOT NULL,
    title       VARCHAR(255) NOT NULL,
    markdown    MEDIUMTEXT   NOT NULL,
    html        MEDIUMTEXT   NOT NULL,      -- sanitized at import; sanitized again when shown
    CONSTRAINT fk_lesson_module FOREIGN KEY (module_id) REFERENCES course_module (id),
    INDEX ix_lesson_module (module_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Images and other files of a course version, kept in the database so every node serves them.
CREATE TABLE course_asset (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_version_id  BIGINT       NOT NULL,
    path               VARCHAR(300) NOT NULL,
    content_type       VARCHAR(100) NOT NULL,
    bytes              MEDIUMBLOB   NOT NULL,
    CONSTRAINT uk_asset UNIQUE (course_version_id, path),
    CONSTRAINT fk_asset_version FOREIGN KEY (course_version_id) REFERENCES course_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE quiz (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    course_version_id  BIGINT       NOT NULL,
    module_id          BIGINT       NULL,    -- NULL: the course's final quiz
    title              VARCHAR(255) NOT NULL,
    pass_percent       INT          NOT NULL,
    draw_count         INT          NOT NULL,
    max_attempts       INT          NOT NULL, -- 0 = unlimited
    CONSTRAINT fk_quiz_version FOREIGN KEY (course_version_id) REFERENCES course_version (id),
    CONSTRAINT fk_quiz_module FOREIGN KEY (module_id) REFERENCES course_module (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE quiz_question (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    quiz_id      BIGINT        NOT NULL,
    question_key VARCHAR(80)   NOT NULL,
    position     INT           NOT NULL,
    type         VARCHAR(20)   NOT NULL,  -- SINGLE, MULTIPLE, TRUE_FALSE
    text         VARCHAR(2000) NOT NULL,
    explanation  VARCHAR(4000) NOT NULL,
    CONSTRAINT uk_qq_key UNIQUE (quiz_id, question_key),
    CONSTRAINT fk_qq_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- True/false questions get two options ("Đúng", "Sai") so that scoring is one mechanism.
CREATE TABLE quiz_option (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    question_id  BIGINT        NOT NULL,
    position     INT           NOT NULL,
    text         VARCHAR(1000) NOT NULL,
    correct      BOOLEAN       NOT NULL,
    CONSTRAINT fk_qo_question FOREIGN KEY (question_id) REFERENCES quiz_question (id),
    INDEX ix_qo_question (question_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_import_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    started_at   TIMESTAMP(3) NOT NULL,
    finished_at  TIMESTAMP(3) NULL,
    started_by   VARCHAR(100) NOT NULL,
    summary      VARCHAR(1000) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_import_problem (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id       BIGINT        NOT NULL,
    course_folder VARCHAR(200) NOT NULL,
    file         VARCHAR(300)  NULL,
    line         INT           NULL,
    message      VARCHAR(2000) NOT NULL,
    CONSTRAINT fk_cip_run FOREIGN KEY (run_id) REFERENCES course_import_run (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where a learner is in a course version: resume exactly there on any device.
CREATE TABLE course_progress (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id          BIGINT       NOT NULL,
    course_id          BIGINT       NOT NULL,
    course_version_id  BIGINT       NOT NULL,
    last_lesson_id     BIGINT       NULL,
    last_quiz_id       BIGINT       NULL,
    started_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_cp UNIQUE (person_id, course_id),
    CONSTRAINT fk_cp_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_cp_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_cp_version FOREIGN KEY (course_version_id) REFERENCES course_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lesson_progress (
    person_id     BIGINT       NOT NULL,
    lesson_id     BIGINT       NOT NULL,
    completed_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (person_id, lesson_id),
    CONSTRAINT fk_lp_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_lp_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An attempt is saved from its first answer, so an answer sheet survives a re-login.
CREATE TABLE quiz_attempt (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id      BIGINT       NOT NULL,
    quiz_id        BIGINT       NOT NULL,
    attempt_no     INT          NOT NULL,
    drawn          VARCHAR(4000) NOT NULL,  -- question ids and option order, e.g. "12:3,1,2;15:2,1"
    answers        VARCHAR(4000) NULL,      -- question id -> chosen option ids, e.g. "12:3;15:1,2"
    started_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    submitted_at   TIMESTAMP(3) NULL,
    correct_count  INT          NULL,
    score_percent  INT          NULL,
    passed         BOOLEAN      NULL,
    CONSTRAINT uk_qa UNIQUE (person_id, quiz_id, attempt_no),
    CONSTRAINT fk_qa_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_qa_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Completions are facts: insert-only. A correction is a new row that supersedes;
-- a revocation is a row in completion_revocation. Never UPDATE or DELETE a completion.
CREATE TABLE completion (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id          BIGINT       NOT NULL,
    course_id          BIGINT       NOT NULL,
    course_version_id  BIGINT       NULL,     -- NULL only for imported historical records
    completed_on       DATE         NOT NULL,
    score_percent      INT          NULL,
    source             VARCHAR(20)  NOT NULL,  -- ONLINE, CLASS, IMPORT
    class_id           BIGINT       NULL,
    import_batch_id    BIGINT       NULL,
    supersedes_id      BIGINT       NULL,
    recorded_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    recorded_by        VARCHAR(100) NOT NULL,
    CONSTRAINT fk_c_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_c_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_c_version FOREIGN KEY (course_version_id) REFERENCES course_version (id),
    CONSTRAINT fk_c_supersedes FOREIGN KEY (supersedes_id) REFERENCES completion (id),
    INDEX ix_c_person_course (person_id, course_id, completed_on),
    INDEX ix_c_course (course_id, completed_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE completion_revocation (
    completion_id  BIGINT        NOT NULL PRIMARY KEY,
    reason         VARCHAR(1000) NOT NULL,
    revoked_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    revoked_by     VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_cr_completion FOREIGN KEY (completion_id) REFERENCES completion (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
