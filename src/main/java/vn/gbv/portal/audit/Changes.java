package vn.gbv.portal.audit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.gbv.portal.i18n.PortalI18nProvider;

/**
 * The before and after texts of an audit row: only the fields that changed, each as
 * "label: value", joined by "; ". Labels are translation keys written in Vietnamese, the
 * portal's default language, so the trail reads the same whoever looks at it later.
 */
public final class Changes {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final List<String> before = new ArrayList<>();
    private final List<String> after = new ArrayList<>();

    private Changes() {
    }

    public static Changes of() {
        return new Changes();
    }

    /** Adds the field when its value changed (a creation passes null as the old value). */
    public Changes field(String labelKey, Object oldValue, Object newValue) {
        String oldText = text(oldValue);
        String newText = text(newValue);
        if (!Objects.equals(oldText, newText)) {
            String label = vietnamese(labelKey);
            if (oldText != null) {
                before.add(label + ": " + oldText);
            }
            if (newText != null) {
                after.add(label + ": " + newText);
            }
        }
        return this;
    }

    /** As {@link #field}, the values being translation keys (a category, a sex, yes or no), written out. */
    public Changes translatedField(String labelKey, String oldValueKey, String newValueKey) {
        return field(labelKey, vietnamese(oldValueKey), vietnamese(newValueKey));
    }

    /** A translation key in the trail's language; null stays null. */
    public static String vietnamese(String key) {
        return key == null ? null : PortalI18nProvider.translate(PortalI18nProvider.VIETNAMESE, key);
    }

    public boolean isEmpty() {
        return before.isEmpty() && after.isEmpty();
    }

    /** The old values, or null when there were none (a creation). */
    public String before() {
        return before.isEmpty() ? null : String.join("; ", before);
    }

    /** The new values, or null when there are none (a removal). */
    public String after() {
        return after.isEmpty() ? null : String.join("; ", after);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof LocalDate date ? DATE.format(date) : value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
