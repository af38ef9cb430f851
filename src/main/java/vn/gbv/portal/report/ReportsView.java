package vn.gbv.portal.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.report.ReportContent.Texts;
import vn.gbv.portal.report.ReportQueries.Submission;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;

/**
 * A unit's report: /reports (this period, the manager's first reporting unit) or
 * /reports/&lt;period&gt;/&lt;unit code&gt;. The figures as of the period's date, the manager's text
 * (saved as a draft), the downloads, submitting, and every submitted version with its files. An
 * administrator also returns a submitted version here. Another unit's code gets a message.
 */
@com.vaadin.flow.component.dependency.StyleSheet("styles/reports.css")
@Route("reports/:period?/:unit?")
@RolesAllowed({Role.Names.UNIT_MANAGER, Role.Names.ADMIN})
class ReportsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportService reports;
    private final boolean admin;
    final Paragraph problem = new Paragraph();
    final Div content = new Div();
    final Select<ReportingPeriod> period = new Select<>();
    final Select<ReportService.UnitChoice> unit = new Select<>();
    final TextArea activities = new TextArea();
    final TextArea results = new TextArea();
    final TextArea difficulties = new TextArea();
    final TextArea proposals = new TextArea();
    final TextField signerTitle = new TextField();
    final TextField signerName = new TextField();
    final Button save = new Button();
    final Button submit = new Button();
    final Paragraph status = new Paragraph();
    private ReportService.UnitReport shown;

    ReportsView(ReportService reports, CurrentUser currentUser) {
        this.reports = reports;
        this.admin = currentUser.get().map(u -> u.isAdmin()).orElse(false);
        addClassNames("page", "reports-view");
        problem.addClassName("form-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        period.setLabel(getTranslation("report.period"));
        period.setItemLabelGenerator(ReportingPeriod::name);
        unit.setLabel(getTranslation("report.unit"));
        unit.setItemLabelGenerator(ReportService.UnitChoice::name);
        activities.setLabel(getTranslation("report.text.activities"));
        results.setLabel(getTranslation("report.text.results"));
        difficulties.setLabel(getTranslation("report.text.difficulties"));
        proposals.setLabel(getTranslation("report.text.proposals"));
        signerTitle.setLabel(getTranslation("report.text.signer-title"));
        signerTitle.setHelperText(getTranslation("report.text.signer-title-help"));
        signerName.setLabel(getTranslation("report.text.signer-name"));
        for (TextArea a : List.of(activities, results, difficulties, proposals)) {
            a.setMaxLength(20_000);
            a.setWidthFull();
            a.setMinRows(3);
        }
        signerTitle.setMaxLength(200);
        signerName.setMaxLength(200);
        save.setText(getTranslation("report.save-draft"));
        save.addClickListener(e -> saveDraft());
        submit.setText(getTranslation("report.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> confirmSubmit());
        status.addClassName("report-status");
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && shown != null) {
                go(e.getValue().code(), shown.unit().code());
            }
        });
        unit.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && shown != null) {
                go(shown.period().code(), e.getValue().code());
            }
        });
        add(problem, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("period").orElse(null), event.getRouteParameters().get("unit").orElse(null));
    }

    private void show(String periodCode, String unitCode) {
        problem.setVisible(false);
        content.removeAll();
        try {
            if (periodCode == null) {
                Optional<ReportingPeriod> current = reports.currentPeriod();
                if (current.isEmpty()) {
                    refuse(getTranslation("report.error.no-period"));
                    return;
                }
                periodCode = current.get().code();
            }
            List<ReportService.UnitChoice> units = reports.reportingUnits(periodCode);
            if (unitCode == null) {
                if (units.isEmpty()) {
                    refuse(getTranslation("report.error.no-reporting-unit"));
                    return;
                }
                unitCode = units.getFirst().code();
            }
            render(reports.report(periodCode, unitCode), units);
        } catch (RefusedException e) {
            refuse(ReportViews.message(this, e));
        }
    }

    private void refuse(String message) {
        problem.setText(message);
        problem.setVisible(true);
        content.add(new Anchor("reports", getTranslation("report.back-to-mine")));
    }

    private void render(ReportService.UnitReport r, List<ReportService.UnitChoice> units) {
        shown = r;
        H2 title = new H2(r.unit().name());
        title.addClassName("report-unit");
        period.setItems(reports.periods());
        period.setValue(r.period());
        unit.setItems(units);
        units.stream().filter(u -> u.code().equals(r.unit().code())).findFirst().ifPresent(unit::setValue);
        unit.setVisible(units.size() > 1);
        Div pickers = new Div(period, unit);
        pickers.addClassName("toolbar");
        content.add(title, pickers);

        status.setText(statusText(r));
        status.setClassName("overdue", r.overdue());
        content.add(status);

        H3 now = new H3(getTranslation("report.current-version"));
        Paragraph downloadsNote = new Paragraph(getTranslation("report.download.note"));
        downloadsNote.addClassName("report-note");
        String periodCode = r.period().code();
        String unitCode = r.unit().code();
        content.add(now, downloadsNote, ReportViews.downloads(this, "report-draft",
                f -> reports.draft(periodCode, unitCode, f)));
        submit.setEnabled(r.state() != ReportService.State.SUBMITTED);
        save.setEnabled(r.state() != ReportService.State.SUBMITTED);
        content.add(ReportViews.preview(ReportDocuments.unitReport(r.preview(), true)));

        Texts t = r.texts();
        activities.setValue(t.activities());
        results.setValue(t.results());
        difficulties.setValue(t.difficulties());
        proposals.setValue(t.proposals());
        signerTitle.setValue(t.signerTitle().replace("\n", " / "));
        signerName.setValue(t.signerName());
        Div form = new Div(new H3(getTranslation("report.text.title")), activities, results, difficulties, proposals,
                signerTitle, signerName);
        form.addClassName("report-form");
        Div actions = new Div(save, submit);
        actions.addClassName("report-actions");
        content.add(form, actions);
        content.add(versions(r));
    }

    private String statusText(ReportService.UnitReport r) {
        String due = LocalDates.format(this, r.period().unitsDueOn());
        return switch (r.state()) {
            case SUBMITTED -> getTranslation("report.status.submitted", r.versions().getFirst().versionNo(),
                    when(r.versions().getFirst()), due);
            case RETURNED -> getTranslation("report.status.returned", r.versions().getFirst().returned().reason(), due);
            case DRAFT -> r.overdue() ? getTranslation("report.status.overdue", due)
                    : getTranslation("report.status.draft", due,
                    ChronoUnit.DAYS.between(reports.today(), r.period().unitsDueOn()));
        };
    }

    private String when(Submission s) {
        return DateTimeFormatter.ofPattern(getTranslation("report.datetime.format")).withZone(ZoneId.systemDefault())
                .format(s.submittedAt());
    }

    private Component versions(ReportService.UnitReport r) {
        Div box = new Div(new H3(getTranslation("report.versions")));
        box.addClassName("report-versions");
        if (r.versions().isEmpty()) {
            box.add(new Paragraph(getTranslation("report.versions.none")));
            return box;
        }
        for (Submission s : r.versions()) {
            Div item = new Div();
            item.addClassName("report-version");
            Span head = new Span(getTranslation("report.version.line", s.versionNo(), when(s), s.submittedName(),
                    s.trained(), s.population()));
            item.add(head);
            if (s.late()) {
                Span late = new Span(getTranslation("report.version.late"));
                late.addClassName("report-late");
                item.add(late);
            }
            if (s.returned() != null) {
                Paragraph returned = new Paragraph(getTranslation("report.version.returned", s.returned().returnedName(),
                        DateTimeFormatter.ofPattern(getTranslation("report.datetime.format")).withZone(ZoneId.systemDefault())
                                .format(s.returned().returnedAt()), s.returned().reason()));
                returned.addClassName("report-returned");
                item.add(returned);
            }
            item.add(ReportViews.downloads(this, "report-version-" + s.versionNo(), f -> reports.submitted(s.id(), f)));
            if (admin && s.returned() == null && s == r.versions().getFirst()) {
                Button back = new Button(getTranslation("report.return"), e -> confirmReturn(s));
                back.addClassName("report-return");
                item.add(back);
            }
            box.add(item);
        }
        return box;
    }

    private Texts texts() {
        return new Texts(activities.getValue(), results.getValue(), difficulties.getValue(), proposals.getValue(),
                signerTitle.getValue().replace(" / ", "\n"), signerName.getValue());
    }

    void saveDraft() {
        try {
            reports.saveDraft(shown.period().code(), shown.unit().code(), texts());
            Notification.show(getTranslation("report.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(shown.period().code(), shown.unit().code());
        } catch (RefusedException e) {
            problem.setText(ReportViews.message(this, e));
            problem.setVisible(true);
        }
    }

    private void confirmSubmit() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("report.submit.confirm-title"));
        dialog.setText(getTranslation("report.submit.confirm-text", shown.unit().name(), shown.period().name()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("unit.dialog.cancel"));
        dialog.setConfirmText(getTranslation("report.submit"));
        dialog.addConfirmListener(e -> submitNow());
        dialog.open();
    }

    /** Saves the text, then freezes the report. */
    void submitNow() {
        try {
            reports.saveDraft(shown.period().code(), shown.unit().code(), texts());
            Submission s = reports.submit(shown.period().code(), shown.unit().code());
            Notification.show(getTranslation("report.submitted", s.versionNo())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(shown.period().code(), shown.unit().code());
        } catch (RefusedException e) {
            problem.setText(ReportViews.message(this, e));
            problem.setVisible(true);
        }
    }

    private void confirmReturn(Submission s) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle(getTranslation("report.return.title", shown.unit().name(), s.versionNo()));
        TextArea reason = new TextArea(getTranslation("report.return.reason"));
        reason.setMaxLength(2000);
        reason.setWidthFull();
        Paragraph error = new Paragraph();
        error.addClassName("form-problem");
        error.setVisible(false);
        Button ok = new Button(getTranslation("report.return"), e -> {
            try {
                returnNow(s.id(), reason.getValue());
                dialog.close();
            } catch (RefusedException ex) {
                error.setText(ReportViews.message(this, ex));
                error.setVisible(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(error, reason);
        dialog.getFooter().add(new Button(getTranslation("unit.dialog.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    void returnNow(long submissionId, String reason) {
        reports.returnReport(submissionId, reason);
        Notification.show(getTranslation("report.returned")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        show(shown.period().code(), shown.unit().code());
    }

    private void go(String periodCode, String unitCode) {
        getUI().ifPresent(ui -> ui.navigate("reports/" + periodCode + "/" + unitCode));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.title");
    }
}
