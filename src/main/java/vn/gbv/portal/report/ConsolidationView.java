package vn.gbv.portal.report;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.report.Consolidation.UnitStatus;
import vn.gbv.portal.security.Role;

/**
 * Sở Nội vụ's consolidation: /reports/consolidation/&lt;period&gt;: which units submitted, which are
 * late, returned or missing, and the consolidated report (sums of submitted reports only) in PDF,
 * XLSX and CSV.
 */
@com.vaadin.flow.component.dependency.StyleSheet("styles/reports.css")
@Route("reports/consolidation/:period?")
@RolesAllowed(Role.Names.ADMIN)
class ConsolidationView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportService reports;
    final Paragraph problem = new Paragraph();
    final Div content = new Div();
    final Select<ReportingPeriod> period = new Select<>();
    final Grid<UnitStatus> units = new Grid<>();
    Consolidation shown;

    ConsolidationView(ReportService reports) {
        this.reports = reports;
        addClassNames("page", "consolidation-view");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        period.setLabel(getTranslation("report.period"));
        period.setItemLabelGenerator(ReportingPeriod::name);
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate("reports/consolidation/" + e.getValue().code()));
            }
        });
        units.addComponentColumn(u -> new Anchor("reports/" + shown.period().code() + "/" + u.code(), u.name()))
                .setHeader(getTranslation("report.unit")).setFlexGrow(3);
        units.addColumn(u -> getTranslation("report.consolidation.status." + u.status().name())
                + (u.late() && u.status() == Consolidation.Status.SUBMITTED ? " · " + getTranslation("report.version.late") : ""))
                .setHeader(getTranslation("report.consolidation.state")).setAutoWidth(true);
        units.addColumn(u -> u.submittedOn() == null ? "" : LocalDates.format(this, u.submittedOn()))
                .setHeader(getTranslation("report.consolidation.submitted-on")).setAutoWidth(true);
        units.addColumn(u -> u.status() == Consolidation.Status.MISSING ? "" : u.trained() + " / " + u.population())
                .setHeader(getTranslation("report.consolidation.figures")).setAutoWidth(true);
        units.setAllRowsVisible(true);
        units.addClassName("consolidation-units");
        add(problem, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        problem.setVisible(false);
        content.removeAll();
        try {
            String code = event.getRouteParameters().get("period").orElse(null);
            if (code == null) {
                Optional<ReportingPeriod> current = reports.currentPeriod();
                if (current.isEmpty()) {
                    problem.setText(getTranslation("report.error.no-period"));
                    problem.setVisible(true);
                    return;
                }
                code = current.get().code();
            }
            render(reports.consolidation(code, null));
        } catch (RefusedException e) {
            problem.setText(ReportViews.message(this, e));
            problem.setVisible(true);
        }
    }

    private void render(Consolidation k) {
        shown = k;
        period.setItems(reports.periods());
        period.setValue(k.period());
        Div toolbar = new Div(period, new Anchor("reports/periods", getTranslation("report.periods.title")));
        toolbar.addClassName("toolbar");
        Paragraph summary = new Paragraph(getTranslation("report.consolidation.summary", k.submitted().size(), k.units().size(),
                k.lateCount(), k.notSubmitted().size(), LocalDates.format(this, k.period().unitsDueOn()),
                LocalDates.format(this, k.period().consolidationDueOn())));
        summary.addClassName("consolidation-summary");
        units.setItems(k.units());
        String code = k.period().code();
        content.add(new H2(getTranslation("report.consolidation.heading", k.rootName())), toolbar, summary, units,
                new H3(getTranslation("report.consolidation.report")),
                new Paragraph(getTranslation("report.consolidation.note")),
                ReportViews.downloads(this, "consolidated", f -> reports.consolidated(code, null, f)),
                ReportViews.preview(ReportDocuments.consolidated(k)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.consolidation.title");
    }
}
