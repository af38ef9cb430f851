package vn.gbv.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;

/** Each role sees its own navigation and reaches its own views, and no other. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
class RoleNavigationTest extends SpringBrowserlessTest {

    private List<String> navigationPaths() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getPath).toList();
    }

    private String viewAfterNavigatingTo(String path) {
        UI.getCurrent().navigate(path);
        return getCurrentView().getClass().getSimpleName();
    }

    @Test
    @WithMockUser(username = "t-learner", roles = "LEARNER")
    void learnerSeesLearningOnly() {
        assertThat(navigationPaths()).containsExactly("", "courses", "my-learning");
        assertThat(viewAfterNavigatingTo("admin/accounts")).isNotEqualTo("AccountsView");
        assertThat(viewAfterNavigatingTo("units")).isNotEqualTo("UnitTreeView");
        assertThat(viewAfterNavigatingTo("people")).isNotEqualTo("RosterView");
        assertThat(viewAfterNavigatingTo("course-admin")).isNotEqualTo("CourseAdminView");
        assertThat(viewAfterNavigatingTo("quiz-attempts")).isNotEqualTo("AttemptGrantView");
        assertThat(viewAfterNavigatingTo("my-learning")).isEqualTo("MyLearningView");
        assertThat(viewAfterNavigatingTo("classes")).isNotEqualTo("ClassesView");
    }

    @Test
    @WithMockUser(username = "t-trainer", roles = {"TRAINER", "LEARNER"})
    void trainerSeesCoursesButNotUnits() {
        assertThat(navigationPaths()).containsExactly("", "courses", "my-learning", "course-admin", "authoring", "quiz-attempts",
                "classes");
        assertThat(viewAfterNavigatingTo("classes")).isEqualTo("ClassesView");
        assertThat(viewAfterNavigatingTo("people")).isNotEqualTo("RosterView");
        assertThat(viewAfterNavigatingTo("imports/completions")).isNotEqualTo("PastTrainingImportView");
        assertThat(viewAfterNavigatingTo("quiz-attempts")).isEqualTo("AttemptGrantView");
        assertThat(viewAfterNavigatingTo("certificates")).isNotEqualTo("CertificatesView");
        assertThat(viewAfterNavigatingTo("course-admin")).isEqualTo("CourseAdminView");
        assertThat(viewAfterNavigatingTo("courses")).isEqualTo("CatalogueView");
    }

    @Test
    @WithMockUser(username = "t-manager", roles = {"UNIT_MANAGER", "LEARNER"})
    void unitManagerSeesUnitsAndPeople() {
        assertThat(navigationPaths()).containsExactly("", "courses", "my-learning", "classes", "units", "people",
                "coverage", "certificates", "imports/completions", "reports");
        assertThat(viewAfterNavigatingTo("admin/accounts")).isNotEqualTo("AccountsView");
        assertThat(viewAfterNavigatingTo("people")).isEqualTo("RosterView");
        assertThat(viewAfterNavigatingTo("certificates")).isEqualTo("CertificatesView");
        assertThat(viewAfterNavigatingTo("course-admin")).isNotEqualTo("CourseAdminView");
        assertThat(viewAfterNavigatingTo("audit")).isNotEqualTo("AuditView");
    }

    @Test
    @WithMockUser(username = "t-admin", roles = "ADMIN")
    void administratorSeesAdministration() {
        assertThat(navigationPaths()).containsExactly("", "course-admin", "authoring", "quiz-attempts", "classes", "units",
                "people", "coverage", "certificates", "imports/completions", "reports", "reports/consolidation",
                "admin/accounts", "audit");
        assertThat(viewAfterNavigatingTo("audit")).isEqualTo("AuditView");
        assertThat(viewAfterNavigatingTo("admin/accounts")).isEqualTo("AccountsView");
        assertThat(viewAfterNavigatingTo("units")).isEqualTo("UnitTreeView");
        assertThat(viewAfterNavigatingTo("people")).isEqualTo("RosterView");
        assertThat(viewAfterNavigatingTo("course-admin")).isEqualTo("CourseAdminView");
        assertThat(viewAfterNavigatingTo("my-learning")).isNotEqualTo("MyLearningView");
    }

    @Test
    @WithMockUser(username = "t-learner", roles = "LEARNER")
    void changePasswordIsOpenToEveryone() {
        assertThat(viewAfterNavigatingTo("account/password")).isEqualTo("ChangePasswordView");
    }

    @Test
    @WithMockUser(username = "t-newbie", roles = "LEARNER")
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
        assertThat(viewAfterNavigatingTo("courses")).isEqualTo("ChangePasswordView");
        assertThat(viewAfterNavigatingTo("my-learning")).isEqualTo("ChangePasswordView");
    }
}
