package vn.gbv.portal.roster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.roster.RosterService.RosterFilter;
import vn.gbv.portal.roster.RosterService.RosterRow;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.DateFields;
import vn.gbv.portal.unit.NarrowScreens;
import vn.gbv.portal.unit.PersonDialog;
import vn.gbv.portal.unit.PersonDialog.Action;
import vn.gbv.portal.unit.PersonService;
import vn.gbv.portal.unit.PersonService.MembershipRecord;
import vn.gbv.portal.unit.PersonService.PersonDetails;
import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitPicker;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitService.UnitNode;

/**
 * The roster (issue 17, item 1): the staff of a unit and of every unit below it as of today,
 * loaded a page at a time and filtered by name, category, sex, target population and trained or
 * not; adding people, and for the selected person their details and membership history with edit,
 * transfer or change (with a date), leaving (with a date). The target-population flag is "does
 * social work" (PRODUCT.md). Above the list, the unit's attestation for the current reporting
 * period, and the import.
 */
@Route("people")
@RouteAlias("rosters")
@RolesAllowed({Role.Names.ADMIN, Role.Names.UNIT_MANAGER})
public class RosterView extends Main implements HasDynamicTitle {

    private final ComboBox<UnitNode> unit;
    private final TextField name = new TextField();
    private final Select<StaffCategory> category = new Select<>();
    private final Select<Sex> sex = new Select<>();
    private final Select<Boolean> inTarget = new Select<>();
    private final Select<Boolean> trained = new Select<>();
    private final Button add = new Button();
    private final Grid<RosterRow> grid = new Grid<>();
    private final Section detail = new Section();
    private final H3 detailName = new H3();
    private final Paragraph detailFacts = new Paragraph();
    private final Paragraph detailCurrent = new Paragraph();
    private final Button edit = new Button();
    private final Button change = new Button();
    private final Button leave = new Button();
    private final Grid<MembershipRecord> history = new Grid<>();
    final Section attestation = new Section();

    private final PersonService people;
    private final RosterService roster;
    private final RosterAttestations attestations;
    private final UnitService units;
    private final GridLazyDataView<RosterRow> rows;
    private PersonDetails shown;

    RosterView(PersonService people, RosterService roster, RosterAttestations attestations, UnitService units) {
        this.people = people;
        this.roster = roster;
        this.attestations = attestations;
        this.units = units;
        addClassNames("page", "people-view");

        unit = UnitPicker.create(units, getTranslation("people.filter.unit"));
        unit.addValueChangeListener(e -> {
            refresh();
            showAttestation();
        });
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
        sex.setLabel(getTranslation("people.filter.sex"));
        sex.setEmptySelectionAllowed(true);
        sex.setEmptySelectionCaption(getTranslation("people.filter.any"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> getTranslation(s == null ? "people.filter.any" : s.translationKey()));
        sex.addValueChangeListener(e -> refresh());
        setUpYesNo(inTarget, "people.filter.in-target", "people.filter.in-target.yes", "people.filter.in-target.no");
        setUpYesNo(trained, "roster.filter.trained", "roster.filter.trained.yes", "roster.filter.trained.no");
        add.setText(getTranslation("people.action.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e ->
                new PersonDialog(Action.ADD, null, unit.getValue(), people, units, this::refresh).open());
        Anchor importLink = new Anchor("rosters/import", getTranslation("roster.import.link"));
        importLink.addClassName("roster-import-link");
        Div toolbar = new Div(unit, name, category, sex, inTarget, trained, add, importLink);
        toolbar.addClassName("toolbar");

        grid.addColumn(RosterRow::fullName).setKey("fullName").setHeader(getTranslation("people.column.name"))
                .setFlexGrow(3);
        Grid.Column<RosterRow> sexColumn = grid.addColumn(r -> getTranslation(r.sex().translationKey())).setKey("sex")
                .setHeader(getTranslation("people.column.sex")).setAutoWidth(true).setFlexGrow(0);
        Grid.Column<RosterRow> born = grid.addColumn(r -> r.birthYear() == null ? "" : r.birthYear().toString())
                .setKey("birthYear").setHeader(getTranslation("people.column.birth-year"))
                .setAutoWidth(true).setFlexGrow(0);
        Grid.Column<RosterRow> nationalId = grid.addColumn(r -> r.nationalIdLast4() == null ? null
                        : PersonService.mask("00000000" + r.nationalIdLast4())).setKey("nationalId")
                .setHeader(getTranslation("people.column.national-id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation(r.category().translationKey())).setKey("category")
                .setHeader(getTranslation("people.column.category")).setAutoWidth(true).setFlexGrow(1);
        Grid.Column<RosterRow> unitName = grid.addColumn(RosterRow::unitName).setKey("unit")
                .setHeader(getTranslation("people.column.unit")).setFlexGrow(2);
        Grid.Column<RosterRow> position = grid.addColumn(RosterRow::position).setKey("position")
                .setHeader(getTranslation("people.column.position")).setFlexGrow(2);
        grid.addColumn(r -> getTranslation(r.inTarget() ? "people.yes" : "people.no")).setKey("inTarget")
                .setHeader(getTranslation("people.column.in-target")).setAutoWidth(true).setFlexGrow(0);
        Grid.Column<RosterRow> trainedColumn = grid.addColumn(r -> getTranslation(r.trained() ? "people.yes" : "people.no"))
                .setKey("trained").setHeader(getTranslation("roster.column.trained")).setAutoWidth(true).setFlexGrow(0);
        Grid.Column<RosterRow> since = grid.addColumn(r -> DateFields.format(this, r.since())).setKey("since")
                .setHeader(getTranslation("people.column.since")).setAutoWidth(true).setFlexGrow(0);
        NarrowScreens.hideWhenNarrow(this, List.of(sexColumn, born, nationalId, unitName, position, trainedColumn, since));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("people.empty"));
        grid.addClassName("people-grid");
        rows = grid.setItems(
                query -> unit.isEmpty() ? Stream.empty()
                        : roster.search(unit.getValue().id(), filter(), query.getOffset(), query.getLimit()).stream(),
                query -> unit.isEmpty() ? 0 : roster.count(unit.getValue().id(), filter()));
        rows.setIdentifierProvider(RosterRow::personId);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue() == null ? null : e.getValue().personId()));

        attestation.addClassName("roster-attestation");
        add(attestation, toolbar, grid, detail());
        units.roots().stream().findFirst().ifPresent(unit::setValue);
    }

    private void setUpYesNo(Select<Boolean> select, String label, String yes, String no) {
        select.setLabel(getTranslation(label));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("people.filter.any"));
        select.setItems(true, false);
        select.setItemLabelGenerator(v -> v == null ? getTranslation("people.filter.any") : getTranslation(v ? yes : no));
        select.addValueChangeListener(e -> refresh());
    }

    /** Who attested this unit's roster for the current period, and whether it changed since; the button to attest. */
    private void showAttestation() {
        attestation.removeAll();
        if (unit.isEmpty()) {
            return;
        }
        long unitId = unit.getValue().id();
        attestations.currentPeriod().ifPresentOrElse(period -> {
            Paragraph state = new Paragraph();
            state.addClassName("attestation-state");
            attestations.latest(unitId, period.id()).ifPresentOrElse(a -> {
                String when = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(a.attestedAt().atZone(ZoneId.systemDefault()));
                state.setText(getTranslation("roster.attest.done", period.name(), a.attestedName(), when,
                        LocalDates.format(this, a.asOf()), a.population()));
                attestation.add(state);
                if (a.note() != null) {
                    Paragraph note = new Paragraph(getTranslation("roster.attest.note.shown", a.note()));
                    note.addClassName("attestation-note");
                    attestation.add(note);
                }
                if (a.changedSince()) {
                    Paragraph changed = new Paragraph(getTranslation("roster.attest.changed"));
                    changed.addClassName("attestation-changed");
                    attestation.add(changed);
                }
            }, () -> {
                state.setText(getTranslation("roster.attest.none", period.name()));
                attestation.add(state);
            });
            DatePicker asOf = LocalDates.picker(this, "roster.attest.as-of");
            LocalDate today = LocalDate.now();
            asOf.setMin(period.startsOn());
            asOf.setMax(today.isBefore(period.endsOn()) ? today : period.endsOn());
            asOf.setValue(asOf.getMax());
            TextField note = new TextField(getTranslation("roster.attest.note"));
            note.setMaxLength(RosterAttestations.NOTE_MAX);
            note.addClassName("attest-note");
            Button attest = new Button(getTranslation("roster.attest.action"), e -> {
                try {
                    attestations.attest(unitId, asOf.getValue(), note.getValue());
                    Notification.show(getTranslation("roster.attest.saved"), 3000, Notification.Position.BOTTOM_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    showAttestation();
                } catch (RefusedException refused) {
                    if (refused.field().filter("note"::equals).isPresent()) {
                        note.setErrorMessage(getTranslation(refused.messageKey(), refused.args()));
                        note.setInvalid(true);
                    } else {
                        asOf.setErrorMessage(getTranslation(refused.messageKey(), refused.args()));
                        asOf.setInvalid(true);
                    }
                }
            });
            attest.addClassName("attest-button");
            Div form = new Div(asOf, note, attest);
            form.addClassName("toolbar");
            attestation.add(form);
        }, () -> attestation.add(new Paragraph(getTranslation("roster.attest.no-period"))));
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

    private RosterFilter filter() {
        return new RosterFilter(name.getValue(), category.getValue(), sex.getValue(), inTarget.getValue(),
                trained.getValue());
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
        showAttestation();
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
