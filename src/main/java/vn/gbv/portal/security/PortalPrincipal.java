package vn.gbv.portal.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in account as the session keeps it: with its id and the security stamp read together
 * with the password hash at login, so that {@link SessionStampFilter} can tell a stale session.
 */
class PortalPrincipal extends User {

    private final long accountId;
    private final long securityStamp;

    PortalPrincipal(long accountId, long securityStamp, String username, String password, boolean enabled,
                    boolean accountNonLocked, Collection<? extends GrantedAuthority> authorities) {
        super(username, password, enabled, true, true, accountNonLocked, authorities);
        this.accountId = accountId;
        this.securityStamp = securityStamp;
    }

    long accountId() {
        return accountId;
    }

    long securityStamp() {
        return securityStamp;
    }
}
