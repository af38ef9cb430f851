package vn.gbv.portal.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.dao.DataAccessException;
import vn.gbv.portal.base.AppSettings;
import vn.gbv.portal.base.DemoBadge;
import vn.gbv.portal.i18n.LanguageSwitch;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final LoginLimits limits;
    /** What the form shows (LoginForm keeps its i18n to itself). */
    LoginI18n shown;

    LoginView(LoginLimits limits, AppSettings settings) {
        this.limits = limits;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        show(i18n(null));

        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("login-title");
        Paragraph intro = new Paragraph(getTranslation("login.intro"));
        intro.addClassName("login-intro");
        Paragraph help = new Paragraph(getTranslation("login.help"));
        help.addClassName("login-help");
        Div card = new Div(title, intro, form, help, new LanguageSwitch());
        if (demoData(settings)) {
            card.addComponentAsFirst(new DemoBadge());
        }
        card.addClassName("login-card");
        add(card);
    }

    /** The login page must show even when the database is down: it is where the outage is explained. */
    private static boolean demoData(AppSettings settings) {
        try {
            return settings.isDemoData();
        } catch (DataAccessException outage) {
            return false;
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        // Every refusal that concerns an account reads the same (see SecurityConfig.failureHandler).
        String error = params.containsKey("unavailable") ? getTranslation("login.error.unavailable")
                : params.containsKey("refused") ? getTranslation("login.error.refused", limits.addressWindowMinutes())
                : params.containsKey("error") ? credentialsMessage() : null;
        if (error != null) {
            show(i18n(error));
            form.setError(true);
        }
    }

    private String credentialsMessage() {
        return getTranslation("login.error.credentials", limits.maxFailures(), limits.lockMinutes());
    }

    private void show(LoginI18n i18n) {
        shown = i18n;
        form.setI18n(i18n);
    }

    private LoginI18n i18n(String error) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.form.title"));
        f.setUsername(getTranslation("login.form.username"));
        f.setPassword(getTranslation("login.form.password"));
        f.setSubmit(getTranslation("login.form.submit"));
        LoginI18n.ErrorMessage message = i18n.getErrorMessage();
        message.setTitle(getTranslation("login.error.title"));
        message.setMessage(error == null ? credentialsMessage() : error);
        message.setUsername(getTranslation("login.error.username-required"));
        message.setPassword(getTranslation("login.error.password-required"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
