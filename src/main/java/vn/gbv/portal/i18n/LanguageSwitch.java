package vn.gbv.portal.i18n;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Locale;

/** "Tiếng Việt | English": switches the language and remembers the choice. */
public class LanguageSwitch extends Div {

    public static final String COOKIE = "portal-locale";

    private Runnable onChange = () -> { };

    public LanguageSwitch() {
        addClassName("language-switch");
    }

    public LanguageSwitch onChange(Runnable onChange) {
        this.onChange = onChange;
        return this;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        removeAll();
        Locale current = attachEvent.getUI().getLocale();
        add(button("Tiếng Việt", PortalI18nProvider.VIETNAMESE, current), button("English", Locale.ENGLISH, current));
    }

    private Button button(String label, Locale locale, Locale current) {
        Button b = new Button(label, e -> switchTo(locale));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.getElement().setAttribute("lang", locale.getLanguage());
        boolean active = current.getLanguage().equals(locale.getLanguage());
        b.getElement().setAttribute("aria-pressed", String.valueOf(active));
        if (active) {
            b.addClassName("active");
        }
        return b;
    }

    private void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        Cookie cookie = new Cookie(LanguageSwitch.COOKIE, locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        var response = com.vaadin.flow.server.VaadinServletResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie);
        }
        onChange.run();
        UI.getCurrent().getPage().reload();
    }
}
