package vn.gbv.portal.pasttraining;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * /imports/completions: template download, upload, the preview (summary line, then one line per
 * row filtered by outcome, paged from the database), commit or discard, and the caller's past
 * batches with undo. The view keeps only the batch id: the preview is in the database, so a
 * reload or another node shows it again.
 */
@Route("imports/completions")
@RolesAllowed({Role.Names.ADMIN, Role.Names.UNIT_MANAGER})
class PastTrainingImportView extends Main implements HasDynamicTitle {

    static final List<RowOutcome> OUTCOMES = List.of(RowOutcome.NEW, RowOutcome.UNCHANGED, RowOutcome.ERROR);

    private final PastTrainingImports imports;
    final Upload upload;
    final Paragraph problem = new Paragraph();
    final Section preview = new Section();
    final Paragraph summary = new Paragraph();
    final Select<RowOutcome> outcome = new Select<>();
    final Grid<PreviewRow> rows = new Grid<>();
    final Button commit = new Button();
    final Button discard = new Button();
    final Paragraph done = new Paragraph();
    final Grid<ImportBatch> history = new Grid<>();
    private final GridLazyDataView<PreviewRow> rowData;
    private Long batchId;

    PastTrainingImportView(PastTrainingImports imports, UnitService units) {
        this.imports = imports;
        addClassNames("page", "past-training-import-view");
        String unitCode = units.roots().stream().findFirst().map(UnitService.UnitNode::code).orElse("MA-DON-VI");
        String courseCode = imports.exampleCourseCode();

        Anchor xlsx = new Anchor((DownloadHandler) event -> {
            event.setFileName("mau-nhap-tap-huan-da-hoan-thanh.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            PastTrainingTemplate.xlsx(unitCode, courseCode, event.getOutputStream());
        }, getTranslation("past-training.template.xlsx"));
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("mau-nhap-tap-huan-da-hoan-thanh.csv");
            event.setContentType("text/csv; charset=UTF-8");
            PastTrainingTemplate.csv(unitCode, courseCode, event.getOutputStream());
        }, getTranslation("past-training.template.csv"));
        Div templates = new Div(xlsx, csv);
        templates.addClassName("toolbar");

        upload = SpreadsheetUpload.create(this::read);
        upload.addClassName("past-training-upload");
        problem.addClassName("form-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);

        summary.addClassName("import-summary");
        outcome.setLabel(getTranslation("past-training.filter"));
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("past-training.filter.any"));
        outcome.setItems(OUTCOMES);
        outcome.setItemLabelGenerator(o -> o == null ? getTranslation("past-training.filter.any") : outcomeLabel(o));
        outcome.addValueChangeListener(e -> rowData().refreshAll());
        rows.addColumn(PreviewRow::rowNo).setHeader(getTranslation("past-training.column.row")).setAutoWidth(true)
                .setFlexGrow(0);
        rows.addColumn(r -> outcomeLabel(r.outcome())).setHeader(getTranslation("past-training.column.outcome"))
                .setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(this::line).setHeader(getTranslation("past-training.column.record")).setFlexGrow(3);
        rows.addColumn(this::messages).setHeader(getTranslation("past-training.column.details")).setFlexGrow(3);
        rows.setPartNameGenerator(r -> "outcome-" + r.outcome().name().toLowerCase());
        rows.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        rows.addClassName("import-rows");
        rowData = rows.setItems(
                q -> batchId == null ? java.util.stream.Stream.empty()
                        : imports.rows(batchId, outcomes(), q.getOffset(), q.getLimit()).stream(),
                q -> batchId == null ? 0 : imports.rowCount(batchId, outcomes()));

        commit.setText(getTranslation("past-training.commit"));
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClickListener(e -> commit());
        discard.setText(getTranslation("past-training.discard"));
        discard.addClickListener(e -> act(() -> {
            imports.discard(batchId);
            show(null);
            refreshHistory();
        }));
        Div actions = new Div(commit, discard);
        actions.addClassName("toolbar");
        preview.add(new H3(getTranslation("past-training.preview")), summary, outcome, rows, actions);
        preview.setVisible(false);
        done.addClassName("import-committed");
        done.setVisible(false);

        history.addColumn(ImportBatch::fileName).setHeader(getTranslation("past-training.history.file")).setFlexGrow(2);
        history.addColumn(b -> when(b)).setHeader(getTranslation("past-training.history.when")).setAutoWidth(true);
        history.addColumn(ImportBatch::uploadedBy).setHeader(getTranslation("past-training.history.by")).setAutoWidth(true);
        history.addColumn(b -> getTranslation("past-training.history.counts", b.counts().created(),
                b.counts().unchanged(), b.counts().errors())).setHeader(getTranslation("past-training.history.counts.header"));
        history.addColumn(b -> getTranslation(b.status().translationKey()))
                .setHeader(getTranslation("past-training.history.status")).setAutoWidth(true);
        history.addComponentColumn(this::undoButton).setAutoWidth(true).setFlexGrow(0);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addClassName("import-history");

        add(new H2(getTranslation("past-training.title")), new Paragraph(getTranslation("past-training.intro")),
                new Paragraph(getTranslation("past-training.rules")), templates, upload, problem, preview, done,
                new H3(getTranslation("past-training.history")), history);
        refreshHistory();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (batchId == null) {
            imports.openPreview().ifPresent(this::show);
        }
    }

    private GridLazyDataView<PreviewRow> rowData() {
        return rowData;
    }

    void read(String fileName, File file) {
        problem.setVisible(false);
        done.setVisible(false);
        try {
            show(imports.preview(file.toPath(), fileName));
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
        refreshHistory();
    }

    private void show(ImportBatch batch) {
        if (batch == null || batch.status() != BatchStatus.PREVIEW) {
            batchId = null;
            preview.setVisible(false);
            return;
        }
        batchId = batch.id();
        BatchCounts c = batch.counts();
        summary.setText(getTranslation("past-training.summary", batch.fileName(), c.created(), c.unchanged(),
                c.errors(), c.skipped()));
        commit.setEnabled(c.created() > 0);
        commit.setText(getTranslation("past-training.commit", c.created()));
        outcome.clear();
        rowData.refreshAll();
        preview.setVisible(true);
    }

    private void commit() {
        act(() -> {
            PastTrainingImports.CommitResult result = imports.commit(batchId);
            batchId = null;
            preview.setVisible(false);
            done.setText(getTranslation("past-training.committed", result.created()));
            done.setVisible(true);
            refreshHistory();
        });
    }

    private Button undoButton(ImportBatch batch) {
        Button undo = new Button(getTranslation("past-training.undo"));
        undo.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        undo.setVisible(batch.status() == BatchStatus.COMMITTED);
        undo.addClickListener(e -> act(() -> {
            int revoked = imports.undo(batch.id());
            done.setText(getTranslation("past-training.undone", revoked, batch.fileName()));
            done.setVisible(true);
            refreshHistory();
        }));
        return undo;
    }

    void refreshHistory() {
        history.setItems(imports.recent(20));
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (RefusedException refused) {
            Notification.show(getTranslation(refused.messageKey(), refused.args()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Set<RowOutcome> outcomes() {
        return outcome.isEmpty() ? EnumSet.copyOf(OUTCOMES) : EnumSet.of(outcome.getValue());
    }

    String outcomeLabel(RowOutcome o) {
        return getTranslation("past-training.outcome." + o.name());
    }

    String line(PreviewRow row) {
        if (row.payload() == null) {
            return "";
        }
        PastTrainingLine line = ImportJson.read(row.payload(), PastTrainingLine.class);
        StringBuilder text = new StringBuilder(line.person() == null ? "—" : line.person());
        if (line.birthYear() != null) {
            text.append(" (").append(line.birthYear()).append(')');
        }
        if (line.unit() != null) {
            text.append(", ").append(line.unit());
        }
        text.append(" · ").append(line.courseCode() == null ? "—" : line.courseCode());
        if (line.completedOn() != null) {
            text.append(" · ").append(LocalDates.format(this, line.completedOn()));
        }
        if (line.score() != null) {
            text.append(" · ").append(getTranslation("past-training.score", line.score()));
        }
        return text.toString();
    }

    String messages(PreviewRow row) {
        return row.messages().stream().map(this::message).collect(Collectors.joining(" · "));
    }

    private String message(RowMessage m) {
        return (m.column() == null ? "" : m.column() + ": ") + getTranslation(m.key(), m.args().toArray());
    }

    private String when(ImportBatch batch) {
        return DateTimeFormatter.ofPattern(getTranslation("unit.date.format") + " HH:mm")
                .format(batch.createdAt().atZone(ZoneId.systemDefault()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("past-training.title");
    }
}
