-- V8's procedures took a group code as a VARCHAR parameter; on a database created with another
-- default collation (see DatabaseCollationTest) such a parameter gets that collation and comparing
-- it with group_code (utf8mb4_unicode_ci) is an illegal mix. The triggers now look the slot up
-- with their NEW/OLD columns and pass its number.

DELIMITER $$

DROP TRIGGER tr_cfc_population_ins$$
DROP TRIGGER tr_cfc_population_upd$$
DROP TRIGGER tr_cfc_population_del$$
DROP TRIGGER tr_rule_group_coverage_ins$$
DROP PROCEDURE coverage_population_slot$$
DROP PROCEDURE coverage_population_fill_slot$$

-- One required group's first date (in slot p_slot) of one person under one rule changed (NULL = none any more).
CREATE PROCEDURE coverage_population_slot(IN p_rule BIGINT, IN p_person BIGINT, IN p_slot INT, IN p_on DATE)
BEGIN
    IF p_slot IS NOT NULL AND p_slot <= 6 THEN
        UPDATE coverage_population SET
            g1_on = IF(p_slot = 1, p_on, g1_on), g2_on = IF(p_slot = 2, p_on, g2_on),
            g3_on = IF(p_slot = 3, p_on, g3_on), g4_on = IF(p_slot = 4, p_on, g4_on),
            g5_on = IF(p_slot = 5, p_on, g5_on), g6_on = IF(p_slot = 6, p_on, g6_on)
        WHERE person_id = p_person AND rule_id = p_rule;
    END IF;
END$$

-- The group in slot p_slot of a rule, on every population row of the rule (set-based; NULL where none).
CREATE PROCEDURE coverage_population_fill_slot(IN p_rule BIGINT, IN p_slot INT)
BEGIN
    IF p_slot IS NOT NULL AND p_slot <= 6 THEN
        UPDATE coverage_population cp
        JOIN coverage_rule_slot s ON s.rule_id = p_rule AND s.slot = p_slot
        LEFT JOIN coverage_first_completion f
          ON f.rule_id = p_rule AND f.person_id = cp.person_id AND f.group_code = s.group_code
        SET cp.g1_on = IF(p_slot = 1, f.first_on, cp.g1_on), cp.g2_on = IF(p_slot = 2, f.first_on, cp.g2_on),
            cp.g3_on = IF(p_slot = 3, f.first_on, cp.g3_on), cp.g4_on = IF(p_slot = 4, f.first_on, cp.g4_on),
            cp.g5_on = IF(p_slot = 5, f.first_on, cp.g5_on), cp.g6_on = IF(p_slot = 6, f.first_on, cp.g6_on)
        WHERE cp.rule_id = p_rule;
    END IF;
END$$

CREATE TRIGGER tr_cfc_population_ins AFTER INSERT ON coverage_first_completion FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_population_slot(NEW.rule_id, NEW.person_id,
            (SELECT slot FROM coverage_rule_slot WHERE rule_id = NEW.rule_id AND group_code = NEW.group_code), NEW.first_on);
    END IF;
END$$

CREATE TRIGGER tr_cfc_population_upd AFTER UPDATE ON coverage_first_completion FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_population_slot(OLD.rule_id, OLD.person_id,
            (SELECT slot FROM coverage_rule_slot WHERE rule_id = OLD.rule_id AND group_code = OLD.group_code), NULL);
        CALL coverage_population_slot(NEW.rule_id, NEW.person_id,
            (SELECT slot FROM coverage_rule_slot WHERE rule_id = NEW.rule_id AND group_code = NEW.group_code), NEW.first_on);
    END IF;
END$$

CREATE TRIGGER tr_cfc_population_del AFTER DELETE ON coverage_first_completion FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_population_slot(OLD.rule_id, OLD.person_id,
            (SELECT slot FROM coverage_rule_slot WHERE rule_id = OLD.rule_id AND group_code = OLD.group_code), NULL);
    END IF;
END$$

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
    CALL coverage_population_fill_slot(NEW.rule_id,
        (SELECT slot FROM coverage_rule_slot WHERE rule_id = NEW.rule_id AND group_code = NEW.group_code));
END$$

DELIMITER ;
