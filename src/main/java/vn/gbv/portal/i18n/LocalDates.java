package vn.gbv.portal.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Date pickers and dates in the user's language (day/month/year in Vietnamese). */
public final class LocalDates {

    private LocalDates() {
    }

    /** A date picker with the month and weekday names, format and messages of the user's language. */
    public static DatePicker picker(Component owner, String labelKey) {
        DatePicker picker = new DatePicker(owner.getTranslation(labelKey));
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormat(owner.getTranslation("unit.date.format"))
                .setMonthNames(list(owner, "unit.date.months"))
                .setWeekdays(list(owner, "unit.date.weekdays"))
                .setWeekdaysShort(list(owner, "unit.date.weekdays-short"))
                .setFirstDayOfWeek(1)
                .setToday(owner.getTranslation("unit.date.today"))
                .setCancel(owner.getTranslation("unit.date.cancel"))
                .setBadInputErrorMessage(owner.getTranslation("unit.date.bad-input"))
                .setMaxErrorMessage(owner.getTranslation("unit.date.not-after-today")));
        return picker;
    }

    public static String format(Component owner, LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern(owner.getTranslation("unit.date.format")).format(date);
    }

    private static List<String> list(Component owner, String key) {
        return List.of(owner.getTranslation(key).split(","));
    }
}
