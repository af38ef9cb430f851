package vn.gbv.portal.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.classroom.ClassService.AttendanceRow;
import vn.gbv.portal.classroom.ClassService.ClassDetail;
import vn.gbv.portal.classroom.ClassService.Session;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.security.Role;

/**
 * Attendance at one session, made for a tablet at the door: one large row per enrolled person that
 * a tap ticks or unticks, and the session's QR code for self check-in, replaced by a fresh one
 * every {@value #REFRESH_SECONDS} seconds (a UI poll: no server push is configured) and by the
 * refresh button. The poll also shows who has checked in by QR meanwhile.
 */
@Route("classes/:id/sessions/:session")
@RolesAllowed({Role.Names.TRAINER, Role.Names.UNIT_MANAGER, Role.Names.ADMIN})
@StyleSheet("styles/classes.css")
class AttendanceView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final int REFRESH_SECONDS = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ClassService classes;
    private final CheckInService checkIns;
    final Paragraph problem = new Paragraph();
    final Paragraph message = new Paragraph();
    final Div content = new Div();
    final Div qr = new Div();
    final Paragraph qrNote = new Paragraph();
    final Anchor qrLink = new Anchor();
    final Div list = new Div();
    final Paragraph count = new Paragraph();
    final List<Checkbox> ticks = new ArrayList<>();
    final List<Div> rows = new ArrayList<>();
    private ClassDetail detail;
    private Session session;
    private Registration poll;

    AttendanceView(ClassService classes, CheckInService checkIns) {
        this.classes = classes;
        this.checkIns = checkIns;
        addClassNames("page", "attendance-view");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        message.addClassName("class-message");
        message.setVisible(false);
        list.addClassName("attendance-list");
        qr.addClassName("checkin-qr-box");
        add(problem, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        String sessionId = event.getRouteParameters().get("session").orElse("");
        try {
            detail = classes.detail(Long.parseLong(id));
            long sid = Long.parseLong(sessionId);
            session = detail.sessions().stream().filter(s -> s.id() == sid).findFirst()
                    .orElseThrow(() -> RefusedException.of("classes.error.unknown-session", sessionId));
        } catch (NumberFormatException e) {
            refuse(getTranslation("classes.error.unknown-session", sessionId));
            return;
        } catch (RefusedException e) {
            refuse(Refusals.text(this, e));
            return;
        }
        content.removeAll();
        H2 title = new H2(getTranslation("classes.attendance.title", session.seq(), detail.title()));
        Paragraph when = new Paragraph(getTranslation("classes.session.line", session.seq(), LocalDates.format(this, session.date()),
                TIME.format(session.startsAt()), TIME.format(session.endsAt()), session.place()));
        Button refresh = new Button(getTranslation("classes.qr.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.addClassName("qr-refresh");
        Div qrPanel = new Div(qr, qrNote, qrLink, refresh);
        qrPanel.addClassName("checkin-panel");
        Div columns = new Div(new Div(count, list), qrPanel);
        columns.addClassName("attendance-columns");
        if (detail.closed()) {
            message.setText(getTranslation("classes.attendance.closed-note"));
            message.setVisible(true);
            qrPanel.setVisible(false);
        }
        content.add(new Anchor("classes/" + detail.id(), getTranslation("classes.attendance.back")), title, when, message, columns);
        refresh();
    }

    private void refuse(String text) {
        problem.setText(text);
        problem.setVisible(true);
        content.setVisible(false);
    }

    /** The list as it stands now and a fresh QR code. */
    void refresh() {
        if (session == null) {
            return;
        }
        List<AttendanceRow> people = classes.attendance(detail.id());
        Set<Long> byQr = classes.checkedInByQr(session.id());
        list.removeAll();
        ticks.clear();
        rows.clear();
        long present = 0;
        for (AttendanceRow r : people) {
            boolean here = r.attended().contains(session.seq());
            present += here ? 1 : 0;
            // The whole row is the control (a finger on a tablet hits the row, not a 24 px box); the
            // checkbox inside only shows the state.
            Checkbox tick = new Checkbox(r.fullName(), here);
            tick.addClassName("attendance-tick");
            tick.setTabIndex(-1);
            tick.getElement().setAttribute("aria-hidden", "true");
            Span where = new Span((r.unitName() == null ? "" : r.unitName())
                    + (byQr.contains(r.personId()) && here ? " · " + getTranslation("classes.attendance.by-qr") : ""));
            where.addClassName("attendance-unit");
            Div row = new Div(tick, where);
            row.addClassName("attendance-row");
            row.addClassName(here ? "present" : "absent");
            row.getElement().setAttribute("role", "checkbox");
            row.getElement().setAttribute("aria-checked", String.valueOf(here));
            row.getElement().setAttribute("aria-label", r.fullName());
            row.getElement().setAttribute("tabindex", "0");
            row.getElement().setAttribute("data-person", String.valueOf(r.personId()));
            row.addClickListener(e -> mark(r, !here));
            row.getElement().addEventListener("keydown", e -> mark(r, !here))
                    .setFilter("event.key === ' ' || event.key === 'Enter'").preventDefault();
            rows.add(row);
            list.add(row);
            ticks.add(tick);
        }
        count.setText(getTranslation("classes.attendance.count", present, people.size()));
        if (!detail.closed()) {
            showCode();
        }
    }

    private void showCode() {
        qr.removeAll();
        try {
            CheckInService.CheckInCode code = checkIns.currentCode(session.id());
            // inside a div: the browser parses the SVG (an Html root element would lose viewBox's case)
            Html svg = new Html("<div class=\"checkin-qr-svg\">" + QrSvg.of(code.url()).replace("role=\"img\"",
                    "role=\"img\" aria-label=\"" + getTranslation("classes.qr.alt", session.seq()) + "\"") + "</div>");
            qr.add(svg);
            qrNote.setText(getTranslation("classes.qr.note", TIME.format(code.expiresAt().atZone(ZoneId.systemDefault()))));
            qrLink.setHref(code.url());
            qrLink.setText(getTranslation("classes.qr.link"));
            qrLink.setVisible(true);
        } catch (RefusedException e) {
            Object[] args = java.util.Arrays.stream(e.args())
                    .map(a -> a instanceof java.time.LocalDate d ? LocalDates.format(this, d) : a).toArray();
            qrNote.setText(getTranslation(e.messageKey(), args));
            qrLink.setVisible(false);
        }
    }

    void mark(AttendanceRow r, boolean present) {
        try {
            classes.setPresent(session.id(), r.personId(), present);
            message.setVisible(false);
        } catch (RefusedException e) {
            message.setText(Refusals.text(this, e));
            message.setVisible(true);
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(REFRESH_SECONDS * 1000);
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }

    @Override
    public String getPageTitle() {
        return session == null ? getTranslation("classes.title") : getTranslation("classes.attendance.title", session.seq(), detail.title());
    }
}
