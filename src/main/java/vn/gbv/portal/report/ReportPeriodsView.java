package vn.gbv.portal.report;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.security.Role;

/**
 * The administrators' reporting periods (/reports/periods): the annual periods 2026–2030 are
 * there from the start; a 6-month period can be added and any period's dates edited.
 */
@com.vaadin.flow.component.dependency.StyleSheet("styles/reports.css")
@Route("reports/periods")
@RolesAllowed(Role.Names.ADMIN)
class ReportPeriodsView extends Main implements HasDynamicTitle {

    private final ReportService reports;
    final Grid<ReportingPeriod> grid = new Grid<>();
    final TextField code = new TextField();
    final TextField name = new TextField();
    final Select<ReportingPeriod.Kind> kind = new Select<>();
    final DatePicker startsOn;
    final DatePicker endsOn;
    final DatePicker figuresOn;
    final DatePicker unitsDueOn;
    final DatePicker consolidationDueOn;
    final Paragraph problem = new Paragraph();
    final Button save = new Button();
    final Button add = new Button();
    private ReportingPeriod editing;

    ReportPeriodsView(ReportService reports) {
        this.reports = reports;
        addClassNames("page", "report-periods-view");
        grid.addColumn(ReportingPeriod::name).setHeader(getTranslation("report.periods.name")).setFlexGrow(2);
        grid.addColumn(p -> LocalDates.format(this, p.startsOn()) + " – " + LocalDates.format(this, p.endsOn()))
                .setHeader(getTranslation("report.periods.span")).setAutoWidth(true);
        grid.addColumn(p -> LocalDates.format(this, p.figuresOn())).setHeader(getTranslation("report.periods.figures-on")).setAutoWidth(true);
        grid.addColumn(p -> LocalDates.format(this, p.unitsDueOn())).setHeader(getTranslation("report.periods.units-due")).setAutoWidth(true);
        grid.addColumn(p -> LocalDates.format(this, p.consolidationDueOn()))
                .setHeader(getTranslation("report.periods.consolidation-due")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        code.setLabel(getTranslation("report.periods.code"));
        code.setHelperText(getTranslation("report.periods.code-help"));
        name.setLabel(getTranslation("report.periods.name"));
        kind.setLabel(getTranslation("report.periods.kind"));
        kind.setItems(ReportingPeriod.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("report.periods.kind." + k.name()));
        startsOn = LocalDates.picker(this, "report.periods.starts-on");
        endsOn = LocalDates.picker(this, "report.periods.ends-on");
        figuresOn = LocalDates.picker(this, "report.periods.figures-on");
        unitsDueOn = LocalDates.picker(this, "report.periods.units-due");
        consolidationDueOn = LocalDates.picker(this, "report.periods.consolidation-due");
        FormLayout form = new FormLayout(code, name, kind, startsOn, endsOn, figuresOn, unitsDueOn, consolidationDueOn);
        problem.addClassName("form-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        save.setText(getTranslation("report.periods.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add.setText(getTranslation("report.periods.new"));
        add.addClickListener(e -> grid.asSingleSelect().clear());
        add(new Paragraph(getTranslation("report.periods.intro")), grid, new H3(getTranslation("report.periods.form")),
                problem, form, new Div(add, save));
        refresh();
        edit(null);
    }

    private void refresh() {
        grid.setItems(reports.periods());
    }

    private void edit(ReportingPeriod p) {
        editing = p;
        problem.setVisible(false);
        code.setReadOnly(p != null);
        kind.setReadOnly(p != null);
        code.setValue(p == null ? "" : p.code());
        name.setValue(p == null ? "" : p.name());
        kind.setValue(p == null ? ReportingPeriod.Kind.SEMIANNUAL : p.kind());
        startsOn.setValue(p == null ? null : p.startsOn());
        endsOn.setValue(p == null ? null : p.endsOn());
        figuresOn.setValue(p == null ? null : p.figuresOn());
        unitsDueOn.setValue(p == null ? null : p.unitsDueOn());
        consolidationDueOn.setValue(p == null ? null : p.consolidationDueOn());
    }

    void save() {
        problem.setVisible(false);
        for (var f : java.util.List.of(code, name)) {
            f.setInvalid(false);
        }
        ReportService.PeriodForm form = new ReportService.PeriodForm(code.getValue(), name.getValue(), kind.getValue(),
                startsOn.getValue(), endsOn.getValue(), figuresOn.getValue(), unitsDueOn.getValue(), consolidationDueOn.getValue());
        try {
            ReportingPeriod saved = editing == null ? reports.addPeriod(form)
                    : reports.updatePeriod(editing.id(), editing.version(), form);
            Notification.show(getTranslation("report.periods.saved", saved.name())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            grid.asSingleSelect().clear();
        } catch (RefusedException e) {
            String message = ReportViews.message(this, e);
            String label = e.field().map(f -> Map.of("code", code.getLabel(), "name", name.getLabel(), "kind", kind.getLabel(),
                    "startsOn", startsOn.getLabel(), "endsOn", endsOn.getLabel(), "figuresOn", figuresOn.getLabel(),
                    "unitsDueOn", unitsDueOn.getLabel(), "consolidationDueOn", consolidationDueOn.getLabel()).get(f)).orElse(null);
            problem.setText(label == null ? message : label + ": " + message);
            problem.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.periods.title");
    }
}
