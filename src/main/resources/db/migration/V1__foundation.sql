-- Foundation: the unit tree (time-aware), people and their dated memberships, accounts and roles.
-- See ../shared/DESIGN-NOTES.md: time is part of the data, coverage is a query.

CREATE TABLE unit (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(40)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    type          VARCHAR(30)  NOT NULL,
    valid_from    DATE         NOT NULL,
    valid_to      DATE         NULL,      -- exclusive; NULL = still open
    successor_id  BIGINT       NULL,      -- where people went when the unit was merged or closed
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_unit_code UNIQUE (code),
    CONSTRAINT fk_unit_successor FOREIGN KEY (successor_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Former names, so that a report for an earlier date can name the unit as it was then.
CREATE TABLE unit_name_history (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_id     BIGINT       NOT NULL,
    name        VARCHAR(255) NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE         NOT NULL,
    CONSTRAINT fk_unh_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    INDEX ix_unh_unit (unit_id, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Parent links with validity: "the tree as of 30 Nov 2027" can be asked.
CREATE TABLE unit_parent (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_id     BIGINT NOT NULL,
    parent_id   BIGINT NOT NULL,
    valid_from  DATE   NOT NULL,
    valid_to    DATE   NULL,
    CONSTRAINT fk_up_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_up_parent FOREIGN KEY (parent_id) REFERENCES unit (id),
    INDEX ix_up_unit (unit_id, valid_from, valid_to),
    INDEX ix_up_parent (parent_id, valid_from, valid_to)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Closure of the current tree (open parent links), rebuilt in the same transaction as any tree change.
CREATE TABLE unit_closure (
    ancestor_id    BIGINT NOT NULL,
    descendant_id  BIGINT NOT NULL,
    depth          INT    NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id),
    INDEX ix_uc_descendant (descendant_id, ancestor_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE person (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    full_name   VARCHAR(200) NOT NULL,
    sex         CHAR(1)      NOT NULL,       -- F or M
    birth_year  SMALLINT     NULL,
    phone       VARCHAR(30)  NULL,
    email       VARCHAR(200) NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ck_person_sex CHECK (sex IN ('F', 'M'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Dated membership rows: coverage at date D counts the row valid at D.
CREATE TABLE membership (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id   BIGINT       NOT NULL,
    unit_id     BIGINT       NOT NULL,
    category    VARCHAR(20)  NOT NULL,       -- CAN_BO, CONG_CHUC, VIEN_CHUC, NHAN_VIEN, CONG_TAC_VIEN
    position    VARCHAR(200) NULL,
    in_target   BOOLEAN      NOT NULL,       -- does social work: in the target population
    valid_from  DATE         NOT NULL,
    valid_to    DATE         NULL,           -- exclusive; NULL = current
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_m_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_m_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    INDEX ix_m_unit_valid (unit_id, valid_from, valid_to, person_id),
    INDEX ix_m_person (person_id, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    username              VARCHAR(100) NOT NULL,
    password_hash         VARCHAR(200) NOT NULL,
    person_id             BIGINT       NULL,
    display_name          VARCHAR(200) NOT NULL,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password  BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts       INT          NOT NULL DEFAULT 0,
    locked_until          TIMESTAMP(3) NULL,
    last_login_at         TIMESTAMP(3) NULL,
    preferred_locale      VARCHAR(10)  NULL,
    created_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id  BIGINT      NOT NULL,
    role     VARCHAR(20) NOT NULL,     -- LEARNER, TRAINER, UNIT_MANAGER, ADMIN
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_ur_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A unit manager manages these units and everything below them.
CREATE TABLE manager_scope (
    user_id  BIGINT NOT NULL,
    unit_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, unit_id),
    CONSTRAINT fk_ms_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_ms_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Scheduled jobs on several nodes take this lock (one row per job).
CREATE TABLE job_lock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    locked_until TIMESTAMP(3) NOT NULL,
    locked_at   TIMESTAMP(3) NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
