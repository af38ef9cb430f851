package vn.gbv.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import vn.gbv.portal.TestClock;
import vn.gbv.portal.base.RefusedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;

/** Password change, disabled accounts, throttling, and that account administration is for administrators. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
class AccountSecurityTest {

    @Autowired AccountService accounts;
    @Autowired AuthenticationProvider provider;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private ProviderManager authentication;

    @BeforeEach
    void authenticationAsTheLoginFormUsesIt() {
        authentication = new ProviderManager(provider);
        jdbc.update("delete from user_role where user_id in (select id from app_user where username like 'x-%')");
        jdbc.update("delete from app_user where username like 'x-%'");
        jdbc.update("delete from login_address_failure");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Authentication login(String username, String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private Authentication loginFrom(String address, String username, String password) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return authentication.authenticate(attempt);
    }

    private long account(String username, String password) {
        return accounts.createWithPassword(new AccountService.NewAccount(username, username, null, Set.of(Role.LEARNER), Set.of()),
                password, false);
    }

    @Test
    void correctPasswordLogsIn() {
        account("x-ok", "Secret-pass-1");
        assertThat(login("x-ok", "Secret-pass-1").getAuthorities()).extracting(Object::toString).contains("ROLE_LEARNER")
                .noneMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_LEARNER"));
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        account("x-locked", "Secret-pass-1");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login("x-locked", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("x-locked", "Secret-pass-1")).isInstanceOf(LockedException.class);
    }

    @Test
    void theCounterStartsAgainWhenALockExpires() {
        account("x-expiry", "Secret-pass-1");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login("x-expiry", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("x-expiry", "Secret-pass-1")).isInstanceOf(LockedException.class);
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> login("x-expiry", "Secret-pass-1")).as("still locked after 14 minutes")
                .isInstanceOf(LockedException.class);

        clock.advance(Duration.ofMinutes(2));
        // One more wrong password after the lock has expired is the first of a new count, not a new lock.
        assertThatThrownBy(() -> login("x-expiry", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(jdbc.queryForObject("select failed_attempts from app_user where username = 'x-expiry'", Integer.class))
                .isEqualTo(1);
        assertThat(login("x-expiry", "Secret-pass-1")).isNotNull();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login("x-expiry", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(login("x-expiry", "Secret-pass-1")).as("four failures do not lock").isNotNull();
    }

    @Test
    void oneAddressIsRefusedAfterTwentyFailuresAcrossAccountsUntilItsWindowEnds() {
        account("x-sprayed", "Secret-pass-1");
        for (int i = 0; i < 20; i++) {
            String victim = "x-victim-" + i;
            assertThatThrownBy(() -> loginFrom("198.51.100.7", victim, "Matkhau-2026")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> loginFrom("198.51.100.7", "x-sprayed", "Secret-pass-1"))
                .as("even the right password, from that address")
                .isInstanceOf(PortalAuthenticationProvider.AddressRefusedException.class);
        assertThat(loginFrom("198.51.100.8", "x-sprayed", "Secret-pass-1")).as("another address").isNotNull();

        clock.advance(Duration.ofMinutes(16));
        assertThat(loginFrom("198.51.100.7", "x-sprayed", "Secret-pass-1")).as("after the window").isNotNull();
        assertThatThrownBy(() -> loginFrom("198.51.100.7", "x-sprayed", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(jdbc.queryForObject("select failures from login_address_failure where address = '198.51.100.7'", Integer.class))
                .as("a new window counts from one").isEqualTo(1);
    }

    @Test
    void fewFailuresThenSuccessResetTheCounter() {
        account("x-reset", "Secret-pass-1");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login("x-reset", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        login("x-reset", "Secret-pass-1");
        assertThat(jdbc.queryForObject("select failed_attempts from app_user where username = 'x-reset'", Integer.class)).isZero();
    }

    @Test
    @WithMockUser(username = "t-admin", roles = "ADMIN")
    void disabledAccountCannotLogIn() {
        long id = account("x-disabled", "Secret-pass-1");
        accounts.setEnabled(id, false);
        assertThatThrownBy(() -> login("x-disabled", "Secret-pass-1")).isInstanceOf(DisabledException.class);
    }

    @Test
    @WithMockUser(username = "t-admin", roles = "ADMIN")
    void resetPasswordGivesATemporaryPasswordThatMustBeChanged() {
        long id = account("x-forgot", "Secret-pass-1");
        var issued = accounts.resetPassword(id);
        assertThat(login("x-forgot", issued.temporaryPassword())).isNotNull();
        assertThat(jdbc.queryForObject("select must_change_password from app_user where id = ?", Boolean.class, id)).isTrue();
        assertThatThrownBy(() -> login("x-forgot", "Secret-pass-1")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    @WithMockUser(username = "x-changer", roles = "LEARNER")
    void changeOwnPasswordChecksTheOldOneAndThePolicy() {
        accounts.createWithPassword(new AccountService.NewAccount("x-changer", "x", null, Set.of(Role.LEARNER), Set.of()),
                "Temp-pass-123", true);
        assertThat(accounts.mustChangePassword()).isTrue();
        assertThatThrownBy(() -> accounts.changeOwnPassword("wrong", "New-pass-4567"))
                .hasMessage("password.error.current-wrong");
        assertThatThrownBy(() -> accounts.changeOwnPassword("Temp-pass-123", "short1"))
                .hasMessage("password.error.too-short");
        assertThatThrownBy(() -> accounts.changeOwnPassword("Temp-pass-123", "x-changer-123"))
                .hasMessage("password.error.contains-username");
        assertThatThrownBy(() -> accounts.changeOwnPassword("Temp-pass-123", "onlyletters-here"))
                .hasMessage("password.error.letters-and-digits");
        // 54 characters but 76 bytes in UTF-8: more than bcrypt reads
        String longVietnamese = "Người dân được hướng dẫn phòng chống bạo lực giới 2026";
        assertThat(longVietnamese.length()).isLessThan(72);
        assertThat(longVietnamese.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThatThrownBy(() -> accounts.changeOwnPassword("Temp-pass-123", longVietnamese))
                .isInstanceOfSatisfying(RefusedException.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("password.error.too-long");
                    assertThat(refused.field()).contains("new");
                });
        assertThatThrownBy(() -> accounts.changeOwnPassword("Temp-pass-123", "Matkhau12345"))
                .hasMessage("password.error.common");
        assertThatThrownBy(() -> accounts.changeOwnPassword("Temp-pass-123", "Temp-pass-123"))
                .hasMessage("password.error.same-as-old");

        accounts.changeOwnPassword("Temp-pass-123", "New-pass-4567");

        assertThat(accounts.mustChangePassword()).isFalse();
        assertThat(login("x-changer", "New-pass-4567")).isNotNull();
    }

    @Test
    @WithMockUser(username = "t-manager", roles = "UNIT_MANAGER")
    void onlyAdministratorsManageAccounts() {
        assertThatThrownBy(() -> accounts.search("", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.resetPassword(9201)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.create(new AccountService.NewAccount("x-new", "x", null, Set.of(Role.ADMIN), Set.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "t-admin", roles = "ADMIN")
    void administratorCreatesAnAccountWithATemporaryPassword() {
        var issued = accounts.create(new AccountService.NewAccount("X-New.User", "Người mới", null, Set.of(Role.LEARNER), Set.of()));
        assertThat(issued.username()).isEqualTo("x-new.user");
        assertThat(login("x-new.user", issued.temporaryPassword())).isNotNull();
        assertThatThrownBy(() -> accounts.create(new AccountService.NewAccount("x-new.user", "again", null, Set.of(Role.LEARNER), Set.of())))
                .hasMessage("account.error.username-taken");
        assertThatThrownBy(() -> accounts.create(new AccountService.NewAccount("x-boss", "Boss", null, Set.of(Role.UNIT_MANAGER), Set.of())))
                .hasMessage("account.error.manager-needs-unit");
    }
}
