package vn.gbv.portal.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after repeated failed logins. The counter lives in the
 * database, so it holds across the nodes of a cluster.
 */
@Component
class LoginThrottle {

    private final UserAccountRepository accounts;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginThrottle(UserAccountRepository accounts, Clock clock,
                  @Value("${portal.login.max-failures:5}") int maxFailures,
                  @Value("${portal.login.lock-minutes:15}") int lockMinutes) {
        this.accounts = accounts;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = Duration.ofMinutes(lockMinutes);
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailure(event.getAuthentication().getName(), maxFailures, clock.instant().plus(lockDuration));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName(), clock.instant());
    }
}
