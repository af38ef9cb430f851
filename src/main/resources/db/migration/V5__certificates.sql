-- Certificates (giấy chứng nhận): one per effective completion, and one per person who meets the
-- programme's rule "trained". A certificate states what was printed on it, so its row keeps the
-- printed text (the holder's name, the course title, hours, how earned): names and titles change,
-- an issued certificate does not. The PDF is rendered again from the row whenever it is asked for.

-- Serials are numbered per year of issue (2026-000123). Issuers lock the year's row
-- (SELECT ... FOR UPDATE) in the transaction that inserts the certificate, so two nodes never hand
-- out the same number and a rolled-back issue leaves no gap.
CREATE TABLE certificate_serial_counter (
    year         SMALLINT NOT NULL PRIMARY KEY,
    last_number  INT      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE certificate (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind               VARCHAR(12)   NOT NULL,   -- COURSE or PROGRAMME
    serial             VARCHAR(20)   NOT NULL,   -- e.g. 2026-000123
    -- 128 random bits from SecureRandom in base32 (26 characters): printed in the QR code and typed
    -- on the verification page; it cannot be guessed or derived from any id.
    verification_code  CHAR(26)      NOT NULL,
    person_id          BIGINT        NOT NULL,
    completion_id      BIGINT        NULL,       -- COURSE: the completion it certifies
    course_id          BIGINT        NULL,       -- COURSE: the course
    rule_id            BIGINT        NULL,       -- PROGRAMME: the programme rule that was met
    holder_name        VARCHAR(200)  NOT NULL,   -- as printed
    title              VARCHAR(500)  NOT NULL,   -- the course title (or the programme's) as printed
    minutes            INT           NULL,       -- the course's estimated time, printed as hours
    earned_on          DATE          NOT NULL,   -- completion date (PROGRAMME: the day the rule was met)
    earned_how         VARCHAR(20)   NULL,       -- COURSE: ONLINE, CLASS or IMPORT
    issued_on          DATE          NOT NULL,
    issuer             VARCHAR(255)  NOT NULL,   -- issuing body as printed
    signer_title       VARCHAR(255)  NOT NULL,
    issued_at          TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    issued_by          VARCHAR(100)  NOT NULL,
    revoked_at         TIMESTAMP(3)  NULL,
    revoked_by         VARCHAR(100)  NULL,
    revoked_reason     VARCHAR(30)   NULL,       -- a general reason, shown on the verification page
    revoked_note       VARCHAR(1000) NULL,       -- the administrator's own words, never shown publicly
    replaced_by_id     BIGINT        NULL,       -- the certificate re-issued in its place
    -- At most one live (not revoked) certificate per completion, and per person and rule: issuing is
    -- idempotent whatever the code does. NULLs do not collide.
    live_completion_id BIGINT AS (IF(revoked_at IS NULL, completion_id, NULL)) PERSISTENT,
    live_programme_person_id BIGINT AS (IF(revoked_at IS NULL AND kind = 'PROGRAMME', person_id, NULL)) PERSISTENT,
    CONSTRAINT uk_certificate_serial UNIQUE (serial),
    CONSTRAINT uk_certificate_code UNIQUE (verification_code),
    CONSTRAINT uk_certificate_live_completion UNIQUE (live_completion_id),
    CONSTRAINT uk_certificate_live_programme UNIQUE (live_programme_person_id, rule_id),
    CONSTRAINT ck_certificate_kind CHECK (kind IN ('COURSE', 'PROGRAMME')),
    CONSTRAINT ck_certificate_subject CHECK ((kind = 'COURSE' AND completion_id IS NOT NULL AND course_id IS NOT NULL)
                                          OR (kind = 'PROGRAMME' AND rule_id IS NOT NULL)),
    CONSTRAINT fk_cert_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_cert_completion FOREIGN KEY (completion_id) REFERENCES completion (id),
    CONSTRAINT fk_cert_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_cert_rule FOREIGN KEY (rule_id) REFERENCES programme_rule (id),
    CONSTRAINT fk_cert_replaced_by FOREIGN KEY (replaced_by_id) REFERENCES certificate (id),
    INDEX ix_cert_person (person_id, kind),
    INDEX ix_cert_course (course_id, earned_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Lookups on the public verification page per client address and time window, shared by every
-- node, so that nobody can try codes at speed from one address.
CREATE TABLE certificate_verify_rate (
    address       VARCHAR(64)  NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP(3) NOT NULL,
    lookups       INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
