package vn.gbv.portal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account (a lock for a while after too many) and per client address
 * (password spraying tries one password on many accounts). Both counters live in the database, so
 * they hold across the nodes of a cluster; each changes in one statement, so that two nodes
 * counting at once never lose a failure.
 */
@Service
class LoginThrottle {

    private final UserAccountRepository accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LoginLimits limits;

    LoginThrottle(UserAccountRepository accounts, JdbcTemplate jdbc, Clock clock, LoginLimits limits) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = limits;
    }

    @Transactional
    void accountFailure(String username) {
        Instant now = clock.instant();
        accounts.recordFailure(username, limits.maxFailures(), now, now.plus(limits.lockDuration()));
    }

    @Transactional
    void success(String username) {
        accounts.recordSuccess(username, clock.instant());
    }

    /** True while the address has used up its failures in the current window. */
    @Transactional(readOnly = true)
    boolean addressRefused(String address) {
        Timestamp windowOpen = Timestamp.from(clock.instant().minus(limits.addressWindow()));
        List<Integer> failures = jdbc.query(
                "select failures from login_address_failure where address = ? and window_start > ?",
                (rs, i) -> rs.getInt(1), key(address), windowOpen);
        return !failures.isEmpty() && failures.getFirst() >= limits.addressMaxFailures();
    }

    /** A failure from this address; a window that has ended starts anew with this one. */
    @Transactional
    void addressFailure(String address) {
        Instant now = clock.instant();
        Timestamp windowOpen = Timestamp.from(now.minus(limits.addressWindow()));
        // MariaDB assigns left to right: failures is computed from the old window_start.
        jdbc.update("""
                insert into login_address_failure (address, window_start, failures) values (?, ?, 1)
                on duplicate key update
                    failures = if(window_start <= ?, 1, failures + 1),
                    window_start = if(window_start <= ?, values(window_start), window_start)
                """, key(address), Timestamp.from(now), windowOpen, windowOpen);
    }

    /** Windows that have ended say nothing any more. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @Transactional
    void forgetEndedWindows() {
        jdbc.update("delete from login_address_failure where window_start <= ?",
                Timestamp.from(clock.instant().minus(limits.addressWindow())));
    }

    private static String key(String address) {
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
