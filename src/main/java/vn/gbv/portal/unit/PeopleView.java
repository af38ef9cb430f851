package vn.gbv.portal.unit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.PersonDialog.Action;
import vn.gbv.portal.unit.PersonService.MembershipRecord;
import vn.gbv.portal.unit.PersonService.PersonDetails;
import vn.gbv.portal.unit.PersonService.PersonFilter;
import vn.gbv.portal.unit.PersonService.PersonRow;
import vn.gbv.portal.unit.UnitService.UnitNode;

/**
 * The staff list of a unit and of every unit below it, as of today, loaded a page at a time;
 * adding people, and for the selected person their details and membership history.
 */
@Route("people")
@RolesAllowed({Role.Names.ADMIN, Role.Names.UNIT_MANAGER})
class PeopleView extends Main implements HasDynamicTitle {

    private final ComboBox<UnitNode> unit;
    private final TextField name = new TextField();
    private final Select<StaffCategory> category = new Select<>();
    private final Select<Boolean> inTarget = new Select<>();
    private final Button add = new Button();
    private final Grid<PersonRow> grid = new Grid<>();
    private final Section detail = new Section();
    private final H3 detailName = new H3();
    private final Paragraph detailFacts = new Paragraph();
    private final Paragraph detailCurrent = new Paragraph();
    private final Button edit = new Button();
    private final Button change = new Button();
    private final Button leave = new Button();
    private final Grid<MembershipRecord> history = new Grid<>();

    private final PersonService people;
    private final UnitService units;
    private final GridLazyDataView<PersonRow> rows;
    private PersonDetails shown;

    PeopleView(PersonService people, UnitService units) {
        this.people = people;
        this.units = units;
        addClassNames("page", "people-view");

        unit = UnitPicker.create(units, getTranslation("people.filter.unit"));
        unit.addValueChangeListener(e -> refresh());
        name.setLabel(getTranslation("people.filter.name"));
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> refresh());
        category.setLabel(getTranslation("people.filter.category"));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("people.filter.any"));
        category.setItems(StaffCategory.values());
        category.setItemLabelGenerator(c -> getTranslation(c == null ? "people.filter.any" : c.translationKey()));
        category.addValueChangeListener(e -> refresh());
        inTarget.setLabel(getTranslation("people.filter.in-target"));
        inTarget.setEmptySelectionAllowed(true);
        inTarget.setEmptySelectionCaption(getTranslation("people.filter.any"));
        inTarget.setItems(true, false);
        inTarget.setItemLabelGenerator(v -> v == null ? getTranslation("people.filter.any")
                : getTranslation(v ? "people.filter.in-target.yes" : "people.filter.in-target.no"));
        inTarget.addValueChangeListener(e -> refresh());
        add.setText(getTranslation("people.action.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e ->
                new PersonDialog(Action.ADD, null, unit.getValue(), people, units, this::refresh).open());
        Div toolbar = new Div(unit, name, category, inTarget, add);
        toolbar.addClassName("toolbar");

        grid.addColumn(PersonRow::fullName).setKey("fullName").setHeader(getTranslation("people.column.name"))
                .setFlexGrow(3);
        Grid.Column<PersonRow> sex = grid.addColumn(r -> getTranslation(r.sex().translationKey())).setKey("sex")
                .setHeader(getTranslation("people.column.sex")).setAutoWidth(true).setFlexGrow(0);
        Grid.Column<PersonRow> born = grid.addColumn(r -> r.birthYear() == null ? "" : r.birthYear().toString())
                .setKey("birthYear").setHeader(getTranslation("people.column.birth-year"))
                .setAutoWidth(true).setFlexGrow(0);
        Grid.Column<PersonRow> nationalId = grid.addColumn(PersonRow::maskedNationalId).setKey("nationalId")
                .setHeader(getTranslation("people.column.national-id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation(r.category().translationKey())).setKey("category")
                .setHeader(getTranslation("people.column.category")).setAutoWidth(true).setFlexGrow(1);
        Grid.Column<PersonRow> unitName = grid.addColumn(PersonRow::unitName).setKey("unit")
                .setHeader(getTranslation("people.column.unit")).setFlexGrow(2);
        Grid.Column<PersonRow> position = grid.addColumn(PersonRow::position).setKey("position")
                .setHeader(getTranslation("people.column.position")).setFlexGrow(2);
        grid.addColumn(r -> getTranslation(r.inTarget() ? "people.yes" : "people.no")).setKey("inTarget")
                .setHeader(getTranslation("people.column.in-target")).setAutoWidth(true).setFlexGrow(0);
        Grid.Column<PersonRow> since = grid.addColumn(r -> DateFields.format(this, r.since())).setKey("since")
                .setHeader(getTranslation("people.column.since")).setAutoWidth(true).setFlexGrow(0);
        NarrowScreens.hideWhenNarrow(this, List.of(sex, born, nationalId, unitName, position, since));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("people.empty"));
        grid.addClassName("people-grid");
        rows = grid.setItems(
                query -> unit.isEmpty() ? Stream.empty()
                        : people.search(unit.getValue().id(), filter(), query.getOffset(), query.getLimit()).stream(),
                query -> unit.isEmpty() ? 0 : people.count(unit.getValue().id(), filter()));
        rows.setIdentifierProvider(PersonRow::personId);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue() == null ? null : e.getValue().personId()));

        add(toolbar, grid, detail());
        units.roots().stream().findFirst().ifPresent(unit::setValue);
    }

    private Section detail() {
        setUpAction(edit, "people.action.edit", VaadinIcon.EDIT, Action.EDIT);
        setUpAction(change, "people.action.change", VaadinIcon.EXCHANGE, Action.CHANGE);
        setUpAction(leave, "people.action.leave", VaadinIcon.SIGN_OUT, Action.LEAVE);
        Div actions = new Div(edit, change, leave);
        actions.addClassName("toolbar");
        history.addColumn(MembershipRecord::unitName).setHeader(getTranslation("people.column.unit")).setFlexGrow(2);
        history.addColumn(m -> getTranslation(m.category().translationKey()))
                .setHeader(getTranslation("people.column.category")).setAutoWidth(true);
        history.addColumn(MembershipRecord::position).setHeader(getTranslation("people.column.position"))
                .setFlexGrow(1);
        history.addColumn(m -> getTranslation(m.inTarget() ? "people.yes" : "people.no"))
                .setHeader(getTranslation("people.column.in-target")).setAutoWidth(true);
        history.addColumn(m -> DateFields.format(this, m.validFrom())).setHeader(getTranslation("people.column.from"))
                .setAutoWidth(true);
        history.addColumn(m -> DateFields.format(this, m.validTo())).setHeader(getTranslation("people.column.to"))
                .setAutoWidth(true);
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        detailCurrent.addClassName("muted");
        detail.add(detailName, detailFacts, detailCurrent, actions, new H4(getTranslation("people.history")), history);
        detail.addClassName("person-detail");
        detail.setVisible(false);
        return detail;
    }

    private void setUpAction(Button button, String key, VaadinIcon icon, Action action) {
        button.setText(getTranslation(key));
        button.setIcon(icon.create());
        button.addClickListener(e -> {
            UnitNode current = action == Action.CHANGE ? PersonDialog.currentUnit(shown, units) : null;
            new PersonDialog(action, shown, current, people, units, this::reshow).open();
        });
    }

    private PersonFilter filter() {
        return new PersonFilter(name.getValue(), category.getValue(), inTarget.getValue());
    }

    private void refresh() {
        grid.deselectAll();
        rows.refreshAll();
    }

    /** After a change to the shown person: reload them and the list, where they may have moved or left. */
    private void reshow() {
        long id = shown.id();
        rows.refreshAll();
        show(id);
    }

    private void show(Long personId) {
        if (personId == null) {
            shown = null;
            detail.setVisible(false);
            return;
        }
        shown = people.person(personId);
        var details = shown.details();
        detailName.setText(details.fullName());
        detailFacts.setText(Stream.of(getTranslation(details.sex().translationKey()),
                        details.birthYear() == null ? null
                                : getTranslation("people.born", details.birthYear().toString()),
                        details.phone(), details.email(),
                        details.nationalId() == null ? null
                                : getTranslation("people.national-id", PersonService.mask(details.nationalId())),
                        details.staffCode() == null ? null : getTranslation("people.staff-code", details.staffCode()))
                .filter(Objects::nonNull).collect(Collectors.joining(" · ")));
        detailCurrent.setText(shown.current()
                .map(m -> getTranslation("people.current", getTranslation(m.category().translationKey()), m.unitName(),
                        DateFields.format(this, m.validFrom())))
                .orElseGet(() -> getTranslation("people.left")));
        boolean current = shown.current().isPresent();
        change.setEnabled(current);
        leave.setEnabled(current);
        history.setItems(shown.memberships());
        detail.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.title");
    }
}
