package vn.gbv.portal.base;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Checks the database's character set before migrating and every table's collation after.
 *
 * <p>Every table states {@code utf8mb4} with {@code utf8mb4_unicode_ci}, so a server whose default
 * collation differs (Debian's MariaDB 10.11 defaults to {@code utf8mb4_general_ci}) migrates fine:
 * that is only worth a warning. A database whose character set is not utf8mb4 cannot hold
 * Vietnamese names safely in anything created without an explicit charset, and a table in another
 * collation breaks foreign keys and comparisons: the portal refuses to start and says what to run.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseCharsetCheck {

    static final String CHARSET = "utf8mb4";
    static final String COLLATION = "utf8mb4_unicode_ci";
    private static final Logger log = LoggerFactory.getLogger(DatabaseCharsetCheck.class);

    @Bean
    FlywayMigrationStrategy checkedMigration(DataSource dataSource) {
        return flyway -> {
            checkDefaults(dataSource);
            flyway.migrate();
            checkTables(dataSource);
        };
    }

    /** The database's default character set and collation (the schema the URL names). */
    static void checkDefaults(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATABASE(), @@character_set_database, @@collation_database")) {
            rs.next();
            String database = rs.getString(1);
            String charset = rs.getString(2);
            String collation = rs.getString(3);
            if (!CHARSET.equals(charset)) {
                throw new IllegalStateException(("The database '%s' uses the character set %s (collation %s); the portal "
                        + "needs %s. Run: ALTER DATABASE `%s` CHARACTER SET %s COLLATE %s; or create it with: CREATE "
                        + "DATABASE `%s` CHARACTER SET %s COLLATE %s;").formatted(database, charset, collation, CHARSET,
                        database, CHARSET, COLLATION, database, CHARSET, COLLATION));
            }
            if (!COLLATION.equals(collation)) {
                log.warn("The database '{}' defaults to the collation {}; the portal's tables all state {}, so this "
                        + "works, but ALTER DATABASE `{}` COLLATE {} keeps anything created by hand consistent.",
                        database, collation, COLLATION, database, COLLATION);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's character set: " + e.getMessage(), e);
        }
    }

    /** Every base table of the schema in utf8mb4_unicode_ci (except Flyway's own history table). */
    static void checkTables(DataSource dataSource) {
        List<String> wrong = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT table_name, table_collation FROM information_schema.tables
                     WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
                       AND table_name <> 'flyway_schema_history' AND table_collation <> '%s'
                     ORDER BY table_name""".formatted(COLLATION))) {
            while (rs.next()) {
                wrong.add(rs.getString(1) + " (" + rs.getString(2) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables' collations: " + e.getMessage(), e);
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("These tables are not in " + COLLATION + ": " + String.join(", ", wrong)
                    + ". Convert them (ALTER TABLE name CONVERT TO CHARACTER SET " + CHARSET + " COLLATE "
                    + COLLATION + ") before starting the portal.");
        }
    }
}
