package vn.gbv.portal.classroom;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.classroom.ClassService.AttendanceRow;
import vn.gbv.portal.classroom.ClassService.ClassDetail;
import vn.gbv.portal.classroom.ClassService.ClosingResult;
import vn.gbv.portal.classroom.ClassService.Enrolment;
import vn.gbv.portal.classroom.ClassService.EnrolmentStatus;
import vn.gbv.portal.classroom.ClassService.Outcome;
import vn.gbv.portal.classroom.ClassService.Session;
import vn.gbv.portal.classroom.ClassService.TrainerOption;
import vn.gbv.portal.classroom.ClassService.UnitOption;
import vn.gbv.portal.coverage.ClassPlanning;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.StaffCategory;

/**
 * One class: what, when and where; the documents for the day; the planning figure ("62% → 78%");
 * who is enrolled and waiting; enrolling from the roster (by name, unit, category, or those not yet
 * trained, with what they lack); attendance per session; closing.
 */
@Route("classes/:id")
@RolesAllowed({Role.Names.TRAINER, Role.Names.UNIT_MANAGER, Role.Names.ADMIN})
@StyleSheet("styles/classes.css")
class ClassView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A person offered for enrolment: from the roster (category) or from the not-yet-trained list (what they lack). */
    record Pick(long personId, String fullName, String unitName, String detail, boolean enrolled) {
    }

    private final ClassService classes;
    final Paragraph problem = new Paragraph();
    final Div content = new Div();
    final Paragraph message = new Paragraph();
    // made afresh by build(), so that closing (which rebuilds the page) adds no second set of columns
    Paragraph projection;
    Grid<Enrolment> enrolled;
    RadioButtonGroup<String> mode;
    TextField name;
    Select<UnitOption> rosterUnit;
    Select<StaffCategory> category;
    Grid<Pick> picks;
    Button enrol;
    Grid<AttendanceRow> attendance;
    Div closing;
    Button close;
    private ClassDetail detail;

    ClassView(ClassService classes) {
        this.classes = classes;
        addClassNames("page", "class-view");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        message.addClassName("class-message");
        message.setVisible(false);
        add(problem, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            detail = classes.detail(Long.parseLong(id));
        } catch (NumberFormatException e) {
            refuse(getTranslation("classes.error.unknown-class", id));
            return;
        } catch (RefusedException e) {
            refuse(Refusals.text(this, e));
            return;
        }
        build();
    }

    private void refuse(String text) {
        problem.setText(text);
        problem.setVisible(true);
        content.setVisible(false);
    }

    private void build() {
        projection = new Paragraph();
        projection.addClassName("class-projection");
        enrolled = new Grid<>();
        mode = new RadioButtonGroup<>();
        name = new TextField();
        rosterUnit = new Select<>();
        category = new Select<>();
        picks = new Grid<>();
        enrol = new Button();
        attendance = new Grid<>();
        closing = new Div();
        close = new Button(getTranslation("classes.close"), e -> confirmClose());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.removeAll();
        content.add(new Anchor("classes", getTranslation("classes.back")), new H2(detail.title()), message);
        if (!detail.closed()) {
            Anchor edit = new Anchor("classes/" + detail.id() + "/edit", getTranslation("classes.edit.action"));
            edit.addClassName("class-edit-link");
            content.add(edit);
        }
        content.add(facts(), sessions(), documents());
        content.add(new H3(getTranslation("classes.planning")), projection);
        content.add(new H3(getTranslation("classes.enrolled")), enrolledGrid());
        if (!detail.closed()) {
            content.add(new H3(getTranslation("classes.enrol")), enrolPanel());
        }
        content.add(new H3(getTranslation("classes.attendance")), attendanceGrid());
        content.add(new H3(getTranslation("classes.closing")), closing);
        refresh();
    }

    private Component facts() {
        UnorderedList list = new UnorderedList();
        list.addClassName("class-facts");
        list.add(new ListItem(getTranslation("classes.fact.course", detail.courseTitle())));
        list.add(new ListItem(getTranslation("classes.fact.unit", detail.unitName())));
        list.add(new ListItem(getTranslation("classes.fact.trainers",
                detail.trainers().stream().map(TrainerOption::name).collect(Collectors.joining(", ")))));
        list.add(new ListItem(getTranslation("classes.fact.capacity", detail.capacity())));
        list.add(new ListItem(detail.minSessions() == null ? getTranslation("classes.fact.rule-all", detail.sessions().size())
                : getTranslation("classes.fact.rule-min", detail.required(), detail.sessions().size())));
        list.add(new ListItem(getTranslation("classes.fact.status", getTranslation("classes.status." + detail.status().name().toLowerCase()))));
        return list;
    }

    private Component sessions() {
        Div list = new Div();
        list.addClassName("class-sessions");
        for (Session s : detail.sessions()) {
            Span what = new Span(getTranslation("classes.session.line", s.seq(), LocalDates.format(this, s.date()),
                    TIME.format(s.startsAt()), TIME.format(s.endsAt()), s.place()));
            Anchor take = new Anchor("classes/" + detail.id() + "/sessions/" + s.id(), getTranslation("classes.session.attendance", s.seq()));
            take.addClassName("session-attendance-link");
            Div row = new Div(what, take);
            row.addClassName("class-session");
            list.add(row);
        }
        return list;
    }

    private Component documents() {
        long id = detail.id();
        Anchor sheet = new Anchor();
        sheet.setHref((DownloadHandler) event -> {
            event.setFileName("diem-danh-lop-" + id + ".pdf");
            event.setContentType("application/pdf");
            classes.attendanceSheet(id, event.getOutputStream());
        });
        sheet.setText(getTranslation("classes.download.sheet"));
        Anchor invitations = new Anchor();
        invitations.setHref((DownloadHandler) event -> {
            event.setFileName("danh-sach-moi-lop-" + id + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            classes.invitationList(id, event.getOutputStream());
        });
        invitations.setText(getTranslation("classes.download.invitations"));
        Div docs = new Div(sheet, invitations);
        docs.addClassName("class-documents");
        return docs;
    }

    private Component enrolledGrid() {
        enrolled.addColumn(Enrolment::fullName).setHeader(getTranslation("classes.column.name")).setFlexGrow(3);
        enrolled.addColumn(e -> e.unitName() == null ? "" : e.unitName()).setHeader(getTranslation("classes.column.unit")).setFlexGrow(3);
        enrolled.addColumn(e -> getTranslation("classes.enrolment." + e.status().name().toLowerCase()))
                .setHeader(getTranslation("classes.column.status")).setKey("status");
        if (!detail.closed()) {
            enrolled.addComponentColumn(e -> {
                Button remove = new Button(getTranslation("classes.remove"), click -> remove(e));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setHeader("").setAutoWidth(true);
        }
        enrolled.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        enrolled.setAllRowsVisible(true);
        return enrolled;
    }

    private Component enrolPanel() {
        mode.setItems("roster", "untrained");
        mode.setItemLabelGenerator(m -> getTranslation("classes.enrol.mode." + m));
        mode.setValue("roster");
        mode.addValueChangeListener(e -> refreshPicks());
        name.setLabel(getTranslation("classes.enrol.name"));
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setClearButtonVisible(true);
        name.addValueChangeListener(e -> refreshPicks());
        rosterUnit.setLabel(getTranslation("classes.enrol.unit"));
        rosterUnit.setItems(classes.rosterUnits(detail.id()));
        rosterUnit.setItemLabelGenerator(u -> u == null ? getTranslation("classes.enrol.any") : u.name());
        rosterUnit.setEmptySelectionAllowed(true);
        rosterUnit.setEmptySelectionCaption(getTranslation("classes.enrol.any"));
        rosterUnit.addValueChangeListener(e -> refreshPicks());
        category.setLabel(getTranslation("classes.enrol.category"));
        category.setItems(StaffCategory.values());
        category.setItemLabelGenerator(c -> c == null ? getTranslation("classes.enrol.any") : getTranslation(c.translationKey()));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("classes.enrol.any"));
        category.addValueChangeListener(e -> refreshPicks());
        picks.setSelectionMode(Grid.SelectionMode.MULTI);
        picks.addColumn(Pick::fullName).setHeader(getTranslation("classes.column.name")).setFlexGrow(3);
        picks.addColumn(Pick::unitName).setHeader(getTranslation("classes.column.unit")).setFlexGrow(3);
        picks.addColumn(Pick::detail).setHeader(getTranslation("classes.column.detail")).setKey("detail").setFlexGrow(3);
        picks.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        picks.setHeight("22rem");
        enrol.setText(getTranslation("classes.enrol.selected"));
        enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enrol.addClickListener(e -> enrolSelected());
        Div filters = new Div(name, rosterUnit, category);
        filters.addClassName("toolbar");
        return new Div(mode, filters, picks, enrol);
    }

    void refreshPicks() {
        boolean untrained = "untrained".equals(mode.getValue());
        rosterUnit.setVisible(!untrained);
        category.setVisible(!untrained);
        picks.getColumnByKey("detail").setHeader(getTranslation(untrained ? "classes.column.lacks" : "classes.column.category"));
        Set<Long> already = classes.enrolments(detail.id()).stream().map(Enrolment::personId).collect(Collectors.toSet());
        List<Pick> rows;
        if (untrained) {
            rows = classes.notYetTrained(detail.id(), name.getValue(), 0, ClassService.MAX_CANDIDATES).stream()
                    .map(l -> new Pick(l.personId(), l.fullName(), l.unitName(), lacks(l), already.contains(l.personId())))
                    .filter(p -> !p.enrolled()).toList();
        } else {
            rows = classes.candidates(detail.id(), name.getValue(), rosterUnit.getValue() == null ? null : rosterUnit.getValue().id(),
                            category.getValue()).stream()
                    .filter(c -> c.enrolment() == null)
                    .map(c -> new Pick(c.personId(), c.fullName(), c.unitName(), getTranslation(c.category().translationKey()), false))
                    .toList();
        }
        picks.deselectAll();
        picks.setItems(rows);
    }

    private String lacks(ClassPlanning.Lacking l) {
        return l.lackingGroups().stream().map(g -> {
            String label = getTranslation("coverage.group." + g);
            return label.startsWith("!") ? g : label;
        }).collect(Collectors.joining(", "));
    }

    void enrolSelected() {
        List<Long> chosen = picks.getSelectedItems().stream().map(Pick::personId).toList();
        if (chosen.isEmpty()) {
            say(getTranslation("classes.enrol.none-selected"));
            return;
        }
        try {
            ClassService.EnrolResult r = classes.enrol(detail.id(), chosen);
            say(getTranslation("classes.enrol.done", r.enrolled(), r.waiting()));
        } catch (RefusedException e) {
            say(Refusals.text(this, e));
        }
        refresh();
    }

    void remove(Enrolment e) {
        try {
            classes.remove(detail.id(), e.personId()).ifPresentOrElse(
                    promoted -> say(getTranslation("classes.removed-promoted", e.fullName(), promoted)),
                    () -> say(getTranslation("classes.removed", e.fullName())));
        } catch (RefusedException ex) {
            say(Refusals.text(this, ex));
        }
        refresh();
    }

    private Component attendanceGrid() {
        attendance.addColumn(AttendanceRow::fullName).setHeader(getTranslation("classes.column.name")).setFlexGrow(3);
        for (Session s : detail.sessions()) {
            attendance.addColumn(a -> a.attended().contains(s.seq()) ? "✓" : "–")
                    .setHeader(getTranslation("classes.column.session", s.seq())).setKey("s" + s.seq()).setFlexGrow(1);
        }
        attendance.addThemeVariants(GridVariant.LUMO_COMPACT);
        attendance.setAllRowsVisible(true);
        return attendance;
    }

    private void refresh() {
        List<Enrolment> people = classes.enrolments(detail.id());
        enrolled.setItems(people);
        long in = people.stream().filter(e -> e.status() == EnrolmentStatus.ENROLLED).count();
        long waiting = people.size() - in;
        enrolled.getColumnByKey("status").setHeader(getTranslation("classes.column.status") + " ("
                + getTranslation("classes.places", in, detail.capacity()) + (waiting > 0 ? ", " + getTranslation("classes.waiting-count", waiting) : "") + ")");
        classes.projection(detail.id()).ifPresentOrElse(p -> projection.setText(projectionText(p)),
                () -> projection.setText(getTranslation("classes.projection.none")));
        attendance.setItems(classes.attendance(detail.id()));
        if (!detail.closed()) {
            refreshPicks();
        }
        refreshClosing(null);
    }

    String projectionText(ClassPlanning.Projection p) {
        return getTranslation("classes.projection", detail.unitName(), p.now().percent(), p.ifAllComplete().percent(),
                p.now().trained(), p.now().population(), p.ifAllComplete().trained(), p.becomeTrained().size(),
                p.enrolledInPopulation());
    }

    private void refreshClosing(ClosingResult done) {
        closing.removeAll();
        if (done != null) {
            closing.add(new Paragraph(getTranslation("classes.closed-result", done.recorded().size(),
                    LocalDates.format(this, done.completedOn()), done.alreadyCompleted().size(), done.notMet().size())));
            closing.add(notMetList(done.notMet()));
            return;
        }
        if (detail.closed()) {
            closing.add(new Paragraph(getTranslation("classes.closed-note")));
            // who has not met the rule as attendance stands now (after any correction)
            closing.add(notMetList(classes.closingPreview(detail.id()).notMet()));
            return;
        }
        ClosingResult preview = classes.closingPreview(detail.id());
        closing.add(new Paragraph(getTranslation("classes.closing-preview", preview.recorded().size(), preview.notMet().size())));
        closing.add(notMetList(preview.notMet()));
        closing.add(close);
    }

    void confirmClose() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("classes.close"),
                getTranslation("classes.close-confirm", classes.closingPreview(detail.id()).recorded().size()),
                getTranslation("classes.close"), ok -> closeNow());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("classes.cancel"));
        confirm.open();
    }

    void closeNow() {
        try {
            ClosingResult result = classes.close(detail.id());
            detail = classes.detail(detail.id());
            build();
            refreshClosing(result);
            say(getTranslation("classes.closed-message"));
        } catch (RefusedException e) {
            say(Refusals.text(this, e));
        }
    }

    private Component notMetList(List<Outcome> notMet) {
        UnorderedList list = new UnorderedList();
        list.addClassName("not-met");
        for (Outcome o : notMet) {
            list.add(new ListItem(getTranslation("classes.not-met", o.fullName(),
                    o.missed().stream().map(String::valueOf).collect(Collectors.joining(", ")))));
        }
        return list;
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return detail == null ? getTranslation("classes.title") : detail.title();
    }
}
