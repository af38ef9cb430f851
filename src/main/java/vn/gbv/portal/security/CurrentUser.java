package vn.gbv.portal.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user, read from the database so that role or scope changes take effect at once. */
@Component
public class CurrentUser {

    private final UserAccountRepository accounts;

    CurrentUser(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<SignedInUser> get() {
        return username().flatMap(accounts::findByUsername)
                .filter(UserAccount::isEnabled)
                .map(UserAccount::toSignedInUser);
    }

    public SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedForScopeException("no signed-in user"));
    }

    public static Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }
}
