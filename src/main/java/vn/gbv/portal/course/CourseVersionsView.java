package vn.gbv.portal.course;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.AuthoringQueries.VersionRow;
import vn.gbv.portal.security.Role;

/**
 * A course's versions: who published what and when, and what changed in lesson text and
 * questions between two of them, line by line (added lines green with "+", removed red with "-").
 */
@Route("authoring/versions")
@RolesAllowed({Role.Names.TRAINER, Role.Names.ADMIN})
@StyleSheet("styles/authoring.css")
class CourseVersionsView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final AuthoringService authoring;
    private final ZoneId zone;
    private String code;
    final Grid<VersionRow> grid = new Grid<>();
    final Select<Integer> from = new Select<>();
    final Select<Integer> to = new Select<>();
    final Div diff = new Div();

    CourseVersionsView(AuthoringService authoring, Clock clock) {
        this.authoring = authoring;
        this.zone = clock.getZone();
        addClassNames("page", "authoring-versions");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        code = parameter;
        removeAll();
        List<VersionRow> versions = authoring.versions(code);
        Button back = new Button(getTranslation("authoring.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate(AuthoringView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, new H2(getTranslation("authoring.versions.title", code)));
        if (versions.isEmpty()) {
            add(new Paragraph(getTranslation("authoring.error.no-course", code)));
            return;
        }
        grid.setId("versions");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(v -> v.label() == null ? String.valueOf(v.versionNo()) : v.versionNo() + " (" + v.label() + ")")
                .setHeader(getTranslation("authoring.versions.version")).setAutoWidth(true);
        grid.addColumn(VersionRow::title).setHeader(getTranslation("authoring.column.title")).setFlexGrow(2);
        grid.addColumn(v -> getTranslation("authoring.source." + v.source().toLowerCase()))
                .setHeader(getTranslation("authoring.versions.source")).setAutoWidth(true);
        grid.addColumn(v -> v.publishedBy() == null ? "" : v.publishedBy())
                .setHeader(getTranslation("authoring.versions.by")).setAutoWidth(true);
        grid.addColumn(v -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(zone).format(v.publishedAt())).setHeader(getTranslation("authoring.versions.at"))
                .setAutoWidth(true);
        grid.setItems(versions);
        grid.setAllRowsVisible(true);
        add(grid);

        List<Integer> numbers = versions.stream().map(VersionRow::versionNo).toList();
        from.setLabel(getTranslation("authoring.versions.from"));
        to.setLabel(getTranslation("authoring.versions.to"));
        from.setId("diff-from");
        to.setId("diff-to");
        from.setItems(numbers);
        to.setItems(numbers);
        to.setValue(numbers.getFirst());
        from.setValue(numbers.size() > 1 ? numbers.get(1) : numbers.getFirst());
        from.addValueChangeListener(e -> showDiff());
        to.addValueChangeListener(e -> showDiff());
        Div pickers = new Div(from, to);
        pickers.addClassName("toolbar");
        diff.setId("diff");
        add(new H3(getTranslation("authoring.versions.diff")), pickers, diff);
        showDiff();
    }

    void showDiff() {
        diff.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        try {
            List<AuthoringService.Difference> differences = authoring.diff(code, from.getValue(), to.getValue());
            if (differences.isEmpty()) {
                diff.add(new Paragraph(getTranslation("authoring.versions.same")));
                return;
            }
            for (AuthoringService.Difference d : differences) {
                Div block = new Div();
                block.addClassName("diff-block");
                block.add(new Span(getTranslation(d.question() ? "authoring.versions.question" : "authoring.versions.lesson",
                        d.place())));
                Pre pre = new Pre();
                pre.addClassName("diff-lines");
                for (LineDiff.Line line : d.lines()) {
                    Span s = new Span(line.marked() + "\n");
                    s.addClassName("diff-" + line.kind().name().toLowerCase());
                    pre.add(s);
                }
                block.add(pre);
                diff.add(block);
            }
        } catch (RefusedException e) {
            diff.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("authoring.versions.title", code == null ? "" : code);
    }
}
