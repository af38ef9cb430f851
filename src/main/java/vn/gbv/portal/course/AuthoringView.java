package vn.gbv.portal.course;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.AuthoringQueries.AuthoringRow;
import vn.gbv.portal.security.Role;

/**
 * Trainers' list of courses to write: every published course (from its folder or from the
 * portal) and every draft; a new course starts here.
 */
@Route("authoring")
@RolesAllowed({Role.Names.TRAINER, Role.Names.ADMIN})
@StyleSheet("styles/authoring.css")
class AuthoringView extends Main implements HasDynamicTitle {

    private final AuthoringService authoring;
    private final ZoneId zone;
    final Grid<AuthoringRow> grid = new Grid<>();

    AuthoringView(AuthoringService authoring, Clock clock) {
        this.authoring = authoring;
        this.zone = clock.getZone();
        addClassNames("page", "authoring-view");

        Button create = new Button(getTranslation("authoring.new"), VaadinIcon.PLUS.create());
        create.setId("new-course");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());
        Div toolbar = new Div(create);
        toolbar.addClassName("toolbar");
        add(new H2(getTranslation("authoring.title")), new Paragraph(getTranslation("authoring.intro")), toolbar);

        grid.setId("authoring-courses");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(row -> row.title() == null ? row.code() : row.title())
                .setHeader(getTranslation("authoring.column.title")).setFlexGrow(3).setWidth("14rem");
        grid.addColumn(AuthoringRow::code).setHeader(getTranslation("authoring.column.code")).setAutoWidth(true);
        grid.addColumn(this::owner).setHeader(getTranslation("authoring.column.owner")).setWidth("11rem");
        grid.addColumn(this::state).setHeader(getTranslation("authoring.column.state")).setWidth("13rem");
        grid.addComponentColumn(this::actions).setHeader(getTranslation("authoring.column.actions"))
                .setWidth("20rem").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.setItems(authoring.courses());
        add(grid);
    }

    private String owner(AuthoringRow row) {
        if (!row.portalOwned()) {
            return getTranslation("authoring.owner.folder");
        }
        return row.takenOverBy() == null ? getTranslation("authoring.owner.portal")
                : getTranslation("authoring.owner.taken-over", row.takenOverBy());
    }

    private String state(AuthoringRow row) {
        String version = row.versionNo() == null ? getTranslation("authoring.state.unpublished")
                : getTranslation("authoring.state.version", row.versionNo(), dateTime(row.publishedAt()));
        if (row.draftId() == null) {
            return version;
        }
        return version + " · " + getTranslation("authoring.state.draft", row.draftUpdatedBy(),
                dateTime(row.draftUpdatedAt()));
    }

    private FlexLayout actions(AuthoringRow row) {
        FlexLayout actions = new FlexLayout();
        actions.addClassName("authoring-actions");
        boolean editable = row.portalOwned();
        Button open = new Button(getTranslation(editable ? "authoring.action.edit" : "authoring.action.view"),
                e -> UI.getCurrent().navigate(CourseEditorView.class, row.code()));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        open.setId("open-" + row.code());
        actions.add(open);
        if (row.versionNo() != null) {
            Anchor export = new Anchor(download(row.code()), getTranslation("authoring.action.export"));
            export.getElement().setAttribute("download", true);
            export.addClassName("authoring-link");
            Button results = new Button(getTranslation("authoring.action.results"),
                    e -> UI.getCurrent().navigate(CourseResultsView.class, row.code()));
            results.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button versions = new Button(getTranslation("authoring.action.versions"),
                    e -> UI.getCurrent().navigate(CourseVersionsView.class, row.code()));
            versions.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(results, versions, export);
        }
        return actions;
    }

    private DownloadHandler download(String code) {
        return event -> {
            event.setFileName(code + ".zip");
            event.setContentType("application/zip");
            event.getOutputStream().write(authoring.export(code, null));
        };
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("authoring.new"));
        TextField code = new TextField(getTranslation("authoring.new.code"));
        code.setId("new-code");
        code.setHelperText(getTranslation("authoring.new.code-help"));
        code.setWidthFull();
        TextField title = new TextField(getTranslation("authoring.new.title"));
        title.setId("new-title");
        title.setWidthFull();
        dialog.add(code, title);
        Button create = new Button(getTranslation("authoring.new.create"), e -> {
            try {
                authoring.createCourse(code.getValue(), title.getValue());
                dialog.close();
                UI.getCurrent().navigate(CourseEditorView.class, code.getValue().strip());
            } catch (RefusedException refused) {
                String message = getTranslation(refused.messageKey(), refused.args());
                TextField field = refused.field().filter("title"::equals).isPresent() ? title : code;
                field.setInvalid(true);
                field.setErrorMessage(message);
            }
        });
        create.setId("create-course");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("authoring.cancel"), e -> dialog.close()), create);
        dialog.open();
    }

    static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(zone).format(instant);
    }

    static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("muted");
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("authoring.title");
    }
}
