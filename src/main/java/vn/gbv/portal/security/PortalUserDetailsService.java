package vn.gbv.portal.security;

import vn.gbv.portal.base.OpenToAnyCaller;
import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final Clock clock;

    PortalUserDetailsService(UserAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @OpenToAnyCaller("Spring Security calls it during a login, before anyone is signed in")
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username.trim())
                .orElseThrow(() -> new UsernameNotFoundException(username));
        return new PortalPrincipal(account.getId(), account.getSecurityStamp(), account.getUsername(),
                account.getPasswordHash(), account.isEnabled(), !account.isLocked(clock.instant()),
                account.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }
}
