package vn.gbv.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.security.AccountService;
import vn.gbv.portal.security.AccountService.NewAccount;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.PersonService;
import vn.gbv.portal.unit.PersonService.MembershipTerms;
import vn.gbv.portal.unit.PersonService.PersonalDetails;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitService.NewUnit;
import vn.gbv.portal.unit.UnitType;

/** Every kind of change to units, people, memberships and accounts leaves one row: who, what, before → after. */
@SpringBootTest
@WithMockUser(username = "audit-admin", roles = "ADMIN")
class AuditTrailTest {

    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final LocalDate CHANGE = LocalDate.of(2025, 7, 1);

    @Autowired UnitService units;
    @Autowired PersonService people;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;

    long city;
    long wardA;
    long wardB;

    record Row(String actor, String action, String entityType, String entityId, String label, String before,
               String after) {
    }

    @BeforeEach
    void tree() {
        if (jdbc.queryForObject("select count(*) from app_user where username = 'audit-admin'", Integer.class) == 0) {
            new SimpleJdbcInsert(jdbc).withTableName("app_user")
                    .usingColumns("username", "password_hash", "display_name", "must_change_password")
                    .execute(Map.of("username", "audit-admin", "password_hash", "{noop}unused",
                            "display_name", "Quản trị", "must_change_password", false));
            jdbc.update("insert into user_role (user_id, role) select id, 'ADMIN' from app_user where username = 'audit-admin'");
        }
        city = units.addUnit(new NewUnit(null, code("CITY"), "Thành phố " + code(""), UnitType.CITY, START));
        wardA = units.addUnit(new NewUnit(city, code("WA"), "Phường An Bình", UnitType.WARD, START));
        wardB = units.addUnit(new NewUnit(city, code("WB"), "Phường Tân Lập", UnitType.WARD, START));
    }

    @Test
    void unitChangesAreRecordedWithBeforeAndAfter() {
        assertThat(last("unit", wardA)).extracting(Row::actor, Row::action, Row::entityType, Row::label, Row::before)
                .containsExactly("audit-admin", "unit.create", "unit", "Phường An Bình", null);
        assertThat(last("unit", wardA).after()).contains("Tên: Phường An Bình", "Loại: Phường", "Từ ngày: 01/01/2020",
                "Đơn vị cấp trên: Thành phố");

        units.rename(wardA, "Phường Hòa Bình", CHANGE);
        assertThat(last("unit", wardA)).extracting(Row::actor, Row::action, Row::label, Row::before, Row::after)
                .containsExactly("audit-admin", "unit.rename", "Phường Hòa Bình", "Tên: Phường An Bình",
                        "Tên: Phường Hòa Bình; Từ ngày: 01/07/2025");

        long school = units.addUnit(new NewUnit(wardA, code("SCH"), "Trường Lê Lợi", UnitType.SCHOOL, START));
        units.move(school, wardB, CHANGE);
        assertThat(last("unit", school)).extracting(Row::action, Row::before, Row::after)
                .containsExactly("unit.move", "Đơn vị cấp trên: Phường Hòa Bình",
                        "Đơn vị cấp trên: Phường Tân Lập; Từ ngày: 01/07/2025");

        units.close(school, CHANGE.plusDays(1));
        assertThat(last("unit", school)).extracting(Row::action, Row::before, Row::after)
                .containsExactly("unit.close", null, "Đến ngày: 02/07/2025");

        people.create(new PersonalDetails("Lý Thị Mai", Sex.F, 1990, null, null),
                new MembershipTerms(wardA, StaffCategory.CONG_CHUC, null, true), START);
        units.merge(wardA, wardB, CHANGE.plusDays(2));
        assertThat(last("unit", wardA)).extracting(Row::actor, Row::action, Row::label, Row::after)
                .containsExactly("audit-admin", "unit.merge", "Phường Hòa Bình",
                        "Đơn vị tiếp nhận: Phường Tân Lập; Đến ngày: 03/07/2025; Số người chuyển sang: 1; "
                                + "Số đơn vị cấp dưới chuyển sang: 0");
    }

    @Test
    void personAndMembershipChangesAreRecordedWithTheChangedFieldsOnly() {
        long person = people.create(new PersonalDetails("Trần Văn Bình", Sex.M, 1980, "0912 000 111", null,
                        "001080012345", "CB-07"),
                new MembershipTerms(wardA, StaffCategory.VIEN_CHUC, "Kế toán", false), START);
        Row created = last("person", person);
        assertThat(created).extracting(Row::actor, Row::action, Row::label, Row::before)
                .containsExactly("audit-admin", "person.create", "Trần Văn Bình", null);
        assertThat(created.after()).contains("Họ tên: Trần Văn Bình", "Năm sinh: 1980", "Mã cán bộ: CB-07",
                        "Đơn vị: Phường An Bình", "Số định danh: ••••••••2345")
                .doesNotContain("001080012345");

        people.updateDetails(person, people.person(person).version(),
                new PersonalDetails("Trần Văn Bình", Sex.M, 1981, "0912 000 111", null, "001080012345", "CB-08"));
        assertThat(last("person", person)).extracting(Row::action, Row::before, Row::after)
                .containsExactly("person.update", "Năm sinh: 1980; Mã cán bộ: CB-07", "Năm sinh: 1981; Mã cán bộ: CB-08");

        people.changeMembership(person, new MembershipTerms(wardB, StaffCategory.VIEN_CHUC, "Kế toán", false), CHANGE);
        assertThat(last("membership", person)).extracting(Row::actor, Row::action, Row::label, Row::before, Row::after)
                .containsExactly("audit-admin", "membership.transfer", "Trần Văn Bình", "Đơn vị: Phường An Bình",
                        "Đơn vị: Phường Tân Lập; Từ ngày: 01/07/2025");

        people.changeMembership(person, new MembershipTerms(wardB, StaffCategory.CONG_CHUC, "Kế toán", true),
                CHANGE.plusDays(1));
        assertThat(last("membership", person)).extracting(Row::action, Row::before, Row::after)
                .containsExactly("membership.change", "Loại cán bộ: Viên chức; Thuộc đối tượng: Không",
                        "Loại cán bộ: Công chức; Thuộc đối tượng: Có; Từ ngày: 02/07/2025");

        people.endMembership(person, CHANGE.plusDays(2));
        assertThat(last("membership", person)).extracting(Row::action, Row::before, Row::after)
                .containsExactly("membership.leave", "Đơn vị: Phường Tân Lập", "Đến ngày: 03/07/2025");
    }

    @Test
    void accountChangesAreRecorded() {
        String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        long account = accounts.create(new NewAccount(username, "Người dùng thử", null, Set.of(Role.LEARNER), Set.of()))
                .accountId();
        assertThat(last("account", account)).extracting(Row::actor, Row::action, Row::label, Row::before, Row::after)
                .containsExactly("audit-admin", "account.create", username, null,
                        "Tên hiển thị: Người dùng thử; Vai trò: Học viên");

        accounts.updateRoles(account, Set.of(Role.LEARNER, Role.TRAINER), Set.of());
        assertThat(last("account", account)).extracting(Row::action, Row::before, Row::after)
                .containsExactly("account.roles", "Vai trò: Học viên", "Vai trò: Học viên, Giảng viên");

        accounts.updateRoles(account, Set.of(Role.UNIT_MANAGER), Set.of(wardA));
        assertThat(rows("account", account)).extracting(Row::action, Row::before, Row::after).startsWith(
                tuple("account.scope", null, "Đơn vị quản lý: #" + wardA),
                tuple("account.roles", "Vai trò: Học viên, Giảng viên",
                        "Vai trò: Cán bộ phụ trách đơn vị"));

        accounts.updateRoles(account, Set.of(Role.UNIT_MANAGER), Set.of(wardB));
        assertThat(last("account", account)).extracting(Row::action, Row::before, Row::after)
                .containsExactly("account.scope", "Đơn vị quản lý: #" + wardA, "Đơn vị quản lý: #" + wardB);

        accounts.setEnabled(account, false);
        assertThat(last("account", account)).extracting(Row::actor, Row::action)
                .containsExactly("audit-admin", "account.disable");
        accounts.setEnabled(account, true);
        assertThat(last("account", account).action()).isEqualTo("account.enable");

        accounts.resetPassword(account);
        assertThat(last("account", account)).extracting(Row::actor, Row::action, Row::label)
                .containsExactly("audit-admin", "account.password-reset", username);
    }

    @Test
    void aRefusedChangeLeavesNoRow() {
        int before = rows("unit", wardA).size();
        assertThatThrownBy(() -> units.move(city, wardA, CHANGE))
                .hasMessage("unit.error.move-into-own-subtree");
        assertThat(rows("unit", city)).extracting(Row::action).containsExactly("unit.create");
        assertThat(rows("unit", wardA)).hasSize(before);
    }

    private Row last(String entityType, long entityId) {
        return rows(entityType, entityId).getFirst();
    }

    private List<Row> rows(String entityType, long entityId) {
        return jdbc.query("""
                select actor, action, entity_type, entity_id, entity_label, before_value, after_value
                from audit_event where entity_type = ? and entity_id = ? order by id desc
                """, (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7)), entityType, id(entityId));
    }

    private static String id(long id) {
        return Long.toString(id);
    }

    private static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
