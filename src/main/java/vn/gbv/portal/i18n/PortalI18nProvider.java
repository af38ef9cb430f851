package vn.gbv.portal.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Vietnamese first, English second. Bundles are read without the JVM's default locale as a
 * fallback, so English is English even on a server whose default locale is Vietnamese.
 */
@Component
public class PortalI18nProvider implements I18NProvider {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final List<Locale> LOCALES = List.of(VIETNAMESE, Locale.ENGLISH);
    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : VIETNAMESE;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
    }

    /** For code outside a component, e.g. a service composing a message. */
    public static String translate(Locale locale, String key, Object... params) {
        return new PortalI18nProvider().getTranslation(key, locale, params);
    }
}
