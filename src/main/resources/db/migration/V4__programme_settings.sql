-- Programme settings kept by administrators as data (issue 14): yearly milestones and the scope of
-- the target population (staff categories, unit types), each attached to a programme_rule row. A
-- change of settings is a new rule row from a date (V3: valid_from/valid_to), so live figures for
-- an earlier date keep the settings that were in force then.

-- Yearly milestones towards the target, e.g. 20/40/60/70/80% at the end of 2026..2030.
CREATE TABLE programme_milestone (
    rule_id  BIGINT       NOT NULL,
    year     SMALLINT     NOT NULL,
    percent  DECIMAL(5,2) NOT NULL,
    PRIMARY KEY (rule_id, year),
    CONSTRAINT fk_pm_rule FOREIGN KEY (rule_id) REFERENCES programme_rule (id),
    CONSTRAINT ck_pm_percent CHECK (percent >= 0 AND percent <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staff categories (membership.category) counted in the target population.
CREATE TABLE programme_rule_category (
    rule_id   BIGINT      NOT NULL,
    category  VARCHAR(20) NOT NULL,
    PRIMARY KEY (rule_id, category),
    CONSTRAINT fk_prc_rule FOREIGN KEY (rule_id) REFERENCES programme_rule (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Unit types (unit.type of the member's own unit) counted in the target population.
CREATE TABLE programme_rule_unit_type (
    rule_id    BIGINT      NOT NULL,
    unit_type  VARCHAR(30) NOT NULL,
    PRIMARY KEY (rule_id, unit_type),
    CONSTRAINT fk_prut_rule FOREIGN KEY (rule_id) REFERENCES programme_rule (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who changed the settings and when (the rule rows themselves are never edited, only closed).
ALTER TABLE programme_rule
    ADD COLUMN created_by VARCHAR(100) NULL AFTER valid_to,
    ADD COLUMN created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) AFTER created_by;

-- Defaults of the 2026–2030 plan for every rule already present: 20/40/60/70/80%, every staff
-- category of target I.2.d and every unit type.
INSERT INTO programme_milestone (rule_id, year, percent)
SELECT r.id, y.year, y.percent FROM programme_rule r
CROSS JOIN (SELECT 2026 AS year, 20.00 AS percent UNION ALL SELECT 2027, 40.00 UNION ALL SELECT 2028, 60.00
            UNION ALL SELECT 2029, 70.00 UNION ALL SELECT 2030, 80.00) y;

INSERT INTO programme_rule_category (rule_id, category)
SELECT r.id, c.category FROM programme_rule r
CROSS JOIN (SELECT 'CAN_BO' AS category UNION ALL SELECT 'CONG_CHUC' UNION ALL SELECT 'VIEN_CHUC'
            UNION ALL SELECT 'NHAN_VIEN' UNION ALL SELECT 'CONG_TAC_VIEN') c;

INSERT INTO programme_rule_unit_type (rule_id, unit_type)
SELECT r.id, t.unit_type FROM programme_rule r
CROSS JOIN (SELECT 'CITY' AS unit_type UNION ALL SELECT 'DEPARTMENT' UNION ALL SELECT 'COMMUNE' UNION ALL SELECT 'WARD'
            UNION ALL SELECT 'HEALTH_FACILITY' UNION ALL SELECT 'SCHOOL' UNION ALL SELECT 'SOCIAL_ASSISTANCE'
            UNION ALL SELECT 'SHELTER' UNION ALL SELECT 'OTHER') t;

