package vn.gbv.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.base.AppSettings;
import vn.gbv.portal.base.DemoBadge;

/**
 * A real deployment's first start: an empty database, no demo data (the production default), and
 * the first administrator from PORTAL_ADMIN_USERNAME / PORTAL_ADMIN_PASSWORD, who must change the
 * password first. Then, once demo data is recorded, every page carries the badge.
 */
@SpringBootTest(properties = {"portal.admin.username=Chi.Huong", "portal.admin.password=Tam-thoi-2026"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionStartTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired AuthenticationProvider provider;
    @Autowired AppSettings settings;
    @Autowired FirstAdministrator firstAdministrator;

    @Test
    @Order(1)
    void theProductionDefaultLoadsNoDemoDataAndDevelopmentDoes() throws Exception {
        assertThat(mainProperties("application.properties").getProperty("portal.demo-data")).isEqualTo("false");
        assertThat(mainProperties("application-dev.properties").getProperty("portal.demo-data")).isEqualTo("auto");
    }

    @Test
    @Order(2)
    @WithMockUser(username = "chi.huong", roles = Role.Names.ADMIN)
    void anEmptyDatabaseGetsOnlyTheAdministratorFromTheEnvironmentWhoMustChangeThePassword() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from unit", Integer.class)).isZero();
        assertThat(jdbc.queryForList("select username from app_user", String.class)).containsExactly("chi.huong");
        assertThat(jdbc.queryForList("select role from user_role", String.class)).containsExactly("ADMIN");
        assertThat(jdbc.queryForObject("select must_change_password from app_user", Boolean.class)).isTrue();
        assertThat(settings.isDemoData()).isFalse();

        var signedIn = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("chi.huong", "Tam-thoi-2026"));
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");

        UI.getCurrent().navigate("admin/accounts");
        assertThat(getCurrentView()).as("the temporary password is changed first").isInstanceOf(ChangePasswordView.class);
        UI.getCurrent().navigate("login");
        assertThat($(DemoBadge.class).all()).isEmpty();

        firstAdministrator.run(null);
        assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).as("only once").isEqualTo(1);
    }

    @Test
    @Order(3)
    @WithMockUser(username = "chi.huong", roles = Role.Names.ADMIN)
    void aDatabaseWithDemoDataSaysSoOnEveryPage() {
        settings.markDemoData();
        assertThat(jdbc.queryForObject("select value from app_setting where name = 'demo_data'", String.class)).isEqualTo("true");

        UI.getCurrent().navigate("login");
        assertThat($(DemoBadge.class).single().getText()).isEqualTo("Dữ liệu mẫu");
        UI.getCurrent().navigate("account/password");
        assertThat($(DemoBadge.class).single().getText()).as("in the main layout").isEqualTo("Dữ liệu mẫu");
    }

    private static Properties mainProperties(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ProductionStartTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(in);
        }
        return properties;
    }
}
