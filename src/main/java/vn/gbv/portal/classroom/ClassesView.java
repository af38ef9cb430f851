package vn.gbv.portal.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import vn.gbv.portal.classroom.ClassService.ClassSummary;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.security.Role;

/** The classes the caller runs: upcoming and open first, then the closed ones. */
@Route("classes")
@RolesAllowed({Role.Names.TRAINER, Role.Names.UNIT_MANAGER, Role.Names.ADMIN})
@StyleSheet("styles/classes.css")
class ClassesView extends Main implements HasDynamicTitle {

    final Grid<ClassSummary> grid = new Grid<>();
    final Button create = new Button();
    final Paragraph empty = new Paragraph();

    ClassesView(ClassService classes) {
        addClassNames("page", "classes-view");
        create.setText(getTranslation("classes.new"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate("classes/new")));
        Div toolbar = new Div(new H2(getTranslation("classes.title")), create);
        toolbar.addClassName("classes-toolbar");

        grid.addComponentColumn(c -> {
            Span title = new Span(c.title());
            title.addClassName("class-title");
            Span what = new Span(c.courseTitle() + " · " + c.unitName());
            what.addClassName("class-sub");
            Div cell = new Div(title, what);
            cell.addClassName("class-cell");
            return cell;
        }).setHeader(getTranslation("classes.column.class")).setFlexGrow(4);
        grid.addColumn(c -> c.firstDay() == null ? "" : LocalDates.format(this, c.firstDay())
                + (c.lastDay() != null && !c.lastDay().equals(c.firstDay()) ? " – " + LocalDates.format(this, c.lastDay()) : ""))
                .setHeader(getTranslation("classes.column.dates")).setFlexGrow(2);
        grid.addColumn(c -> getTranslation("classes.places", c.enrolled(), c.capacity())
                + (c.waiting() > 0 ? " " + getTranslation("classes.waiting-count", c.waiting()) : ""))
                .setHeader(getTranslation("classes.column.enrolled")).setFlexGrow(2);
        grid.addColumn(c -> getTranslation("classes.status." + c.status().name().toLowerCase()))
                .setHeader(getTranslation("classes.column.status"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("classes/" + e.getItem().id())));
        grid.setAllRowsVisible(true);
        List<ClassSummary> mine = classes.myClasses();
        grid.setItems(mine);
        empty.setText(getTranslation("classes.none"));
        empty.setVisible(mine.isEmpty());
        add(toolbar, empty, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classes.title");
    }
}
