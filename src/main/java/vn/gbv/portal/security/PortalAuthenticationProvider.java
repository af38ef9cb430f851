package vn.gbv.portal.security;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

/**
 * The login form's check: the address limit first, then user name and password (Spring Security's
 * {@code DaoAuthenticationProvider}, which also refuses locked and disabled accounts), counting
 * failures per account and per address. The login page shows one message for every refusal that
 * concerns an account, so that no answer tells whether an account exists; only a refused address
 * and a database outage get their own.
 */
class PortalAuthenticationProvider implements AuthenticationProvider {

    /** The client address has used up its failures for now. */
    static class AddressRefusedException extends AuthenticationException {
        AddressRefusedException() {
            super("too many failed logins from this address");
        }
    }

    /** The database cannot be reached: say so instead of "wrong password". */
    static class LoginUnavailableException extends AuthenticationServiceException {
        LoginUnavailableException(Throwable cause) {
            super("the account database cannot be reached", cause);
        }
    }

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;

    PortalAuthenticationProvider(AuthenticationProvider passwordCheck, LoginThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().trim();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        try {
            if (address != null && throttle.addressRefused(address)) {
                throw new AddressRefusedException();
            }
            if (attempt.getCredentials() instanceof String password && PasswordPolicy.tooLong(password)) {
                // No stored password is that long (it cannot be set), so this one is wrong.
                throw new BadCredentialsException("password longer than bcrypt reads");
            }
            Authentication result = passwordCheck.authenticate(attempt);
            throttle.success(username);
            return result;
        } catch (BadCredentialsException wrong) {
            countFailure(username, address, true);
            throw wrong;
        } catch (AccountStatusException lockedOrDisabled) {
            countFailure(username, address, false);
            throw lockedOrDisabled;
        } catch (InternalAuthenticationServiceException internal) {
            throw isOutage(internal) ? new LoginUnavailableException(internal) : internal;
        } catch (DataAccessException | TransactionException outage) {
            throw new LoginUnavailableException(outage);
        }
    }

    private void countFailure(String username, String address, boolean countForAccount) {
        try {
            if (countForAccount) {
                throttle.accountFailure(username);
            }
            if (address != null) {
                throttle.addressFailure(address);
            }
        } catch (DataAccessException | TransactionException outage) {
            throw new LoginUnavailableException(outage);
        }
    }

    private static boolean isOutage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
