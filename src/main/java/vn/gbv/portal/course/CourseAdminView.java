package vn.gbv.portal.course;

import vn.gbv.portal.base.RefusedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import vn.gbv.portal.course.CourseAdminService.CourseRow;
import vn.gbv.portal.course.CourseAdminService.ImportRun;
import vn.gbv.portal.course.ImportReport.CourseResult;
import vn.gbv.portal.course.ImportReport.Outcome;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;

/**
 * Trainers and administrators see the published courses, their current versions and what the
 * last import found wrong in the courses folder; administrators can import again.
 */
@Route("course-admin")
@RolesAllowed({Role.Names.ADMIN, Role.Names.TRAINER})
class CourseAdminView extends Main implements HasDynamicTitle {

    private final CourseAdminService courses;
    private final CourseImportService importService;
    private final ZoneId zone;
    private final Grid<CourseRow> courseGrid = new Grid<>();
    private final Grid<CourseAdminService.ImportRow> problemGrid = new Grid<>();
    private final Paragraph lastRun = new Paragraph();

    CourseAdminView(CourseAdminService courses, CourseImportService importService, CurrentUser currentUser,
                    Clock clock) {
        this.courses = courses;
        this.importService = importService;
        this.zone = clock.getZone();
        addClassNames("page", "course-admin-view");

        if (currentUser.require().isAdmin()) {
            Button reimport = new Button(getTranslation("course.admin.import"), VaadinIcon.REFRESH.create());
            reimport.setId("reimport");
            reimport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            reimport.setDisableOnClick(true);
            reimport.addClickListener(e -> runImport(reimport));
            Div toolbar = new Div(reimport);
            toolbar.addClassName("toolbar");
            add(toolbar);
        }

        add(new H2(getTranslation("course.admin.courses")));
        configureCourseGrid();
        add(courseGrid);

        add(new H2(getTranslation("course.admin.last-run")));
        configureProblemGrid();
        lastRun.setId("last-import");
        add(lastRun, problemGrid);
        showLastRun();
    }

    private void configureCourseGrid() {
        courseGrid.setId("courses");
        courseGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        courseGrid.addColumn(CourseRow::title).setHeader(getTranslation("course.admin.column.title"))
                .setWidth("13rem").setFlexGrow(2).setFrozen(true);
        courseGrid.addColumn(CourseRow::code).setHeader(getTranslation("course.admin.column.code")).setAutoWidth(true);
        courseGrid.addColumn(row -> getTranslation("course.topic." + row.topic()))
                .setHeader(getTranslation("course.admin.column.topic")).setWidth("9rem");
        courseGrid.addColumn(this::groupName).setHeader(getTranslation("course.admin.column.group")).setWidth("12rem");
        courseGrid.addColumn(this::version).setHeader(getTranslation("course.admin.column.version")).setAutoWidth(true);
        courseGrid.addColumn(row -> dateTime(row.publishedAt()))
                .setHeader(getTranslation("course.admin.column.published")).setAutoWidth(true);
        courseGrid.addColumn(CourseRow::lessonCount).setHeader(getTranslation("course.admin.column.lessons"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        courseGrid.addColumn(CourseRow::questionCount).setHeader(getTranslation("course.admin.column.questions"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        courseGrid.addColumn(this::owner).setHeader(getTranslation("authoring.admin.column.owner")).setWidth("12rem");
        courseGrid.setEmptyStateText(getTranslation("course.admin.no-courses"));
        courseGrid.setAllRowsVisible(true);
        courseGrid.setItems(query -> courses.courses(query.getOffset(), query.getLimit()).stream(),
                query -> courses.courseCount());
    }

    /** One column, where above what: readable on a phone without scrolling sideways. */
    private void configureProblemGrid() {
        problemGrid.setId("import-problems");
        problemGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        problemGrid.addColumn(LitRenderer.<CourseAdminService.ImportRow>of("""
                        <div class="problem-where">${item.kind}${item.where}</div><div>${item.message}</div>""")
                        .withProperty("kind", row -> "ERROR".equals(row.kind()) ? ""
                                : getTranslation("authoring.admin.kind." + row.kind().toLowerCase()) + " · ")
                        .withProperty("where", row -> where(row.problem()))
                        .withProperty("message", row -> row.problem().message()))
                .setHeader(getTranslation("course.admin.column.problem"));
        problemGrid.setAllRowsVisible(true);
    }

    private String where(CourseProblem problem) {
        if (problem.file() == null) {
            return problem.folder();
        }
        return problem.line() == null
                ? getTranslation("course.admin.problem.file", problem.folder(), problem.file())
                : getTranslation("course.admin.problem.line", problem.folder(), problem.file(),
                        String.valueOf(problem.line()));
    }

    private void showLastRun() {
        Optional<ImportRun> run = courses.lastRun();
        if (run.isEmpty()) {
            lastRun.setText(getTranslation("course.admin.last-run.none"));
            problemGrid.setVisible(false);
            return;
        }
        ImportRun last = run.get();
        String startedBy = CourseImportOnStart.STARTED_BY.equals(last.startedBy())
                ? getTranslation("course.admin.last-run.system") : last.startedBy();
        String problems = last.problemCount() == 0
                ? getTranslation("course.admin.last-run.no-problems")
                : getTranslation("course.admin.last-run.problems", last.problemCount());
        lastRun.setText(getTranslation("course.admin.last-run.text", dateTime(last.finishedAt()), startedBy) + " "
                + problems);
        problemGrid.setVisible(last.rowCount() > 0);
        problemGrid.setItems(query -> courses.problems(last.id(), query.getOffset(), query.getLimit()).stream(),
                query -> last.rowCount());
    }

    private void runImport(Button reimport) {
        try {
            ImportReport report = importService.importNow();
            courseGrid.getDataProvider().refreshAll();
            showLastRun();
            showReport(report);
        } catch (RefusedException e) {
            Notification notification = Notification.show(getTranslation(e.messageKey(), e.args()), 8000,
                    Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        } finally {
            reimport.setEnabled(true);
        }
    }

    private void showReport(ImportReport report) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("course.import.report.title"));
        dialog.addClassName("import-report");
        dialog.add(new Paragraph(getTranslation("course.import.report.summary", report.count(Outcome.IMPORTED),
                report.count(Outcome.UNCHANGED), report.count(Outcome.FAILED))));
        UnorderedList results = new UnorderedList();
        report.courses().forEach(result -> results.add(new ListItem(resultText(result))));
        dialog.add(results);
        Button close = new Button(getTranslation("course.import.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
    }

    private String resultText(CourseResult result) {
        String name = result.code() == null ? result.folder() : result.code();
        return switch (result.outcome()) {
            case IMPORTED -> getTranslation("course.import.result.imported", name, result.versionNo());
            case UNCHANGED -> getTranslation("course.import.result.unchanged", name, result.versionNo());
            case FAILED -> getTranslation("course.import.result.failed", name, result.problems().size());
            case SKIPPED -> getTranslation("authoring.import.result.skipped", name);
        };
    }

    private String groupName(CourseRow row) {
        if (row.groupNamesVi() == null) {
            return getTranslation("course.admin.no-group");
        }
        return "en".equals(getLocale().getLanguage()) ? row.groupNamesEn() : row.groupNamesVi();
    }

    private String owner(CourseRow row) {
        if (!row.portalOwned()) {
            return getTranslation("authoring.owner.folder");
        }
        return row.takenOverBy() == null ? getTranslation("authoring.owner.portal")
                : getTranslation("authoring.owner.taken-over", row.takenOverBy());
    }

    private String version(CourseRow row) {
        return row.label() == null
                ? getTranslation("course.admin.version", row.versionNo())
                : getTranslation("course.admin.version-label", row.versionNo(), row.label());
    }

    private String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale()).withZone(zone)
                .format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("course.admin.title");
    }
}
