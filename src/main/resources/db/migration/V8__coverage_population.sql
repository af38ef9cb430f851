-- The target population of each programme rule, one narrow row per (rule, membership), with what
-- the person has: per required group of the rule the date of their first effective completion in
-- the rule's window (the per-person "trained on" date of DESIGN-NOTES is the latest of these).
-- Coverage for a subtree then reads this table alone, by its primary key (rule, unit, membership),
-- with no lookup per person: the national tree went from ~7.5 s (closure -> membership -> person
-- -> one lookup per required group) to well under a second. No percentage and no count is kept:
-- the rows are people; the figures are still counted live, at the date asked, by GROUP BY.
--
-- It is derived data kept by the database itself, like coverage_first_completion (V4_1), so that
-- no writer (PersonService, UnitService, an importer with batch SQL, classes, the demo loader) can
-- forget it:
--   membership insert / update / delete  -> that membership's rows
--   person sex changed                    -> that person's rows
--   coverage_first_completion written     -> that person's slot of that group (this table is kept
--     by V4_1's triggers on completion, revocation, supersede and course_group)
--   programme_rule_group inserted/deleted -> the group gets/loses a slot, filled set-based
--   programme_rule_category inserted/deleted -> that category's rows of the rule, set-based
-- Membership rows outside the target population (in_target false) or of a category the rule does
-- not count have no row. The unit type in scope is checked at query time through the unit (one
-- lookup per unit, not per person), so a unit's type may change freely.
--
-- Required groups are stored in slots g1_on..g6_on; coverage_rule_slot says which group of a rule
-- is in which slot. A rule with more than six required groups is answered by the live query.
-- A bulk load sets @coverage_bulk_load on its connection (the triggers then stand aside) and calls
-- coverage_rebuild_all() once, which now rebuilds this table too.

CREATE TABLE coverage_rule_slot (
    rule_id     BIGINT      NOT NULL,
    group_code  VARCHAR(40) NOT NULL,
    slot        INT         NOT NULL,
    PRIMARY KEY (rule_id, group_code),
    UNIQUE KEY uk_crs_slot (rule_id, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE coverage_population (
    rule_id        BIGINT      NOT NULL,
    unit_id        BIGINT      NOT NULL,
    membership_id  BIGINT      NOT NULL,
    person_id      BIGINT      NOT NULL,
    valid_from     DATE        NOT NULL,
    valid_to       DATE        NULL,
    category       VARCHAR(20) NOT NULL,
    sex            CHAR(1)     NOT NULL,
    g1_on          DATE        NULL,
    g2_on          DATE        NULL,
    g3_on          DATE        NULL,
    g4_on          DATE        NULL,
    g5_on          DATE        NULL,
    g6_on          DATE        NULL,
    PRIMARY KEY (rule_id, unit_id, membership_id),
    INDEX ix_cp_membership (membership_id),
    INDEX ix_cp_person (person_id, rule_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER $$

-- Everything from scratch, set-based (after a bulk load, and by this migration).
CREATE PROCEDURE coverage_population_rebuild()
BEGIN
    DELETE FROM coverage_rule_slot;
    INSERT INTO coverage_rule_slot (rule_id, group_code, slot)
    SELECT rule_id, group_code, ROW_NUMBER() OVER (PARTITION BY rule_id ORDER BY group_code)
    FROM programme_rule_group;
    DELETE FROM coverage_population;
    INSERT INTO coverage_population (rule_id, unit_id, membership_id, person_id, valid_from, valid_to, category, sex,
                                     g1_on, g2_on, g3_on, g4_on, g5_on, g6_on)
    SELECT rc.rule_id, m.unit_id, m.id, m.person_id, m.valid_from, m.valid_to, m.category, p.sex,
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = rc.rule_id AND s.slot = 1),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = rc.rule_id AND s.slot = 2),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = rc.rule_id AND s.slot = 3),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = rc.rule_id AND s.slot = 4),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = rc.rule_id AND s.slot = 5),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = rc.rule_id AND s.slot = 6)
    FROM programme_rule_category rc
    STRAIGHT_JOIN membership m ON m.category = rc.category AND m.in_target
    STRAIGHT_JOIN person p ON p.id = m.person_id;
END$$

-- The rows of one membership (after it was inserted or changed): one per rule counting its category.
CREATE PROCEDURE coverage_population_membership(IN p_membership BIGINT)
BEGIN
    DELETE FROM coverage_population WHERE membership_id = p_membership;
    INSERT INTO coverage_population (rule_id, unit_id, membership_id, person_id, valid_from, valid_to, category, sex,
                                     g1_on, g2_on, g3_on, g4_on, g5_on, g6_on)
    SELECT rc.rule_id, m.unit_id, m.id, m.person_id, m.valid_from, m.valid_to, m.category, p.sex,
           MAX(IF(s.slot = 1, f.first_on, NULL)), MAX(IF(s.slot = 2, f.first_on, NULL)),
           MAX(IF(s.slot = 3, f.first_on, NULL)), MAX(IF(s.slot = 4, f.first_on, NULL)),
           MAX(IF(s.slot = 5, f.first_on, NULL)), MAX(IF(s.slot = 6, f.first_on, NULL))
    FROM membership m
    JOIN person p ON p.id = m.person_id
    JOIN programme_rule_category rc ON rc.category = m.category
    LEFT JOIN coverage_first_completion f ON f.rule_id = rc.rule_id AND f.person_id = m.person_id
    LEFT JOIN coverage_rule_slot s ON s.rule_id = f.rule_id AND s.group_code = f.group_code
    WHERE m.id = p_membership AND m.in_target
    GROUP BY rc.rule_id, m.id;
END$$

-- One required group's first date of one person under one rule changed (NULL = none any more).
CREATE PROCEDURE coverage_population_slot(IN p_rule BIGINT, IN p_person BIGINT, IN p_group VARCHAR(40), IN p_on DATE)
BEGIN
    DECLARE v_slot INT;
    SET v_slot = (SELECT slot FROM coverage_rule_slot WHERE rule_id = p_rule AND group_code = p_group);
    IF v_slot IS NOT NULL AND v_slot <= 6 THEN
        UPDATE coverage_population SET
            g1_on = IF(v_slot = 1, p_on, g1_on), g2_on = IF(v_slot = 2, p_on, g2_on),
            g3_on = IF(v_slot = 3, p_on, g3_on), g4_on = IF(v_slot = 4, p_on, g4_on),
            g5_on = IF(v_slot = 5, p_on, g5_on), g6_on = IF(v_slot = 6, p_on, g6_on)
        WHERE person_id = p_person AND rule_id = p_rule;
    END IF;
END$$

-- A rule's group, in its slot, on every population row of the rule (set-based; NULL where none).
CREATE PROCEDURE coverage_population_fill_slot(IN p_rule BIGINT, IN p_group VARCHAR(40))
BEGIN
    DECLARE v_slot INT;
    SET v_slot = (SELECT slot FROM coverage_rule_slot WHERE rule_id = p_rule AND group_code = p_group);
    IF v_slot IS NOT NULL AND v_slot <= 6 THEN
        UPDATE coverage_population cp
        LEFT JOIN coverage_first_completion f
          ON f.rule_id = p_rule AND f.person_id = cp.person_id AND f.group_code = p_group
        SET cp.g1_on = IF(v_slot = 1, f.first_on, cp.g1_on), cp.g2_on = IF(v_slot = 2, f.first_on, cp.g2_on),
            cp.g3_on = IF(v_slot = 3, f.first_on, cp.g3_on), cp.g4_on = IF(v_slot = 4, f.first_on, cp.g4_on),
            cp.g5_on = IF(v_slot = 5, f.first_on, cp.g5_on), cp.g6_on = IF(v_slot = 6, f.first_on, cp.g6_on)
        WHERE cp.rule_id = p_rule;
    END IF;
END$$

CREATE TRIGGER tr_membership_population_ins AFTER INSERT ON membership FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL AND NEW.in_target THEN
        CALL coverage_population_membership(NEW.id);
    END IF;
END$$

CREATE TRIGGER tr_membership_population_upd AFTER UPDATE ON membership FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        IF NEW.id = OLD.id AND NEW.unit_id = OLD.unit_id AND NEW.person_id = OLD.person_id
           AND NEW.category = OLD.category AND NEW.in_target = OLD.in_target THEN
            -- Only the dates (a transfer or a leaver closes the row): no need to look anything up.
            UPDATE coverage_population SET valid_from = NEW.valid_from, valid_to = NEW.valid_to
            WHERE membership_id = NEW.id;
        ELSE
            DELETE FROM coverage_population WHERE membership_id = OLD.id;
            CALL coverage_population_membership(NEW.id);
        END IF;
    END IF;
END$$

CREATE TRIGGER tr_membership_population_del AFTER DELETE ON membership FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        DELETE FROM coverage_population WHERE membership_id = OLD.id;
    END IF;
END$$

CREATE TRIGGER tr_person_population_upd AFTER UPDATE ON person FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL AND NEW.sex <> OLD.sex THEN
        UPDATE coverage_population SET sex = NEW.sex WHERE person_id = NEW.id;
    END IF;
END$$

CREATE TRIGGER tr_cfc_population_ins AFTER INSERT ON coverage_first_completion FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_population_slot(NEW.rule_id, NEW.person_id, NEW.group_code, NEW.first_on);
    END IF;
END$$

CREATE TRIGGER tr_cfc_population_upd AFTER UPDATE ON coverage_first_completion FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_population_slot(OLD.rule_id, OLD.person_id, OLD.group_code, NULL);
        CALL coverage_population_slot(NEW.rule_id, NEW.person_id, NEW.group_code, NEW.first_on);
    END IF;
END$$

CREATE TRIGGER tr_cfc_population_del AFTER DELETE ON coverage_first_completion FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_population_slot(OLD.rule_id, OLD.person_id, OLD.group_code, NULL);
    END IF;
END$$

-- V4_1's trigger, extended: the group's first completions are added (the population rows do not
-- follow row by row yet: the group has no slot until the next statement), then the group gets the
-- next free slot of its rule and that slot is filled on every row of the rule in one statement.
DROP TRIGGER tr_rule_group_coverage_ins$$
CREATE TRIGGER tr_rule_group_coverage_ins AFTER INSERT ON programme_rule_group FOR EACH ROW
BEGIN
    INSERT INTO coverage_first_completion (rule_id, person_id, group_code, first_on)
    SELECT r.id, c.person_id, NEW.group_code, MIN(c.completed_on)
    FROM programme_rule r
    JOIN course_group cg ON cg.group_code = NEW.group_code
    JOIN effective_completion c ON c.course_id = cg.course_id
     AND c.completed_on >= r.window_from AND c.completed_on <= r.window_to
    WHERE r.id = NEW.rule_id
    GROUP BY r.id, c.person_id;
    INSERT INTO coverage_rule_slot (rule_id, group_code, slot)
    SELECT NEW.rule_id, NEW.group_code, COALESCE(MAX(slot), 0) + 1 FROM coverage_rule_slot WHERE rule_id = NEW.rule_id;
    CALL coverage_population_fill_slot(NEW.rule_id, NEW.group_code);
END$$

-- A group taken off a rule: its slot is emptied and freed (its first completions stay, unused).
CREATE TRIGGER tr_rule_group_population_del AFTER DELETE ON programme_rule_group FOR EACH ROW
BEGIN
    DECLARE v_slot INT;
    SET v_slot = (SELECT slot FROM coverage_rule_slot WHERE rule_id = OLD.rule_id AND group_code = OLD.group_code);
    IF v_slot IS NOT NULL AND v_slot <= 6 THEN
        UPDATE coverage_population SET
            g1_on = IF(v_slot = 1, NULL, g1_on), g2_on = IF(v_slot = 2, NULL, g2_on),
            g3_on = IF(v_slot = 3, NULL, g3_on), g4_on = IF(v_slot = 4, NULL, g4_on),
            g5_on = IF(v_slot = 5, NULL, g5_on), g6_on = IF(v_slot = 6, NULL, g6_on)
        WHERE rule_id = OLD.rule_id;
    END IF;
    DELETE FROM coverage_rule_slot WHERE rule_id = OLD.rule_id AND group_code = OLD.group_code;
END$$

CREATE TRIGGER tr_rule_category_population_ins AFTER INSERT ON programme_rule_category FOR EACH ROW
BEGIN
    INSERT INTO coverage_population (rule_id, unit_id, membership_id, person_id, valid_from, valid_to, category, sex,
                                     g1_on, g2_on, g3_on, g4_on, g5_on, g6_on)
    SELECT NEW.rule_id, m.unit_id, m.id, m.person_id, m.valid_from, m.valid_to, m.category, p.sex,
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = NEW.rule_id AND s.slot = 1),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = NEW.rule_id AND s.slot = 2),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = NEW.rule_id AND s.slot = 3),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = NEW.rule_id AND s.slot = 4),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = NEW.rule_id AND s.slot = 5),
           (SELECT f.first_on FROM coverage_rule_slot s JOIN coverage_first_completion f
             ON f.rule_id = s.rule_id AND f.person_id = m.person_id AND f.group_code = s.group_code
             WHERE s.rule_id = NEW.rule_id AND s.slot = 6)
    FROM membership m
    JOIN person p ON p.id = m.person_id
    WHERE m.category = NEW.category AND m.in_target;
END$$

CREATE TRIGGER tr_rule_category_population_del AFTER DELETE ON programme_rule_category FOR EACH ROW
BEGIN
    DELETE FROM coverage_population WHERE rule_id = OLD.rule_id AND category = OLD.category;
END$$

-- V4_1's full rebuild, now also of the population rows, with the row triggers standing aside
-- (and put back even when a statement fails).
DROP PROCEDURE coverage_rebuild_all$$
CREATE PROCEDURE coverage_rebuild_all()
BEGIN
    DECLARE v_bulk INT DEFAULT @coverage_bulk_load;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        SET @coverage_bulk_load = v_bulk;
        RESIGNAL;
    END;
    SET @coverage_bulk_load = 1;
    DELETE FROM coverage_first_completion;
    INSERT INTO coverage_first_completion (rule_id, person_id, group_code, first_on)
    SELECT r.id, c.person_id, rg.group_code, MIN(c.completed_on)
    FROM programme_rule r
    JOIN programme_rule_group rg ON rg.rule_id = r.id
    JOIN course_group cg ON cg.group_code = rg.group_code
    JOIN effective_completion c ON c.course_id = cg.course_id
     AND c.completed_on >= r.window_from AND c.completed_on <= r.window_to
    GROUP BY r.id, c.person_id, rg.group_code;
    CALL coverage_population_rebuild();
    SET @coverage_bulk_load = v_bulk;
END$$

DELIMITER ;

CALL coverage_population_rebuild();
