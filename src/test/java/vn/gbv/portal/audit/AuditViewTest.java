package vn.gbv.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.audit.AuditLog.AuditRow;
import vn.gbv.portal.audit.AuditLog.Entity;

/** The change log: administrators read it newest first and narrow it down; nobody else opens it. */
@SpringBootTest
class AuditViewTest extends SpringBrowserlessTest {

    /** Marks this test's rows among those other tests leave in the shared database. */
    static final String TOKEN = "zq" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void accountsAndRows(@Autowired JdbcTemplate jdbc) {
        account(jdbc, "audit-view-admin", "ADMIN");
        account(jdbc, "audit-view-manager", "UNIT_MANAGER");
        event(jdbc, LocalDateTime.of(2025, 1, 10, 10, 0), "tester-" + TOKEN, "unit.rename", "unit",
                "Phường Mới " + TOKEN, "Tên: Phường Cũ", "Tên: Phường Mới " + TOKEN);
        event(jdbc, LocalDateTime.of(2025, 3, 5, 9, 30), "audit-view-admin", "person.update", "person",
                "Nguyễn Văn " + TOKEN, "Năm sinh: 1980", "Năm sinh: 1981");
        event(jdbc, LocalDateTime.of(2025, 6, 1, 8, 0), "audit-view-admin", "account.create", "account",
                "acc-" + TOKEN, null, "Vai trò: Học viên");
    }

    @Test
    @WithMockUser(username = "audit-view-admin", roles = "ADMIN")
    void anAdministratorReadsTheLogNewestFirstAndFiltersIt() {
        AuditView view = navigate(AuditView.class);
        assertThat(test(grid()).size()).isGreaterThanOrEqualTo(3);

        test(view.person).setValue(TOKEN);
        assertThat(labels()).containsExactly("acc-" + TOKEN, "Nguyễn Văn " + TOKEN, "Phường Mới " + TOKEN);
        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        assertThat(grid.getCellText(1, grid.getColumnPosition("what")))
                .isEqualTo("Sửa thông tin người · Nguyễn Văn " + TOKEN + " · bởi audit-view-admin, 05/03/2025 09:30");
        assertThat(grid.getCellText(1, grid.getColumnPosition("change"))).isEqualTo("Năm sinh: 1980 → Năm sinh: 1981");
        assertThat(grid.getCellText(0, grid.getColumnPosition("change"))).isEqualTo("Vai trò: Học viên");

        // The person filter also matches who acted.
        test(view.person).setValue("tester-" + TOKEN);
        assertThat(labels()).containsExactly("Phường Mới " + TOKEN);

        test(view.person).setValue(TOKEN);
        test(view.entity).selectItem("Người");
        assertThat(labels()).containsExactly("Nguyễn Văn " + TOKEN);

        view.entity.clear();
        test(view.from).setValue(LocalDate.of(2025, 3, 5));
        test(view.to).setValue(LocalDate.of(2025, 6, 1));
        assertThat(labels()).containsExactly("acc-" + TOKEN, "Nguyễn Văn " + TOKEN);
        test(view.from).setValue(null);
        test(view.to).setValue(LocalDate.of(2025, 1, 10));
        assertThat(labels()).containsExactly("Phường Mới " + TOKEN);
    }

    @Test
    @WithMockUser(username = "audit-view-manager", roles = "UNIT_MANAGER")
    void aUnitManagerCannotOpenIt() {
        UI.getCurrent().navigate("audit");
        assertThat(getCurrentView()).isNotInstanceOf(AuditView.class);
    }

    @Autowired AuditLog audit;

    @Test
    @WithMockUser(username = "audit-view-manager", roles = "UNIT_MANAGER")
    void theServiceRefusesAUnitManagerToo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> audit.search(AuditLog.AuditFilter.none(), 0, 10))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> audit.count(
                        new AuditLog.AuditFilter(TOKEN, Entity.PERSON, null, null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditRow> grid() {
        return findInView(Grid.class).withClassName("audit-grid").single();
    }

    private List<String> labels() {
        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        return IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).entityLabel()).toList();
    }

    private static void account(JdbcTemplate jdbc, String username, String role) {
        if (jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username) > 0) {
            return;
        }
        long id = new SimpleJdbcInsert(jdbc).withTableName("app_user").usingGeneratedKeyColumns("id")
                .usingColumns("username", "password_hash", "display_name", "must_change_password")
                .executeAndReturnKey(Map.of("username", username, "password_hash", "{noop}unused",
                        "display_name", username, "must_change_password", false))
                .longValue();
        jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role);
        if (role.equals("UNIT_MANAGER")) {
            jdbc.update("insert ignore into unit (id, code, name, type, valid_from) values (9801, 'AUD-W', 'Phường Nhật Ký', 'WARD', '2020-01-01')");
            jdbc.update("insert into manager_scope (user_id, unit_id) values (?, 9801)", id);
        }
    }

    private static void event(JdbcTemplate jdbc, LocalDateTime at, String actor, String action, String entityType,
                              String label, String before, String after) {
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, entity_type, entity_id, entity_label,
                                         before_value, after_value)
                values (?, ?, ?, ?, '1', ?, ?, ?)
                """, Timestamp.valueOf(at), actor, action, entityType, label, before, after);
    }
}
