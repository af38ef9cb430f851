-- A small city for security tests: ward A and ward B under it, one account per role.
-- Idempotent: every test context loads it before each test that needs it.
INSERT IGNORE INTO unit (id, code, name, type, valid_from) VALUES
 (9001, 'T-CITY', 'Thành phố Thử nghiệm', 'CITY', '2025-07-01'),
 (9002, 'T-WARD-A', 'Phường A', 'WARD', '2025-07-01'),
 (9003, 'T-WARD-B', 'Phường B', 'WARD', '2025-07-01');
INSERT IGNORE INTO unit_parent (id, unit_id, parent_id, valid_from) VALUES
 (9002, 9002, 9001, '2025-07-01'),
 (9003, 9003, 9001, '2025-07-01');
INSERT IGNORE INTO unit_closure (ancestor_id, descendant_id, depth) VALUES
 (9001, 9001, 0), (9002, 9002, 0), (9003, 9003, 0), (9001, 9002, 1), (9001, 9003, 1);
INSERT IGNORE INTO person (id, full_name, sex, birth_year) VALUES
 (9101, 'Nguyễn Thị Học', 'F', 1990),
 (9102, 'Trần Văn Giảng', 'M', 1980),
 (9103, 'Lê Thị Quản', 'F', 1985);
INSERT IGNORE INTO membership (id, person_id, unit_id, category, position, in_target, valid_from) VALUES
 (9101, 9101, 9002, 'CONG_TAC_VIEN', 'Cộng tác viên', TRUE, '2025-07-01'),
 (9102, 9102, 9001, 'VIEN_CHUC', 'Giảng viên', FALSE, '2025-07-01'),
 (9103, 9103, 9002, 'CONG_CHUC', 'Công chức văn hóa - xã hội', TRUE, '2025-07-01');
-- password for all: {noop} keeps the fixture readable; real accounts are hashed by AccountService
INSERT IGNORE INTO app_user (id, username, password_hash, person_id, display_name, must_change_password) VALUES
 (9201, 't-learner', '{noop}Learner-pass1', 9101, 'Nguyễn Thị Học', FALSE),
 (9202, 't-trainer', '{noop}Trainer-pass1', 9102, 'Trần Văn Giảng', FALSE),
 (9203, 't-manager', '{noop}Manager-pass1', 9103, 'Lê Thị Quản', FALSE),
 (9204, 't-admin', '{noop}Admin-pass1', NULL, 'Quản trị Thử nghiệm', FALSE),
 (9205, 't-newbie', '{noop}Temporary-1', NULL, 'Người Mới', TRUE);
INSERT IGNORE INTO user_role (user_id, role) VALUES
 (9201, 'LEARNER'), (9202, 'TRAINER'), (9202, 'LEARNER'), (9203, 'UNIT_MANAGER'), (9203, 'LEARNER'), (9204, 'ADMIN'), (9205, 'LEARNER');
INSERT IGNORE INTO manager_scope (user_id, unit_id) VALUES (9203, 9002);
UPDATE app_user SET failed_attempts = 0, locked_until = NULL, enabled = TRUE WHERE id BETWEEN 9201 AND 9205;
UPDATE app_user SET must_change_password = TRUE WHERE id = 9205;
