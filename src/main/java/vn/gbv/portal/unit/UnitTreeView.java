package vn.gbv.portal.unit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitChangeDialog.Action;
import vn.gbv.portal.unit.UnitService.UnitNode;

/**
 * The unit tree, loaded a level at a time. Administrators change it (add, rename, move, close,
 * merge); a unit manager sees their own units and those below them, read-only.
 */
@Route("units")
@RolesAllowed({Role.Names.ADMIN, Role.Names.UNIT_MANAGER})
class UnitTreeView extends Main implements HasDynamicTitle {

    private final TreeGrid<UnitNode> tree = new TreeGrid<>();
    private final Button add = new Button();
    private final Button rename = new Button();
    private final Button move = new Button();
    private final Button close = new Button();
    private final Button merge = new Button();

    private final UnitService units;

    UnitTreeView(UnitService units, CurrentUser currentUser) {
        this.units = units;
        addClassNames("page", "units-view");

        tree.setDataProvider(new UnitTreeDataProvider(units));
        tree.addHierarchyColumn(UnitNode::name).setKey("name").setHeader(getTranslation("unit.column.name"))
                .setFlexGrow(3);
        Grid.Column<UnitNode> code = tree.addColumn(UnitNode::code).setKey("code")
                .setHeader(getTranslation("unit.column.code")).setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(u -> getTranslation(u.type().translationKey())).setKey("type")
                .setHeader(getTranslation("unit.column.type")).setAutoWidth(true).setFlexGrow(1);
        Grid.Column<UnitNode> validFrom = tree.addColumn(u -> DateFields.format(this, u.validFrom()))
                .setKey("validFrom").setHeader(getTranslation("unit.column.valid-from")).setAutoWidth(true)
                .setFlexGrow(0);
        tree.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        tree.setEmptyStateText(getTranslation("unit.empty"));
        tree.addClassName("unit-tree");
        NarrowScreens.hideWhenNarrow(this, List.of(code, validFrom));

        if (currentUser.require().isAdmin()) {
            add(toolbar());
            contextMenu();
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("unit.read-only"));
            readOnly.addClassName("muted");
            add(readOnly);
        }
        add(tree);
        // The top of the scope opens unfolded: the city's departments and wards, or the manager's own units
        tree.expand(units.roots());
    }

    private Div toolbar() {
        setUp(add, "unit.action.add", VaadinIcon.PLUS, () -> open(Action.ADD, selected()));
        setUp(rename, "unit.action.rename", VaadinIcon.EDIT, () -> open(Action.RENAME, selected()));
        setUp(move, "unit.action.move", VaadinIcon.ARROWS, () -> open(Action.MOVE, selected()));
        setUp(close, "unit.action.close", VaadinIcon.CLOSE_CIRCLE, () -> open(Action.CLOSE, selected()));
        setUp(merge, "unit.action.merge", VaadinIcon.COMPRESS, () -> open(Action.MERGE, selected()));
        enableActions(null);
        tree.asSingleSelect().addValueChangeListener(e -> enableActions(e.getValue()));
        Div toolbar = new Div(add, rename, move, close, merge);
        toolbar.addClassName("toolbar");
        return toolbar;
    }

    private void setUp(Button button, String key, VaadinIcon icon, Runnable action) {
        button.setText(getTranslation(key));
        button.setIcon(icon.create());
        button.addClickListener(e -> action.run());
    }

    private void contextMenu() {
        GridContextMenu<UnitNode> menu = tree.addContextMenu();
        menu.setDynamicContentHandler(unit -> {
            if (unit != null) {
                tree.select(unit);
            }
            return unit != null;
        });
        for (Action action : Action.values()) {
            menu.addItem(getTranslation("unit.action." + action.name().toLowerCase()),
                    e -> e.getItem().ifPresent(unit -> open(action, unit)));
        }
    }

    private void enableActions(UnitNode unit) {
        boolean chosen = unit != null;
        rename.setEnabled(chosen);
        move.setEnabled(chosen);
        close.setEnabled(chosen);
        merge.setEnabled(chosen);
    }

    private UnitNode selected() {
        return tree.asSingleSelect().getValue();
    }

    private void open(Action action, UnitNode unit) {
        new UnitChangeDialog(action, unit, units, () -> {
            tree.deselectAll();
            tree.getDataProvider().refreshAll();
        }).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unit.title");
    }
}
