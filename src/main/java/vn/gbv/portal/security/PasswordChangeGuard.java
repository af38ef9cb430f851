package vn.gbv.portal.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Until a temporary password is changed, every page leads to the change-password page. */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final AccountService accounts;

    PasswordChangeGuard(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        if (CurrentUser.username().isPresent() && accounts.mustChangePassword()) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
