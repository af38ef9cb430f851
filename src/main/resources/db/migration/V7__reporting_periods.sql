-- Reporting periods and roster attestations (issues 16 and 17), shared by reports and rosters.
-- Part V of the 2026-2030 plan: units report to the city through Sở Nội vụ before 30 November each
-- year; Sở Nội vụ consolidates and reports before 5 December. The 2021-2025 plans also had a
-- 6-month report, so a period is ANNUAL or SEMIANNUAL, kept by administrators as data.

CREATE TABLE reporting_period (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                  VARCHAR(32)   NOT NULL,   -- e.g. 2026, 2027-H1: stable, used in URLs
    name                  VARCHAR(200)  NOT NULL,   -- e.g. Báo cáo năm 2026
    kind                  VARCHAR(12)   NOT NULL,   -- ANNUAL or SEMIANNUAL
    starts_on             DATE          NOT NULL,
    ends_on               DATE          NOT NULL,   -- inclusive
    figures_on            DATE          NOT NULL,   -- the date coverage figures are taken at
    units_due_on          DATE          NOT NULL,   -- units submit on or before this date
    consolidation_due_on  DATE          NOT NULL,   -- Sở Nội vụ consolidates on or before this date
    created_at            TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version               BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_reporting_period_code UNIQUE (code),
    CONSTRAINT ck_rp_kind CHECK (kind IN ('ANNUAL', 'SEMIANNUAL')),
    CONSTRAINT ck_rp_dates CHECK (starts_on <= ends_on AND figures_on >= starts_on AND figures_on <= ends_on
        AND units_due_on <= consolidation_due_on),
    INDEX ix_rp_dates (starts_on, ends_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The plan's yearly reports, 2026-2030: figures as of 30 Nov, units due 30 Nov, consolidation 5 Dec.
INSERT INTO reporting_period (code, name, kind, starts_on, ends_on, figures_on, units_due_on, consolidation_due_on) VALUES
    ('2026', 'Báo cáo năm 2026', 'ANNUAL', '2026-01-01', '2026-12-31', '2026-11-30', '2026-11-30', '2026-12-05'),
    ('2027', 'Báo cáo năm 2027', 'ANNUAL', '2027-01-01', '2027-12-31', '2027-11-30', '2027-11-30', '2027-12-05'),
    ('2028', 'Báo cáo năm 2028', 'ANNUAL', '2028-01-01', '2028-12-31', '2028-11-30', '2028-11-30', '2028-12-05'),
    ('2029', 'Báo cáo năm 2029', 'ANNUAL', '2029-01-01', '2029-12-31', '2029-11-30', '2029-11-30', '2029-12-05'),
    ('2030', 'Báo cáo năm 2030', 'ANNUAL', '2030-01-01', '2030-12-31', '2030-11-30', '2030-11-30', '2030-12-05');

-- Annual attestation: once a reporting period a manager confirms "this roster is the unit's target
-- population as of <as_of>". Insert-only: a new attestation for the same unit and period is a new
-- row; the newest counts. A roster changed after attested_at shows as changed since.
CREATE TABLE roster_attestation (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_id       BIGINT        NOT NULL,
    period_id     BIGINT        NOT NULL,
    as_of         DATE          NOT NULL,
    population    INT           NOT NULL,   -- the target population counted when attesting
    attested_by   VARCHAR(100)  NOT NULL,   -- username
    attested_name VARCHAR(200)  NOT NULL,   -- display name as it was
    attested_at   TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    note          VARCHAR(1000) NULL,
    CONSTRAINT fk_ra_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_ra_period FOREIGN KEY (period_id) REFERENCES reporting_period (id),
    INDEX ix_ra_unit_period (unit_id, period_id, attested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
