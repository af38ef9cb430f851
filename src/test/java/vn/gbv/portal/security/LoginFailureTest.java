package vn.gbv.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.CannotCreateTransactionException;

/** What the login form answers: one page for every refusal of an account, its own for an outage. */
class LoginFailureTest {

    private static String pageAfter(AuthenticationException failure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityConfig.failureHandler().onAuthenticationFailure(request, response, failure);
        return response.getRedirectedUrl();
    }

    @Test
    void unknownUserWrongPasswordLockedAndDisabledAllGetTheSamePage() throws Exception {
        assertThat(pageAfter(new BadCredentialsException("wrong"))).isEqualTo("/login?error");
        assertThat(pageAfter(new UsernameNotFoundException("nobody"))).isEqualTo("/login?error");
        assertThat(pageAfter(new LockedException("locked"))).isEqualTo("/login?error");
        assertThat(pageAfter(new DisabledException("disabled"))).isEqualTo("/login?error");
        assertThat(pageAfter(new PortalAuthenticationProvider.AddressRefusedException())).isEqualTo("/login?refused");
    }

    @Test
    void aDatabaseThatCannotBeReachedWhileLoadingTheAccountIsAnOutageNotAWrongPassword() throws Exception {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(username -> {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                    new SQLTransientConnectionException("portal - Connection is not available, request timed out"));
        });
        PortalAuthenticationProvider provider = new PortalAuthenticationProvider(passwordCheck, null);

        AuthenticationException failure = catchFailure(provider, null);

        assertThat(failure).isInstanceOf(PortalAuthenticationProvider.LoginUnavailableException.class);
        assertThat(pageAfter(failure)).isEqualTo("/login?unavailable");
    }

    @Test
    void aDatabaseThatCannotBeReachedForTheAddressLimitIsAnOutageToo() throws Exception {
        var unreachable = new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/portal?connectTimeout=500", "portal", "x");
        LoginThrottle throttle = new LoginThrottle(null, new JdbcTemplate(unreachable), Clock.systemUTC(),
                new LoginLimits(5, 15, 20, 15));
        PortalAuthenticationProvider provider = new PortalAuthenticationProvider(passwordCheckThat(() -> {
            throw new AssertionError("the password is not checked when the address limit cannot be read");
        }), throttle);

        AuthenticationException failure = catchFailure(provider, "203.0.113.5");

        assertThat(failure).isInstanceOf(PortalAuthenticationProvider.LoginUnavailableException.class)
                .hasCauseInstanceOf(org.springframework.jdbc.CannotGetJdbcConnectionException.class);
        assertThat(pageAfter(failure)).isEqualTo("/login?unavailable");
    }

    @Test
    void anOutageAfterThePasswordCheckIsAnOutageToo() {
        PortalAuthenticationProvider provider = new PortalAuthenticationProvider(passwordCheckThat(() -> {
            throw new DataAccessResourceFailureException("connection refused");
        }), null);
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("a", "b")))
                .isInstanceOf(PortalAuthenticationProvider.LoginUnavailableException.class);
    }

    private static AuthenticationProvider passwordCheckThat(Runnable fails) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                fails.run();
                return authentication;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
    }

    private static AuthenticationException catchFailure(PortalAuthenticationProvider provider, String address) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("t-learner", "Learner-pass1");
        if (address != null) {
            attempt.setDetails(new WebAuthenticationDetails(address, null));
        }
        try {
            provider.authenticate(attempt);
        } catch (AuthenticationException e) {
            return e;
        }
        throw new AssertionError("the login was not refused");
    }
}
