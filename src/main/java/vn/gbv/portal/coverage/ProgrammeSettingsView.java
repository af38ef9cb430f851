package vn.gbv.portal.coverage;

import vn.gbv.portal.i18n.LocalDates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.StaffCategory;
import vn.gbv.portal.unit.UnitType;

/** Administrators keep the programme settings: a change is a new rule from a date. */
@Route("coverage/settings")
@RolesAllowed(Role.Names.ADMIN)
class ProgrammeSettingsView extends Main implements HasDynamicTitle {

    private final ProgrammeSettingsService settings;
    final TextField name = new TextField();
    final DatePicker from;
    final DatePicker windowFrom;
    final DatePicker windowTo;
    final BigDecimalField target = new BigDecimalField();
    final Map<Integer, BigDecimalField> milestones = new LinkedHashMap<>();
    final CheckboxGroup<ProgrammeSettings.Group> groups = new CheckboxGroup<>();
    final CheckboxGroup<StaffCategory> categories = new CheckboxGroup<>();
    final CheckboxGroup<UnitType> unitTypes = new CheckboxGroup<>();
    final Button save = new Button();
    final Paragraph problem = new Paragraph();
    final Grid<ProgrammeSettings> history = new Grid<>();
    private final Div milestoneFields = new Div();

    ProgrammeSettingsView(ProgrammeSettingsService settings) {
        this.settings = settings;
        addClassNames("page", "coverage-settings");
        from = LocalDates.picker(this, "coverage.settings.from");
        windowFrom = LocalDates.picker(this, "coverage.settings.window-from");
        windowTo = LocalDates.picker(this, "coverage.settings.window-to");
        name.setLabel(getTranslation("coverage.settings.name"));
        name.setWidthFull();
        target.setLabel(getTranslation("coverage.settings.target"));
        target.setSuffixComponent(new Div("%"));
        groups.setLabel(getTranslation("coverage.settings.groups"));
        groups.setItemLabelGenerator(g -> g.name(getLocale()));
        groups.setItems(settings.groups());
        categories.setLabel(getTranslation("coverage.settings.categories"));
        categories.setItems(StaffCategory.values());
        categories.setItemLabelGenerator(c -> getTranslation(c.translationKey()));
        unitTypes.setLabel(getTranslation("coverage.settings.unit-types"));
        unitTypes.setItems(UnitType.values());
        unitTypes.setItemLabelGenerator(t -> getTranslation(t.translationKey()));
        milestoneFields.addClassName("toolbar");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        save.setText(getTranslation("coverage.settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        windowFrom.addValueChangeListener(e -> milestoneYears());
        windowTo.addValueChangeListener(e -> milestoneYears());

        history.addColumn(s -> LocalDates.format(this, s.validFrom())).setHeader(getTranslation("coverage.settings.valid-from"));
        history.addColumn(s -> s.validTo() == null ? getTranslation("coverage.settings.in-force") : LocalDates.format(this, s.validTo()))
                .setHeader(getTranslation("coverage.settings.valid-to"));
        history.addColumn(ProgrammeSettings::name).setHeader(getTranslation("coverage.settings.name")).setFlexGrow(2);
        history.addColumn(s -> s.targetPercent().stripTrailingZeros().toPlainString() + "%").setHeader(getTranslation("coverage.settings.target"));
        history.addColumn(s -> s.milestones().entrySet().stream().map(m -> m.getKey() + ": " + m.getValue().stripTrailingZeros().toPlainString() + "%")
                .collect(Collectors.joining(", "))).setHeader(getTranslation("coverage.settings.milestones")).setFlexGrow(2);
        history.setAllRowsVisible(true);

        Div windowRow = new Div(windowFrom, windowTo, target);
        windowRow.addClassName("toolbar");
        add(new Paragraph(getTranslation("coverage.settings.intro")), name, windowRow,
                new H3(getTranslation("coverage.settings.milestones")), milestoneFields, groups, categories, unitTypes,
                new Div(from), problem, save, new H3(getTranslation("coverage.settings.history")), history);
        load();
    }

    private void load() {
        LocalDate today = LocalDate.now();
        List<ProgrammeSettings> all = settings.history();
        history.setItems(all);
        ProgrammeSettings current = settings.inForce(today).orElse(all.isEmpty() ? null : all.getFirst());
        if (current == null) {
            return;
        }
        name.setValue(current.name());
        windowFrom.setValue(current.windowFrom());
        windowTo.setValue(current.windowTo());
        target.setValue(current.targetPercent());
        milestoneYears();
        current.milestones().forEach((year, percent) -> {
            if (milestones.containsKey(year)) {
                milestones.get(year).setValue(percent);
            }
        });
        groups.setValue(groups.getListDataView().getItems().filter(g -> current.requiredGroups().contains(g.code()))
                .collect(Collectors.toSet()));
        categories.setValue(Arrays.stream(StaffCategory.values()).filter(c -> current.categories().contains(c.name()))
                .collect(Collectors.toSet()));
        unitTypes.setValue(Arrays.stream(UnitType.values()).filter(t -> current.unitTypes().contains(t.name()))
                .collect(Collectors.toSet()));
        from.setValue(today.plusDays(1));
    }

    private void milestoneYears() {
        if (windowFrom.getValue() == null || windowTo.getValue() == null || windowTo.getValue().isBefore(windowFrom.getValue())) {
            return;
        }
        Map<Integer, BigDecimal> kept = new TreeMap<>();
        milestones.forEach((y, f) -> kept.put(y, f.getValue()));
        milestones.clear();
        milestoneFields.removeAll();
        for (int year : ProgrammeSettingsService.years(windowFrom.getValue(), windowTo.getValue())) {
            BigDecimalField field = new BigDecimalField(getTranslation("coverage.settings.milestone-year", String.valueOf(year)));
            field.setSuffixComponent(new Div("%"));
            field.setWidth("7rem");
            field.setValue(kept.get(year));
            milestones.put(year, field);
            milestoneFields.add(field);
        }
    }

    private void save() {
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        milestones.forEach((year, field) -> {
            if (field.getValue() != null) {
                byYear.put(year, field.getValue());
            }
        });
        try {
            settings.change(new ProgrammeSettings.Change(name.getValue(), from.getValue(), windowFrom.getValue(),
                    windowTo.getValue(), target.getValue(), byYear,
                    groups.getValue().stream().map(ProgrammeSettings.Group::code).collect(Collectors.toSet()),
                    categories.getValue().stream().map(Enum::name).collect(Collectors.toSet()),
                    unitTypes.getValue().stream().map(Enum::name).collect(Collectors.toSet())));
            problem.setVisible(false);
            Notification.show(getTranslation("coverage.settings.saved", LocalDates.format(this, from.getValue())))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            load();
        } catch (RefusedException e) {
            Object[] args = Arrays.stream(e.args()).map(a -> a instanceof LocalDate d ? LocalDates.format(this, d) : a).toArray();
            problem.setText(getTranslation(e.messageKey(), args));
            problem.setVisible(true);
        }
    }

    Set<Integer> milestoneYearsShown() {
        return milestones.keySet();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("coverage.settings.title");
    }
}
