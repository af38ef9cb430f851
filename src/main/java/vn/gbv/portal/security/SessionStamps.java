package vn.gbv.portal.security;

import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The security stamp of an account (app_user.security_stamp) against the one a session started
 * with. Read from the database on each request, so a change made on one node ends sessions on all.
 */
@Service
class SessionStamps {

    /** Session attribute: the stamp this session was last confirmed with, when it differs from the login's. */
    static final String SESSION_ATTRIBUTE = SessionStamps.class.getName() + ".stamp";

    private final JdbcTemplate jdbc;

    SessionStamps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the account still exists, is enabled, and still has this stamp (one primary-key read). */
    boolean isCurrent(long accountId, long stamp) {
        List<Boolean> current = jdbc.query("select enabled from app_user where id = ? and security_stamp = ?",
                (rs, i) -> rs.getBoolean(1), accountId, stamp);
        return !current.isEmpty() && current.getFirst();
    }

    /**
     * The current session follows the account's new stamp once the transaction that set it commits:
     * a user who changes their own password stays signed in here, while their other sessions end.
     */
    static void keepCurrentSession(long newStamp) {
        Runnable remember = () -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                request.setAttribute(SESSION_ATTRIBUTE, newStamp, RequestAttributes.SCOPE_SESSION);
            } else if (VaadinSession.getCurrent() != null && VaadinSession.getCurrent().getSession() != null) {
                // a Vaadin request that did not pass the servlet filters (server push)
                VaadinSession.getCurrent().getSession().setAttribute(SESSION_ATTRIBUTE, newStamp);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
    }
}
