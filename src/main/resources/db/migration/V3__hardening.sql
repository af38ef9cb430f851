-- Hardening before the manager features. Each decision and its reason: docs/DESIGN.md.

-- ---- Person identifiers for roster and completion imports -------------------------------------
-- National personal ID (số định danh cá nhân, 12 digits): unique when present. Staff code: the
-- unit's own code for a person, matched within the unit an import is for.
ALTER TABLE person
    ADD COLUMN national_id CHAR(12) NULL AFTER email,
    ADD COLUMN staff_code VARCHAR(40) NULL AFTER national_id,
    ADD CONSTRAINT uk_person_national_id UNIQUE (national_id),
    ADD CONSTRAINT ck_person_national_id CHECK (national_id IS NULL OR national_id REGEXP '^[0-9]{12}$'),
    ADD INDEX ix_person_staff_code (staff_code);

-- ---- At most one open membership per person, enforced by the database -------------------------
-- open_person_id is the person while the row is open and NULL once closed; NULLs do not collide.
ALTER TABLE membership
    ADD COLUMN open_person_id BIGINT AS (IF(valid_to IS NULL, person_id, NULL)) PERSISTENT,
    ADD CONSTRAINT uk_membership_open UNIQUE (open_person_id);

-- ---- The tree as it stood at any date ---------------------------------------------------------
-- Dated closure: ancestor A was above descendant D (or A = D at depth 0) from valid_from until
-- valid_to (exclusive; 9999-12-31 = still). Derived from unit validity and the dated parent links,
-- rebuilt with the current closure in the transaction of every tree change. Coverage "as of D"
-- joins it with valid_from <= D < valid_to, so a commune merged after D still rolls up at D.
CREATE TABLE unit_closure_dated (
    ancestor_id    BIGINT NOT NULL,
    descendant_id  BIGINT NOT NULL,
    depth          INT    NOT NULL,
    valid_from     DATE   NOT NULL,
    valid_to       DATE   NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id, valid_from),
    INDEX ix_ucd_ancestor (ancestor_id, valid_from, valid_to, descendant_id),
    INDEX ix_ucd_descendant (descendant_id, valid_from, valid_to, ancestor_id),
    CONSTRAINT fk_ucd_ancestor FOREIGN KEY (ancestor_id) REFERENCES unit (id),
    CONSTRAINT fk_ucd_descendant FOREIGN KEY (descendant_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO unit_closure_dated (ancestor_id, descendant_id, depth, valid_from, valid_to)
WITH RECURSIVE up (descendant_id, ancestor_id, depth, valid_from, valid_to) AS (
    SELECT u.id, u.id, 0, u.valid_from, COALESCE(u.valid_to, DATE '9999-12-31') FROM unit u
    UNION ALL
    SELECT up.descendant_id, p.parent_id, up.depth + 1,
           GREATEST(up.valid_from, p.valid_from), LEAST(up.valid_to, COALESCE(p.valid_to, DATE '9999-12-31'))
    FROM up
    JOIN unit_parent p ON p.unit_id = up.ancestor_id
     AND p.valid_from < up.valid_to AND COALESCE(p.valid_to, DATE '9999-12-31') > up.valid_from
)
SELECT ancestor_id, descendant_id, depth, valid_from, valid_to FROM up WHERE valid_from < valid_to;

-- ---- The programme rule in force at a date ----------------------------------------------------
-- A rule applies from valid_from until valid_to (exclusive; NULL = still). A change of rule is a
-- new row from a date, so figures for an earlier date keep the rule that was in force then.
ALTER TABLE programme_rule
    ADD COLUMN valid_from DATE NULL AFTER target_percent,
    ADD COLUMN valid_to DATE NULL AFTER valid_from;
UPDATE programme_rule SET valid_from = window_from;
UPDATE programme_rule SET valid_to = window_from WHERE NOT active;
ALTER TABLE programme_rule
    MODIFY valid_from DATE NOT NULL,
    DROP COLUMN active,
    ADD INDEX ix_rule_valid (valid_from, valid_to);

-- ---- A course can count for several programme groups ------------------------------------------
-- Per course, not per version: a completion of any version (or an imported one, which has no
-- version) counts for the course's groups.
CREATE TABLE course_group (
    course_id   BIGINT      NOT NULL,
    group_code  VARCHAR(40) NOT NULL,
    PRIMARY KEY (course_id, group_code),
    INDEX ix_cg_group (group_code, course_id),
    CONSTRAINT fk_cg_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_cg_group FOREIGN KEY (group_code) REFERENCES programme_group (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO course_group (course_id, group_code)
SELECT c.id, v.group_code FROM course c JOIN course_version v ON v.id = c.current_version_id
WHERE v.group_code IS NOT NULL;

ALTER TABLE course_version DROP FOREIGN KEY fk_cv_group;
ALTER TABLE course_version DROP COLUMN group_code;

-- ---- Quiz attempts as rows --------------------------------------------------------------------
-- The questions drawn for an attempt (in the order shown, with the option order) and the options
-- chosen, one row each, so that trainers can see results per question.
CREATE TABLE quiz_attempt_question (
    attempt_id    BIGINT       NOT NULL,
    question_id   BIGINT       NOT NULL,
    position      INT          NOT NULL,
    option_order  VARCHAR(500) NOT NULL,   -- option ids in the order shown, e.g. "31,29,30"
    correct       BOOLEAN      NULL,       -- set when the attempt is submitted
    PRIMARY KEY (attempt_id, question_id),
    INDEX ix_qaq_question (question_id, correct),
    CONSTRAINT fk_qaq_attempt FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id),
    CONSTRAINT fk_qaq_question FOREIGN KEY (question_id) REFERENCES quiz_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE quiz_answer (
    attempt_id   BIGINT NOT NULL,
    question_id  BIGINT NOT NULL,
    option_id    BIGINT NOT NULL,
    PRIMARY KEY (attempt_id, question_id, option_id),
    CONSTRAINT fk_qans_question FOREIGN KEY (attempt_id, question_id)
        REFERENCES quiz_attempt_question (attempt_id, question_id),
    CONSTRAINT fk_qans_option FOREIGN KEY (option_id) REFERENCES quiz_option (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- drawn: "12:3,1,2;15:2,1" (question id : option order), answers: "12:3;15:1,2".
INSERT INTO quiz_attempt_question (attempt_id, question_id, position, option_order)
WITH RECURSIVE item (attempt_id, n, rest, part) AS (
    SELECT id, 1, drawn, SUBSTRING_INDEX(drawn, ';', 1) FROM quiz_attempt WHERE drawn <> ''
    UNION ALL
    SELECT attempt_id, n + 1, SUBSTRING(rest, LENGTH(part) + 2), SUBSTRING_INDEX(SUBSTRING(rest, LENGTH(part) + 2), ';', 1)
    FROM item WHERE LENGTH(rest) > LENGTH(part)
)
SELECT attempt_id, CAST(SUBSTRING_INDEX(part, ':', 1) AS UNSIGNED), n, SUBSTRING_INDEX(part, ':', -1)
FROM item WHERE part <> '';

INSERT INTO quiz_answer (attempt_id, question_id, option_id)
WITH RECURSIVE item (attempt_id, rest, part) AS (
    SELECT id, answers, SUBSTRING_INDEX(answers, ';', 1) FROM quiz_attempt WHERE answers IS NOT NULL AND answers <> ''
    UNION ALL
    SELECT attempt_id, SUBSTRING(rest, LENGTH(part) + 2), SUBSTRING_INDEX(SUBSTRING(rest, LENGTH(part) + 2), ';', 1)
    FROM item WHERE LENGTH(rest) > LENGTH(part)
),
chosen (attempt_id, question_id, rest, opt) AS (
    SELECT attempt_id, CAST(SUBSTRING_INDEX(part, ':', 1) AS UNSIGNED), SUBSTRING_INDEX(part, ':', -1),
           SUBSTRING_INDEX(SUBSTRING_INDEX(part, ':', -1), ',', 1)
    FROM item WHERE part LIKE '%:%' AND SUBSTRING_INDEX(part, ':', -1) <> ''
    UNION ALL
    SELECT attempt_id, question_id, SUBSTRING(rest, LENGTH(opt) + 2), SUBSTRING_INDEX(SUBSTRING(rest, LENGTH(opt) + 2), ',', 1)
    FROM chosen WHERE LENGTH(rest) > LENGTH(opt)
)
SELECT DISTINCT c.attempt_id, c.question_id, CAST(c.opt AS UNSIGNED)
FROM chosen c
JOIN quiz_attempt_question q ON q.attempt_id = c.attempt_id AND q.question_id = c.question_id
WHERE c.opt <> '';

-- Per-question correctness of attempts already submitted: all right options chosen, no wrong one.
UPDATE quiz_attempt_question q JOIN quiz_attempt a ON a.id = q.attempt_id
SET q.correct = NOT EXISTS (
        SELECT 1 FROM quiz_option o
        WHERE o.question_id = q.question_id
          AND o.correct <> EXISTS (SELECT 1 FROM quiz_answer x
                                   WHERE x.attempt_id = q.attempt_id AND x.question_id = q.question_id
                                     AND x.option_id = o.id))
WHERE a.submitted_at IS NOT NULL;

-- The unrounded score: 79.5% fails an 80% quiz.
ALTER TABLE quiz_attempt
    ADD COLUMN question_count INT NULL AFTER submitted_at,
    MODIFY score_percent DECIMAL(6,3) NULL,
    DROP COLUMN drawn,
    DROP COLUMN answers;
UPDATE quiz_attempt a SET question_count =
    (SELECT COUNT(*) FROM quiz_attempt_question q WHERE q.attempt_id = a.id);

-- Extra attempts a trainer grants after the limit is reached (recorded, never edited).
CREATE TABLE quiz_attempt_grant (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id   BIGINT        NOT NULL,
    quiz_id     BIGINT        NOT NULL,
    extra       INT           NOT NULL,
    reason      VARCHAR(1000) NULL,
    granted_by  VARCHAR(100)  NOT NULL,
    granted_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX ix_qag_person_quiz (person_id, quiz_id),
    CONSTRAINT fk_qag_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_qag_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
    CONSTRAINT ck_qag_extra CHECK (extra > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- One effective completion per person, course and version -----------------------------------
-- Completions stay insert-only. Every chain of corrections has one root (supersedes nothing) per
-- person, course and version (an imported record without a version counts as version 0), and each
-- row is superseded at most once, so each chain has one tail: the only candidate to be effective.
-- A completion after a revocation supersedes the revoked row. Online completion, class closing and
-- imports are all held to this by the unique keys, whatever the code does.
ALTER TABLE completion
    ADD COLUMN version_key BIGINT AS (IFNULL(course_version_id, 0)) PERSISTENT,
    ADD COLUMN supersedes_key BIGINT AS (IFNULL(supersedes_id, 0)) PERSISTENT,
    ADD CONSTRAINT uk_completion_chain UNIQUE (person_id, course_id, version_key, supersedes_key),
    ADD CONSTRAINT uk_completion_supersedes UNIQUE (supersedes_id);

-- The one definition of an effective completion: not revoked, not superseded. Learning, the rule
-- "trained", coverage, certificates and reports read completions through this view only.
CREATE VIEW effective_completion AS
SELECT c.id, c.person_id, c.course_id, c.course_version_id, c.completed_on, c.score_percent, c.source,
       c.class_id, c.import_batch_id, c.supersedes_id, c.recorded_at, c.recorded_by
FROM completion c
WHERE NOT EXISTS (SELECT 1 FROM completion_revocation r WHERE r.completion_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM completion s WHERE s.supersedes_id = c.id);

-- ---- Sessions follow the account --------------------------------------------------------------
-- Bumped whenever an account is disabled, its roles or scope change, or its password is reset or
-- changed; every session remembers the stamp it started with and ends at its next request when
-- the stamp in the database differs, on whichever node it lives.
ALTER TABLE app_user ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0 AFTER preferred_locale;

-- Failed logins per client address, so that password spraying across accounts is slowed on
-- every node (the per-account counter is in app_user).
CREATE TABLE login_address_failure (
    address       VARCHAR(64)  NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP(3) NOT NULL,
    failures      INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- Settings of this deployment --------------------------------------------------------------
-- e.g. demo_data = 'true' when the demo city was loaded, so every page can say so.
CREATE TABLE app_setting (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    value       VARCHAR(1000) NOT NULL,
    updated_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---- Audit trail ------------------------------------------------------------------------------
-- Insert-only: who did what to which entity, with a short before -> after.
CREATE TABLE audit_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    actor        VARCHAR(100)  NOT NULL,     -- username, or 'system' for start-up jobs
    action       VARCHAR(60)   NOT NULL,     -- e.g. person.update, account.roles
    entity_type  VARCHAR(40)   NOT NULL,     -- unit, person, membership, account, course
    entity_id    VARCHAR(80)   NULL,
    entity_label VARCHAR(255)  NULL,         -- a readable name at the time
    before_value VARCHAR(2000) NULL,
    after_value  VARCHAR(2000) NULL,
    INDEX ix_audit_time (occurred_at),
    INDEX ix_audit_actor (actor, occurred_at),
    INDEX ix_audit_entity (entity_type, entity_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
