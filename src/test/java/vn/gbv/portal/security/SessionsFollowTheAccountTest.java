package vn.gbv.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sessions follow the account: real logins through the login form (MockMvc with the whole security
 * filter chain), two sessions each, and a change made elsewhere ends the other sessions at their
 * next request, before anything reads their authorities.
 */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
class SessionsFollowTheAccountTest {

    /** Any address behind authentication that does not need Vaadin: a session that gets past is served. */
    private static final String SIGNED_IN_ONLY = "/course-assets/0/none.png";

    @Autowired WebApplicationContext context;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;

    private MockMvc mvc;

    @BeforeEach
    void realFilterChain() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        jdbc.update("delete from manager_scope where user_id in (select id from app_user where username like 'st-%')");
        jdbc.update("delete from user_role where user_id in (select id from app_user where username like 'st-%')");
        jdbc.update("delete from app_user where username like 'st-%'");
        jdbc.update("delete from login_address_failure");
    }

    @AfterEach
    void nobodyLeftSignedIn() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    private long account(String username, Role... roles) {
        return accounts.createWithPassword(new AccountService.NewAccount(username, username, null, Set.of(roles), Set.of()),
                "Secret-pass-1", false);
    }

    private MockHttpSession logIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("login of " + username).doesNotContain("error");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(session).isNotNull();
        return session;
    }

    /** True when the session's next request is served; false when it is ended and sent to the login page. */
    private boolean served(MockHttpSession session) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(SIGNED_IN_ONLY).session(session)).andReturn().getResponse();
        if (response.getStatus() == 302) {
            assertThat(response.getRedirectedUrl()).endsWith("/login");
            return false;
        }
        assertThat(response.getStatus()).as("the asset does not exist, but the session got to look").isEqualTo(404);
        return true;
    }

    private void as(String username, String role, Runnable action) {
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(signedIn);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aDemotedAdministratorsOtherSessionEndsAtItsNextRequestAndCannotCreateAccounts() throws Exception {
        long boss = account("st-boss", Role.ADMIN);
        MockHttpSession office = logIn("st-boss", "Secret-pass-1");
        MockHttpSession phone = logIn("st-boss", "Secret-pass-1");
        assertThat(served(office)).isTrue();
        assertThat(served(phone)).isTrue();

        as("t-admin", Role.Names.ADMIN, () -> accounts.updateRoles(boss, Set.of(Role.LEARNER), Set.of()));

        assertThat(served(office)).as("the stale session is refused").isFalse();
        assertThat(office.isInvalid()).isTrue();
        // A Vaadin round trip from the other session is told the session expired, so the client reloads into login.
        MockHttpServletResponse uidl = mvc.perform(post("/").param("v-r", "uidl").param("v-uiId", "0").session(phone))
                .andReturn().getResponse();
        assertThat(uidl.getContentAsString()).contains("\"sessionExpired\":true");
        assertThat(phone.isInvalid()).isTrue();

        // Signing in again gives the new roles: no account administration any more.
        MockHttpSession again = logIn("st-boss", "Secret-pass-1");
        Authentication now = ((SecurityContext) again.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication();
        assertThat(now.getAuthorities()).extracting(Object::toString).filteredOn(a -> a.startsWith("ROLE_"))
                .containsExactly("ROLE_LEARNER");
        SecurityContextHolder.getContext().setAuthentication(now);
        assertThatThrownBy(() -> accounts.create(new AccountService.NewAccount("st-new", "x", null, Set.of(Role.ADMIN), Set.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDisabledLearnersSessionIsRefused() throws Exception {
        long learner = account("st-learner", Role.LEARNER);
        MockHttpSession session = logIn("st-learner", "Secret-pass-1");
        assertThat(served(session)).isTrue();

        as("t-admin", Role.Names.ADMIN, () -> accounts.setEnabled(learner, false));

        assertThat(served(session)).isFalse();
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPasswordResetEndsTheOtherSessions() throws Exception {
        long learner = account("st-forgetful", Role.LEARNER);
        MockHttpSession session = logIn("st-forgetful", "Secret-pass-1");

        as("t-admin", Role.Names.ADMIN, () -> accounts.resetPassword(learner));

        assertThat(served(session)).isFalse();
    }

    @Test
    void aChangeOfUnitScopeEndsTheManagersSessions() throws Exception {
        long manager = accounts.createWithPassword(new AccountService.NewAccount("st-manager", "m", null,
                Set.of(Role.UNIT_MANAGER), Set.of(9002L)), "Secret-pass-1", false);
        MockHttpSession session = logIn("st-manager", "Secret-pass-1");
        MockHttpSession untouched = logIn("t-learner", "Learner-pass1");

        as("t-admin", Role.Names.ADMIN, () -> accounts.updateRoles(manager, Set.of(Role.UNIT_MANAGER), Set.of(9003L)));

        assertThat(served(session)).isFalse();
        assertThat(served(untouched)).as("another account's session goes on").isTrue();
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
        account("st-careful", Role.LEARNER);
        MockHttpSession here = logIn("st-careful", "Secret-pass-1");
        MockHttpSession elsewhere = logIn("st-careful", "Secret-pass-1");

        // The change is made in a request of this session (as the change-password page does)
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(here);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        as("st-careful", Role.Names.LEARNER, () -> accounts.changeOwnPassword("Secret-pass-1", "Hoc-tap-cham-2026"));
        RequestContextHolder.resetRequestAttributes();

        assertThat(served(here)).as("this session goes on").isTrue();
        assertThat(served(elsewhere)).as("the other session ends").isFalse();
    }
}
