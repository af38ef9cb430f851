package vn.gbv.portal.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.classroom.ClassService.CourseOption;
import vn.gbv.portal.classroom.ClassService.NewSession;
import vn.gbv.portal.classroom.ClassService.TrainerOption;
import vn.gbv.portal.classroom.ClassService.UnitOption;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.security.Role;

/**
 * A new class: title, course, organising unit, capacity, attendance rule, trainers and sessions.
 * {@code ?unit=<code>} starts with that unit (the link from the "why behind" drill-down). At
 * {@code classes/<id>/edit} the same form changes an open class: the course and the organising
 * unit are shown but stay; sessions keep their identity (and their attendance) when changed.
 */
@Route("classes/new")
@RouteAlias("classes/:id/edit")
@RolesAllowed({Role.Names.TRAINER, Role.Names.UNIT_MANAGER, Role.Names.ADMIN})
@StyleSheet("styles/classes.css")
class ClassFormView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ClassService classes;
    final TextField title = new TextField();
    final ComboBox<CourseOption> course = new ComboBox<>();
    final ComboBox<UnitOption> unit = new ComboBox<>();
    final IntegerField capacity = new IntegerField();
    final RadioButtonGroup<String> rule = new RadioButtonGroup<>();
    final IntegerField minSessions = new IntegerField();
    final MultiSelectComboBox<TrainerOption> trainers = new MultiSelectComboBox<>();
    final Div sessionRows = new Div();
    final List<SessionRow> sessions = new ArrayList<>();
    final Paragraph problem = new Paragraph();
    final Button save = new Button();
    final H2 heading = new H2();
    private final Div form = new Div();
    /** The class being edited; null for a new one. */
    Long editing;

    /** One session's fields. */
    final class SessionRow extends Div {
        /** The session's id when it exists already. */
        Long id;
        final DatePicker date = LocalDates.picker(ClassFormView.this, "classes.session.date");
        final TimePicker from = new TimePicker(getTranslation("classes.session.from"));
        final TimePicker to = new TimePicker(getTranslation("classes.session.to"));
        final TextField place = new TextField(getTranslation("classes.session.place"));

        SessionRow() {
            addClassName("session-row");
            from.setValue(LocalTime.of(8, 0));
            to.setValue(LocalTime.of(11, 30));
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                sessions.remove(this);
                sessionRows.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("classes.session.remove"));
            place.setWidth("16rem");
            add(date, from, to, place, remove);
        }

        NewSession value() {
            return new NewSession(date.getValue(), from.getValue(), to.getValue(), place.getValue());
        }
    }

    ClassFormView(ClassService classes) {
        this.classes = classes;
        addClassNames("page", "class-form-view");
        title.setLabel(getTranslation("classes.field.title"));
        title.setWidthFull();
        title.setMaxLength(300);
        course.setLabel(getTranslation("classes.field.course"));
        course.setItems(classes.courses());
        course.setItemLabelGenerator(CourseOption::title);
        course.setWidthFull();
        unit.setLabel(getTranslation("classes.field.unit"));
        unit.setItems(query -> classes.organisingUnits(query.getFilter().orElse(""), query.getLimit() + query.getOffset())
                .stream().skip(query.getOffset()).limit(query.getLimit()));
        unit.setItemLabelGenerator(UnitOption::name);
        unit.setWidthFull();
        capacity.setLabel(getTranslation("classes.field.capacity"));
        capacity.setMin(1);
        capacity.setValue(30);
        capacity.setStepButtonsVisible(true);
        rule.setLabel(getTranslation("classes.field.rule"));
        rule.setItems("all", "min");
        rule.setItemLabelGenerator(r -> getTranslation("classes.rule." + r));
        rule.setValue("all");
        minSessions.setLabel(getTranslation("classes.field.min-sessions"));
        minSessions.setMin(1);
        minSessions.setEnabled(false);
        rule.addValueChangeListener(e -> minSessions.setEnabled("min".equals(e.getValue())));
        trainers.setLabel(getTranslation("classes.field.trainers"));
        trainers.setItems(classes.trainers());
        trainers.setItemLabelGenerator(TrainerOption::name);
        trainers.setHelperText(getTranslation("classes.field.trainers-help"));
        trainers.setWidthFull();
        problem.addClassName("form-problem");
        problem.setVisible(false);
        Button addSession = new Button(getTranslation("classes.session.add"), VaadinIcon.PLUS.create(), e -> addSession());
        save.setText(getTranslation("classes.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Div rules = new Div(capacity, rule, minSessions);
        rules.addClassName("form-row");
        addSession();
        heading.setText(getTranslation("classes.new"));
        form.add(title, course, unit, rules, trainers, new H3(getTranslation("classes.sessions")), sessionRows, addSession,
                new Div(save));
        add(heading, problem, form);
    }

    private SessionRow addSession() {
        SessionRow row = new SessionRow();
        sessions.add(row);
        sessionRows.add(row);
        return row;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> id = event.getRouteParameters().get("id");
        if (id.isEmpty()) {
            event.getLocation().getQueryParameters().getSingleParameter("unit")
                    .flatMap(classes::organisingUnit).ifPresent(unit::setValue);
            return;
        }
        try {
            ClassService.ClassDetail detail = classes.detail(Long.parseLong(id.get()));
            if (detail.closed()) {
                throw RefusedException.of("classes.error.closed");
            }
            fill(detail);
        } catch (NumberFormatException e) {
            refuse(getTranslation("classes.error.unknown-class", id.get()));
        } catch (RefusedException e) {
            refuse(Refusals.text(this, e));
        }
    }

    private void refuse(String text) {
        heading.setText(getTranslation("classes.edit"));
        problem.setText(text);
        problem.setVisible(true);
        form.setVisible(false);
    }

    /** The form as the class stands: the course and the organising unit shown, not changeable. */
    private void fill(ClassService.ClassDetail detail) {
        editing = detail.id();
        heading.setText(getTranslation("classes.edit"));
        title.setValue(detail.title());
        CourseOption itsCourse = new CourseOption(detail.courseId(), detail.courseCode(), detail.courseTitle());
        course.setItems(List.of(itsCourse));
        course.setValue(itsCourse);
        course.setReadOnly(true);
        UnitOption itsUnit = new UnitOption(detail.unitId(), detail.unitCode(), detail.unitName());
        unit.setItems(List.of(itsUnit));
        unit.setValue(itsUnit);
        unit.setReadOnly(true);
        capacity.setValue(detail.capacity());
        rule.setValue(detail.minSessions() == null ? "all" : "min");
        minSessions.setValue(detail.minSessions());
        trainers.setValue(Set.copyOf(detail.trainers()));
        sessions.clear();
        sessionRows.removeAll();
        for (ClassService.Session s : detail.sessions()) {
            SessionRow row = addSession();
            row.id = s.id();
            row.date.setValue(s.date());
            row.from.setValue(s.startsAt());
            row.to.setValue(s.endsAt());
            row.place.setValue(s.place());
        }
    }

    void save() {
        problem.setVisible(false);
        try {
            if (editing != null) {
                classes.update(editing, new ClassService.ClassEdit(title.getValue(), capacity.getValue(),
                        "min".equals(rule.getValue()) ? minSessions.getValue() : null,
                        sessions.stream().map(r -> new ClassService.EditedSession(r.id, r.value())).toList(),
                        trainers.getValue().stream().map(TrainerOption::id).collect(Collectors.toSet())));
                long id = editing;
                getUI().ifPresent(ui -> ui.navigate("classes/" + id));
                return;
            }
            long id = classes.create(new ClassService.NewClass(title.getValue(),
                    course.getValue() == null ? null : course.getValue().id(),
                    unit.getValue() == null ? null : unit.getValue().id(), capacity.getValue(),
                    "min".equals(rule.getValue()) ? minSessions.getValue() : null,
                    sessions.stream().map(SessionRow::value).toList(),
                    trainers.getValue().stream().map(TrainerOption::id).collect(Collectors.toSet())));
            getUI().ifPresent(ui -> ui.navigate("classes/" + id));
        } catch (RefusedException e) {
            problem.setText(Refusals.text(this, e));
            problem.setVisible(true);
        }
    }


    @Override
    public String getPageTitle() {
        return getTranslation(editing == null ? "classes.new" : "classes.edit");
    }
}
