package vn.gbv.portal.classroom;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.Arrays;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.i18n.LocalDates;

/**
 * Where a class's QR code leads: {@code /checkin/<code>}. A signed-in learner is marked present at
 * the code's session; someone not signed in is sent to the login page and brought back here.
 */
@Route("checkin/:token")
@PermitAll
@StyleSheet("styles/classes.css")
class CheckInView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CheckInService checkIns;
    final Div result = new Div();

    CheckInView(CheckInService checkIns) {
        this.checkIns = checkIns;
        addClassNames("page", "narrow-page", "checkin-view");
        add(new H2(getTranslation("checkin.title")), result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        result.removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        try {
            CheckInService.CheckedIn done = checkIns.checkIn(token);
            Paragraph ok = new Paragraph(getTranslation(done.alreadyPresent() ? "checkin.already" : "checkin.success",
                    done.seq(), done.classTitle()));
            ok.addClassNames("checkin-result", "checkin-ok");
            Paragraph when = new Paragraph(getTranslation("checkin.when", LocalDates.format(this, done.date()), done.place()));
            result.add(ok, when);
        } catch (RefusedException e) {
            Object[] args = Arrays.stream(e.args()).map(a -> a instanceof LocalDate d ? LocalDates.format(this, d) : a).toArray();
            Paragraph refused = new Paragraph(getTranslation(e.messageKey(), args));
            refused.addClassNames("checkin-result", "checkin-refused");
            result.add(refused);
        }
        result.add(new Anchor("", getTranslation("checkin.home")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("checkin.title");
    }
}
