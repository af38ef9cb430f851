package vn.gbv.portal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations on a database whose default collation is not the portal's (Debian's MariaDB 10.11
 * defaults to utf8mb4_general_ci, where V2 once failed with errno 150), and the start-up checks.
 */
@SpringBootTest
class DatabaseCollationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migratesADatabaseCreatedWithAnotherDefaultCollation() {
        jdbc.execute("DROP DATABASE IF EXISTS portal_general_ci");
        jdbc.execute("CREATE DATABASE portal_general_ci CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        try (HikariDataSource other = dataSourceFor("portal_general_ci")) {
            DatabaseCharsetCheck.checkDefaults(other); // only a warning: every table states its collation

            Flyway.configure().dataSource(other).locations("classpath:db/migration").load().migrate();

            DatabaseCharsetCheck.checkTables(other);
            JdbcTemplate otherJdbc = new JdbcTemplate(other);
            List<String> collations = otherJdbc.queryForList("""
                    SELECT DISTINCT table_collation FROM information_schema.tables
                    WHERE table_schema = 'portal_general_ci' AND table_type = 'BASE TABLE'
                      AND table_name <> 'flyway_schema_history'""", String.class);
            assertThat(collations).containsExactly("utf8mb4_unicode_ci");
            assertThat(otherJdbc.queryForObject("SELECT COUNT(*) FROM programme_rule_group", Integer.class)).isEqualTo(2);
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS portal_general_ci");
        }
    }

    @Test
    void refusesADatabaseThatIsNotUtf8mb4AndSaysWhatToRun() {
        jdbc.execute("DROP DATABASE IF EXISTS portal_latin1");
        jdbc.execute("CREATE DATABASE portal_latin1 CHARACTER SET latin1");
        try (HikariDataSource other = dataSourceFor("portal_latin1")) {
            assertThatThrownBy(() -> DatabaseCharsetCheck.checkDefaults(other))
                    .hasMessageContaining("latin1")
                    .hasMessageContaining("ALTER DATABASE `portal_latin1` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS portal_latin1");
        }
    }

    @Test
    void refusesATableInAnotherCollation() {
        jdbc.execute("CREATE TABLE stray_general (id INT PRIMARY KEY) CHARSET utf8mb4 COLLATE utf8mb4_general_ci");
        try {
            assertThatThrownBy(() -> DatabaseCharsetCheck.checkTables(dataSource))
                    .hasMessageContaining("stray_general (utf8mb4_general_ci)");
        } finally {
            jdbc.execute("DROP TABLE stray_general");
        }
    }

    /** The same server and account as the portal's own connection, another database. */
    private HikariDataSource dataSourceFor(String database) {
        HikariDataSource portal = (HikariDataSource) dataSource;
        String url = portal.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        return DataSourceBuilder.create().type(HikariDataSource.class).url(url)
                .username(portal.getUsername()).password(portal.getPassword()).build();
    }
}
