package vn.gbv.portal.security;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.shared.ApplicationConstants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose account has changed since it signed in (disabled, roles or unit scope
 * changed, password reset or changed elsewhere): the stamp the session remembers is compared with
 * the account's in the database on every request, before authorisation, so a demoted
 * administrator's stale authorities never reach a service. The browser is sent to the login page;
 * Vaadin's background requests get the answers its client turns into a reload (and so the login page).
 */
class SessionStampFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionStampFilter.class);

    private final SessionStamps stamps;

    SessionStampFilter(SessionStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        PortalPrincipal principal = session == null ? null : principalOf(session);
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        long expected = session.getAttribute(SessionStamps.SESSION_ATTRIBUTE) instanceof Long confirmed
                ? confirmed : principal.securityStamp();
        if (stamps.isCurrent(principal.accountId(), expected)) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Session of {} ended: the account changed since it signed in", principal.getUsername());
        session.invalidate();
        SecurityContextHolder.clearContext();
        sendToLogin(request, response);
    }

    private static PortalPrincipal principalOf(HttpSession session) {
        if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context) {
            Authentication authentication = context.getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
                return principal;
            }
        }
        return null;
    }

    /** What Vaadin itself answers for an expired session, so its client reloads into the login page. */
    private static void sendToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getParameter(ApplicationConstants.REQUEST_TYPE_PARAMETER);
        if (ApplicationConstants.REQUEST_TYPE_UIDL.equals(type)) {
            response.setContentType("application/json; charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache, no-store");
            response.getOutputStream().write(VaadinService.createSessionExpiredJSON(false).getBytes(StandardCharsets.UTF_8));
        } else if (ApplicationConstants.REQUEST_TYPE_HEARTBEAT.equals(type)) {
            response.sendError(HttpServletResponse.SC_GONE, "Session expired");
        } else {
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }
}
