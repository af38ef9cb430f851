package vn.gbv.portal.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.gbv.portal.i18n.LanguageSwitch;
import vn.gbv.portal.i18n.PortalI18nProvider;
import vn.gbv.portal.security.AccountService;

/**
 * Every UI starts in Vietnamese unless the person chose English: their account's choice, or a
 * cookie for the login page.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {


    private final AccountService accounts;

    LocaleInitializer(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            Locale locale = accounts.preferredLocale().orElseGet(LocaleInitializer::fromCookie);
            init.getUI().setLocale(locale);
            VaadinSession.getCurrent().setLocale(locale);
        });
    }

    private static Locale fromCookie() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return PortalI18nProvider.VIETNAMESE;
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> LanguageSwitch.COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .map(Locale::forLanguageTag)
                .filter(l -> l.getLanguage().equals("en"))
                .findFirst()
                .map(l -> Locale.ENGLISH)
                .orElse(PortalI18nProvider.VIETNAMESE);
    }
}
