package vn.gbv.portal.classroom;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.util.Arrays;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.i18n.LocalDates;

/** A refusal in the reader's words, dates in their format. */
final class Refusals {

    private Refusals() {
    }

    static String text(Component owner, RefusedException e) {
        Object[] args = Arrays.stream(e.args()).map(a -> a instanceof LocalDate d ? LocalDates.format(owner, d) : a).toArray();
        return owner.getTranslation(e.messageKey(), args);
    }
}
