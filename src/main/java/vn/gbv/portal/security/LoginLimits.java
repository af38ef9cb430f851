package vn.gbv.portal.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed logins ({@code portal.login.*}): an account is locked for {@code lockMinutes}
 * after {@code maxFailures} wrong passwords in a row; a client address with
 * {@code addressMaxFailures} failures within {@code addressWindowMinutes} is refused until that
 * window ends, which slows password spraying across many accounts.
 */
@ConfigurationProperties("portal.login")
record LoginLimits(@DefaultValue("5") int maxFailures,
                   @DefaultValue("15") int lockMinutes,
                   @DefaultValue("20") int addressMaxFailures,
                   @DefaultValue("15") int addressWindowMinutes) {

    Duration lockDuration() {
        return Duration.ofMinutes(lockMinutes);
    }

    Duration addressWindow() {
        return Duration.ofMinutes(addressWindowMinutes);
    }
}
