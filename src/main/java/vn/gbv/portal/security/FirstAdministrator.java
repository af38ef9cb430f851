package vn.gbv.portal.security;

import java.util.EnumSet;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database without any account (a real deployment without demo data) gets its first
 * administrator at start-up: from {@code PORTAL_ADMIN_USERNAME} and {@code PORTAL_ADMIN_PASSWORD}
 * when given, otherwise "admin" with a random one-time password written once to the log. Either
 * way the password is temporary and must be changed at first login. Runs after the demo loader,
 * whose accounts make this unnecessary.
 */
@Component
@Order(2)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String DEFAULT_USERNAME = "admin";

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final String username;
    private final String password;

    FirstAdministrator(UserAccountRepository accounts, PasswordEncoder encoder, TransactionTemplate transaction,
                       @Value("${portal.admin.username:}") String username,
                       @Value("${portal.admin.password:}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.transaction = transaction;
        this.username = username.isBlank() ? DEFAULT_USERNAME : username.trim().toLowerCase(Locale.ROOT);
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        if (!username.matches("[a-z0-9._-]{3,100}")) {
            throw new IllegalStateException("PORTAL_ADMIN_USERNAME '" + username
                    + "' is not a valid user name (3–100 of a-z, 0-9, '.', '_', '-')");
        }
        boolean generated = password.isBlank();
        String initial = generated ? PasswordPolicy.temporary() : password;
        if (PasswordPolicy.tooLong(initial)) {
            throw new IllegalStateException("PORTAL_ADMIN_PASSWORD is longer than " + PasswordPolicy.MAX_BYTES
                    + " bytes (UTF-8), more than bcrypt can check; choose a shorter one");
        }
        try {
            transaction.executeWithoutResult(status -> {
                UserAccount admin = new UserAccount(username, "Quản trị viên", encoder.encode(initial));
                admin.setRoles(EnumSet.of(Role.ADMIN));
                admin.setMustChangePassword(true);
                accounts.save(admin);
            });
        } catch (DataIntegrityViolationException anotherNode) {
            log.info("First administrator '{}' was created meanwhile by another node", username);
            return;
        }
        if (generated) {
            log.warn("""

                    ==========================================================================
                    FIRST ADMINISTRATOR CREATED (the database had no account)
                      user name:          {}
                      one-time password:  {}
                    The password must be changed at first login. It is written here only once.
                    Set PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD to choose them instead.
                    ==========================================================================""",
                    username, initial);
        } else {
            log.info("First administrator '{}' created from PORTAL_ADMIN_USERNAME / PORTAL_ADMIN_PASSWORD;"
                    + " the password must be changed at first login", username);
        }
    }
}
