package vn.gbv.portal.certificate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts lookups on the public verification page per client address in a fixed window, in the
 * database so that every node shares the count: without it, 26-character codes are still
 * unguessable, but a crawler could hammer the page.
 */
@Component
class VerifyRateLimit {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxLookups;
    private final Duration window;

    VerifyRateLimit(JdbcTemplate jdbc, Clock clock,
                    @Value("${portal.verify.max-lookups:30}") int maxLookups,
                    @Value("${portal.verify.window-minutes:10}") int windowMinutes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxLookups = maxLookups;
        this.window = Duration.ofMinutes(windowMinutes);
    }

    /** Counts one lookup from the address; false once the address has used up its window. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryLookup(String address) {
        Instant now = clock.instant();
        Timestamp nowTs = Timestamp.from(now);
        Timestamp expired = Timestamp.from(now.minus(window));
        // One atomic upsert: a window that has run out starts again at 1. MariaDB applies the
        // assignments left to right, so the lookups test still sees the old window_start.
        jdbc.update("""
                insert into certificate_verify_rate (address, window_start, lookups) values (?, ?, 1)
                on duplicate key update
                    lookups = if(window_start <= ?, 1, lookups + 1),
                    window_start = if(window_start <= ?, ?, window_start)
                """, key(address), nowTs, expired, expired, nowTs);
        Integer lookups = jdbc.queryForObject("select lookups from certificate_verify_rate where address = ?",
                Integer.class, key(address));
        return lookups != null && lookups <= maxLookups;
    }

    int maxLookups() {
        return maxLookups;
    }

    private static String key(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
