package vn.gbv.portal.unit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import vn.gbv.portal.i18n.LocalDates;

/**
 * Date pickers for changes to units and people. Changes are recorded when they have happened, so
 * a picker offers no day after today.
 */
public final class DateFields {

    private DateFields() {
    }

    public static DatePicker picker(Component owner, String labelKey) {
        DatePicker picker = LocalDates.picker(owner, labelKey);
        picker.setMax(LocalDate.now());
        picker.setValue(LocalDate.now());
        return picker;
    }

    public static String format(Component owner, LocalDate date) {
        return LocalDates.format(owner, date);
    }
}
