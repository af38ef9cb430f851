package vn.gbv.portal.roster;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.imports.BatchCounts;
import vn.gbv.portal.imports.BatchStatus;
import vn.gbv.portal.imports.ImportBatch;
import vn.gbv.portal.imports.ImportJson;
import vn.gbv.portal.imports.PreviewRow;
import vn.gbv.portal.imports.RowMessage;
import vn.gbv.portal.imports.RowOutcome;
import vn.gbv.portal.imports.SpreadsheetUpload;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * /rosters/import: template download, upload, the preview (summary line and one line per row,
 * paged from the database), commit (optionally marking the missing as left), discard, undo, and
 * learner accounts for the people a commit created. The view keeps only the batch id: the preview
 * is in the database, so a reload or another node shows it again.
 */
@Route("rosters/import")
@RolesAllowed({Role.Names.ADMIN, Role.Names.UNIT_MANAGER})
class RosterImportView extends Main implements HasDynamicTitle {

    private final RosterImports imports;
    private final LearnerAccounts accounts;
    final DatePicker effectiveOn;
    final Upload upload;
    final Paragraph problem = new Paragraph();
    final Section preview = new Section();
    final Paragraph summary = new Paragraph();
    final Select<RowOutcome> outcome = new Select<>();
    final Grid<PreviewRow> rows = new Grid<>();
    final Paragraph missing = new Paragraph();
    final Checkbox leaveMissing = new Checkbox();
    final DatePicker leaveOn;
    final Button commit = new Button();
    final Button discard = new Button();
    final Section done = new Section();
    final Grid<ImportBatch> recent = new Grid<>();
    private final GridLazyDataView<PreviewRow> rowData;
    private Long batchId;

    RosterImportView(RosterImports imports, LearnerAccounts accounts, UnitService units) {
        this.imports = imports;
        this.accounts = accounts;
        addClassNames("page", "roster-import-view");
        String unitCode = units.roots().stream().findFirst().map(UnitService.UnitNode::code).orElse("MA-DON-VI");

        Anchor xlsx = new Anchor((DownloadHandler) event -> {
            event.setFileName("mau-danh-sach-can-bo.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            RosterTemplate.xlsx(unitCode, event.getOutputStream());
        }, getTranslation("roster.import.template.xlsx"));
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("mau-danh-sach-can-bo.csv");
            event.setContentType("text/csv; charset=UTF-8");
            RosterTemplate.csv(unitCode, event.getOutputStream());
        }, getTranslation("roster.import.template.csv"));
        Div templates = new Div(xlsx, csv);
        templates.addClassName("toolbar");

        effectiveOn = LocalDates.picker(this, "roster.import.effective-on");
        effectiveOn.setMax(LocalDate.now());
        effectiveOn.setValue(LocalDate.now());
        effectiveOn.setHelperText(getTranslation("roster.import.effective-on.helper"));

        upload = SpreadsheetUpload.create(this::read);
        upload.addClassName("roster-upload");
        problem.addClassName("form-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);

        summary.addClassName("import-summary");
        outcome.setLabel(getTranslation("roster.import.filter"));
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("people.filter.any"));
        outcome.setItems(RowOutcome.NEW, RowOutcome.UPDATE, RowOutcome.UNCHANGED, RowOutcome.ERROR);
        outcome.setItemLabelGenerator(o -> o == null ? getTranslation("people.filter.any")
                : getTranslation("roster.import.outcome." + o.name()));
        outcome.addValueChangeListener(e -> rowsRefresh());
        rows.addColumn(PreviewRow::rowNo).setHeader(getTranslation("roster.import.column.row")).setAutoWidth(true)
                .setFlexGrow(0);
        rows.addColumn(r -> getTranslation("roster.import.outcome." + r.outcome().name()))
                .setHeader(getTranslation("roster.import.column.outcome")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(this::person).setHeader(getTranslation("roster.import.column.person")).setFlexGrow(2);
        rows.addColumn(this::messages).setHeader(getTranslation("roster.import.column.details")).setFlexGrow(4);
        rows.setPartNameGenerator(r -> "outcome-" + r.outcome().name().toLowerCase());
        rows.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        rows.addClassName("import-rows");
        rowData = rows.setItems(
                q -> batchId == null ? java.util.stream.Stream.empty()
                        : imports.rows(batchId, outcomes(), q.getOffset(), q.getLimit()).stream(),
                q -> batchId == null ? 0 : imports.rowCount(batchId, outcomes()));

        leaveOn = LocalDates.picker(this, "roster.import.leave-on");
        leaveOn.setMax(LocalDate.now());
        leaveOn.setValue(LocalDate.now());
        leaveMissing.setLabel(getTranslation("roster.import.leave-missing"));
        commit.setText(getTranslation("roster.import.commit"));
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClickListener(e -> commit());
        discard.setText(getTranslation("roster.import.discard"));
        discard.addClickListener(e -> act(() -> {
            imports.discard(batchId);
            show(null);
            showRecent();
        }));
        Div actions = new Div(leaveMissing, leaveOn, commit, discard);
        actions.addClassName("toolbar");
        preview.add(new H3(getTranslation("roster.import.preview")), summary, outcome, rows, missing, actions);
        preview.setVisible(false);
        done.setVisible(false);

        recent.addColumn(b -> LocalDates.format(this, b.createdAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate()))
                .setHeader(getTranslation("roster.import.recent.date")).setAutoWidth(true).setFlexGrow(0);
        recent.addColumn(ImportBatch::fileName).setHeader(getTranslation("roster.import.recent.file")).setFlexGrow(2);
        recent.addColumn(ImportBatch::uploadedBy).setHeader(getTranslation("roster.import.recent.by")).setAutoWidth(true);
        recent.addColumn(b -> getTranslation(b.status().translationKey()))
                .setHeader(getTranslation("roster.import.recent.status")).setAutoWidth(true);
        recent.addColumn(b -> getTranslation("roster.import.recent.counts", b.counts().created(), b.counts().updated(),
                b.counts().errors())).setHeader(getTranslation("roster.import.recent.counts-header")).setFlexGrow(1);
        recent.addComponentColumn(b -> {
            Button undo = new Button(getTranslation("roster.import.undo"), e -> act(() -> {
                imports.undo(b.id());
                Notification.show(getTranslation("roster.import.undone"), 4000, Notification.Position.BOTTOM_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                showRecent();
            }));
            undo.addThemeVariants(ButtonVariant.LUMO_SMALL);
            undo.setVisible(b.status() == BatchStatus.COMMITTED);
            return undo;
        }).setAutoWidth(true).setFlexGrow(0);
        recent.setAllRowsVisible(true);
        recent.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        recent.addClassName("import-recent");

        add(new Paragraph(getTranslation("roster.import.intro")),
                templates, effectiveOn, upload, problem, preview, done,
                new H3(getTranslation("roster.import.recent")), recent,
                new Anchor("people", getTranslation("roster.import.back")));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (batchId == null) {
            imports.openPreview().ifPresent(this::show);
        }
        showRecent();
    }

    private void showRecent() {
        recent.setItems(imports.recent(10));
    }

    private void read(String fileName, File file) {
        problem.setVisible(false);
        try {
            show(imports.preview(file.toPath(), fileName, effectiveOn.getValue()));
            showRecent();
        } catch (RefusedException refused) {
            problem.setText(getTranslation(refused.messageKey(), refused.args()));
            problem.setVisible(true);
        } finally {
            upload.clearFileList();
            try {
                Files.deleteIfExists(file.toPath());
            } catch (java.io.IOException ignored) {
                // a temporary file; the JVM's temp directory is cleaned by the system
            }
        }
    }

    private void show(ImportBatch batch) {
        done.setVisible(false);
        if (batch == null || batch.status() != BatchStatus.PREVIEW) {
            batchId = null;
            preview.setVisible(false);
            return;
        }
        batchId = batch.id();
        BatchCounts c = batch.counts();
        summary.setText(getTranslation("roster.import.summary", batch.fileName(), c.created(), c.updated(),
                c.unchanged(), c.errors(), c.skipped()));
        int absent = imports.missing(batch.id()).size();
        missing.setText(getTranslation("roster.import.missing", absent));
        leaveMissing.setEnabled(absent > 0);
        leaveMissing.setValue(false);
        commit.setEnabled(c.created() + c.updated() > 0);
        outcome.clear();
        rowsRefresh();
        preview.setVisible(true);
    }

    private void commit() {
        act(() -> {
            long id = batchId;
            RosterImports.CommitResult result = imports.commit(id, leaveMissing.getValue() ? leaveOn.getValue() : null);
            batchId = null;
            preview.setVisible(false);
            done(id, result);
            showRecent();
        });
    }

    private void done(long id, RosterImports.CommitResult result) {
        done.removeAll();
        Paragraph text = new Paragraph(getTranslation("roster.import.committed", result.created(), result.updated(),
                result.left()));
        text.addClassName("import-committed");
        Button undo = new Button(getTranslation("roster.import.undo"), e -> act(() -> {
            imports.undo(id);
            done.removeAll();
            done.add(new Paragraph(getTranslation("roster.import.undone")));
            showRecent();
        }));
        Button learners = new Button(getTranslation("roster.accounts.create"), e -> act(() -> {
            LearnerAccounts.Issued issued = accounts.createFor(id);
            new LearnerAccountsDialog(issued).open();
        }));
        learners.setEnabled(result.created() > 0);
        Div actions = new Div(learners, undo);
        actions.addClassName("toolbar");
        done.add(text, actions);
        done.setVisible(true);
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (RefusedException refused) {
            Notification.show(getTranslation(refused.messageKey(), refused.args()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Set<RowOutcome> outcomes() {
        return outcome.isEmpty() ? EnumSet.allOf(RowOutcome.class) : EnumSet.of(outcome.getValue());
    }

    private void rowsRefresh() {
        rowData.refreshAll();
    }

    private String person(PreviewRow row) {
        if (row.payload() == null) {
            return "";
        }
        RosterLine line = ImportJson.read(row.payload(), RosterLine.class);
        return line.fullName() + (line.birthYear() == null ? "" : " (" + line.birthYear() + ")") + " · " + line.unitCode();
    }

    private String messages(PreviewRow row) {
        List<RowMessage> messages = row.messages();
        return messages.stream().map(m -> (m.column() == null ? "" : m.column() + ": ")
                + getTranslation(m.key(), m.args().toArray())).collect(Collectors.joining(" · "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("roster.import.title");
    }
}
