-- In-person classes (lớp tập huấn trực tiếp): a course taught by trainers to people enrolled from
-- a unit's roster, in dated sessions, with attendance per session. Closing a class records
-- completions (source CLASS, class_id) for those who met the class's attendance rule; the class
-- keeps the course version it recorded, so a correction after closing records the same version.

CREATE TABLE training_class (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    title              VARCHAR(300)  NOT NULL,
    course_id          BIGINT        NOT NULL,
    unit_id            BIGINT        NOT NULL,       -- the organising unit: its subtree is the roster
    capacity           INT           NOT NULL,
    min_sessions       INT           NULL,           -- NULL: every session must be attended
    status             VARCHAR(10)   NOT NULL DEFAULT 'OPEN',   -- OPEN or CLOSED
    closed_version_id  BIGINT        NULL,           -- the course version the completions were recorded on
    closed_at          TIMESTAMP(3)  NULL,
    closed_by          VARCHAR(100)  NULL,
    created_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    created_by         VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_tc_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_tc_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_tc_version FOREIGN KEY (closed_version_id) REFERENCES course_version (id),
    CONSTRAINT ck_tc_capacity CHECK (capacity > 0),
    CONSTRAINT ck_tc_min CHECK (min_sessions IS NULL OR min_sessions > 0),
    CONSTRAINT ck_tc_status CHECK (status IN ('OPEN', 'CLOSED')),
    INDEX ix_tc_unit (unit_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The trainers of a class (accounts): they may run it whatever unit it belongs to.
CREATE TABLE class_trainer (
    class_id  BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    PRIMARY KEY (class_id, user_id),
    INDEX ix_ct_user (user_id),
    CONSTRAINT fk_ct_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_ct_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE class_session (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    class_id      BIGINT        NOT NULL,
    seq           INT           NOT NULL,            -- 1, 2, … in date order
    session_date  DATE          NOT NULL,
    starts_at     TIME          NOT NULL,
    ends_at       TIME          NOT NULL,
    place         VARCHAR(300)  NOT NULL,
    CONSTRAINT uk_cs_seq UNIQUE (class_id, seq),
    CONSTRAINT fk_cs_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT ck_cs_time CHECK (ends_at > starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who is enrolled (ENROLLED) and who waits (WAITING, promoted in id order when a place frees up).
-- Enrolling and removing lock the class row, so capacity holds across nodes.
CREATE TABLE class_enrolment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    class_id     BIGINT        NOT NULL,
    person_id    BIGINT        NOT NULL,
    status       VARCHAR(10)   NOT NULL,
    enrolled_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    enrolled_by  VARCHAR(100)  NOT NULL,
    CONSTRAINT uk_ce_person UNIQUE (class_id, person_id),
    CONSTRAINT fk_ce_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_ce_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_ce_status CHECK (status IN ('ENROLLED', 'WAITING')),
    INDEX ix_ce_person (person_id),
    INDEX ix_ce_status (class_id, status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Present at a session: ticked by the trainer (TICK) or by the learner's QR check-in (QR).
-- A primary key per session and person makes a second check-in change nothing.
CREATE TABLE class_attendance (
    session_id   BIGINT        NOT NULL,
    person_id    BIGINT        NOT NULL,
    how          VARCHAR(10)   NOT NULL,
    recorded_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    recorded_by  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (session_id, person_id),
    INDEX ix_ca_person (person_id),
    CONSTRAINT fk_ca_session FOREIGN KEY (session_id) REFERENCES class_session (id),
    CONSTRAINT fk_ca_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_ca_how CHECK (how IN ('TICK', 'QR'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- completion.class_id (V2) now points at its class.
ALTER TABLE completion ADD CONSTRAINT fk_c_class FOREIGN KEY (class_id) REFERENCES training_class (id);
CREATE INDEX ix_c_class ON completion (class_id);
