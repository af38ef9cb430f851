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
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
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
 * {@code ?unit=<code>} starts with that unit (the link from the "why behind" drill-down).
 */
@Route("classes/new")
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

    /** One session's fields. */
    final class SessionRow extends Div {
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
        add(new H2(getTranslation("classes.new")), problem, title, course, unit, rules, trainers,
                new H3(getTranslation("classes.sessions")), sessionRows, addSession, new Div(save));
    }

    private void addSession() {
        SessionRow row = new SessionRow();
        sessions.add(row);
        sessionRows.add(row);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("unit")
                .flatMap(classes::organisingUnit).ifPresent(unit::setValue);
    }

    void save() {
        problem.setVisible(false);
        try {
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
        return getTranslation("classes.new");
    }
}
