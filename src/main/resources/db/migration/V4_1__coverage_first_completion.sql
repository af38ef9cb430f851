-- Per person, rule and required group: the first effective completion within the rule's window
-- (DESIGN-NOTES: "a per-person trained-on date maintained on insert and on rule change, never
-- cached percentages"). A person is trained at D when every required group of the rule in force
-- has a first_on <= min(D, window end); coverage queries join this table instead of scanning
-- completions. It is derived data kept by the database itself: the triggers below recompute a
-- person whenever a completion or revocation of theirs is written or removed, and a rule's group
-- when the group is added to the rule, so no writer (online, class, import) can forget it. A bulk
-- load (the national-scale benchmark) sets @coverage_bulk_load on its connection and then calls
-- coverage_rebuild_all() once.

CREATE TABLE coverage_first_completion (
    rule_id     BIGINT      NOT NULL,
    person_id   BIGINT      NOT NULL,
    group_code  VARCHAR(40) NOT NULL,
    first_on    DATE        NOT NULL,
    PRIMARY KEY (rule_id, person_id, group_code),
    INDEX ix_cfc_person (person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER $$

-- Everything from scratch (after a bulk load made with @coverage_bulk_load set, see below).
CREATE PROCEDURE coverage_rebuild_all()
BEGIN
    DELETE FROM coverage_first_completion;
    INSERT INTO coverage_first_completion (rule_id, person_id, group_code, first_on)
    SELECT r.id, c.person_id, rg.group_code, MIN(c.completed_on)
    FROM programme_rule r
    JOIN programme_rule_group rg ON rg.rule_id = r.id
    JOIN course_group cg ON cg.group_code = rg.group_code
    JOIN effective_completion c ON c.course_id = cg.course_id
     AND c.completed_on >= r.window_from AND c.completed_on <= r.window_to
    GROUP BY r.id, c.person_id, rg.group_code;
END$$

CREATE PROCEDURE coverage_recompute_person(IN p_person BIGINT)
BEGIN
    DELETE FROM coverage_first_completion WHERE person_id = p_person;
    INSERT INTO coverage_first_completion (rule_id, person_id, group_code, first_on)
    SELECT r.id, c.person_id, rg.group_code, MIN(c.completed_on)
    FROM effective_completion c
    JOIN course_group cg ON cg.course_id = c.course_id
    JOIN programme_rule_group rg ON rg.group_code = cg.group_code
    JOIN programme_rule r ON r.id = rg.rule_id
     AND c.completed_on >= r.window_from AND c.completed_on <= r.window_to
    WHERE c.person_id = p_person
    GROUP BY r.id, c.person_id, rg.group_code;
END$$

CREATE PROCEDURE coverage_recompute_course(IN p_course BIGINT)
BEGIN
    DECLARE done INT DEFAULT FALSE;
    DECLARE v_person BIGINT;
    DECLARE people CURSOR FOR SELECT DISTINCT person_id FROM completion WHERE course_id = p_course;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
    OPEN people;
    each_person: LOOP
        FETCH people INTO v_person;
        IF done THEN
            LEAVE each_person;
        END IF;
        CALL coverage_recompute_person(v_person);
    END LOOP;
    CLOSE people;
END$$

CREATE TRIGGER tr_completion_coverage_ins AFTER INSERT ON completion FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_recompute_person(NEW.person_id);
    END IF;
END$$

CREATE TRIGGER tr_completion_coverage_del AFTER DELETE ON completion FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_recompute_person(OLD.person_id);
    END IF;
END$$

CREATE TRIGGER tr_revocation_coverage_ins AFTER INSERT ON completion_revocation FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_recompute_person((SELECT person_id FROM completion WHERE id = NEW.completion_id));
    END IF;
END$$

CREATE TRIGGER tr_revocation_coverage_del AFTER DELETE ON completion_revocation FOR EACH ROW
BEGIN
    IF @coverage_bulk_load IS NULL THEN
        CALL coverage_recompute_person((SELECT person_id FROM completion WHERE id = OLD.completion_id));
    END IF;
END$$

CREATE TRIGGER tr_course_group_coverage_ins AFTER INSERT ON course_group FOR EACH ROW
BEGIN
    CALL coverage_recompute_course(NEW.course_id);
END$$

CREATE TRIGGER tr_course_group_coverage_del AFTER DELETE ON course_group FOR EACH ROW
BEGIN
    CALL coverage_recompute_course(OLD.course_id);
END$$

-- A group added to a rule (a rule change inserts its groups after the rule row).
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
END$$

DELIMITER ;

CALL coverage_rebuild_all();
