package vn.gbv.portal.unit;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.time.LocalDate;
import vn.gbv.portal.unit.UnitService.NewUnit;
import vn.gbv.portal.unit.UnitService.UnitNode;

/** One administrator's change to the tree: add, rename, move, close or merge a unit, from a date. */
class UnitChangeDialog extends FormDialog {

    enum Action { ADD, RENAME, MOVE, CLOSE, MERGE }

    /** The parent (add, move) or the successor (merge). */
    final ComboBox<UnitNode> other;
    final TextField code = new TextField();
    final TextField name = new TextField();
    final Select<UnitType> type = new Select<>();
    final DatePicker date;

    private final Action action;
    private final UnitNode unit;
    private final UnitService units;
    private final Binder<Form> binder = new Binder<>();
    private final Form bean = new Form();

    /** What the dialog collects; each action uses some of it. */
    private static final class Form {
        UnitNode other;
        String code;
        String name;
        UnitType type;
        LocalDate date;
    }

    /** For ADD, unit is the suggested parent (or null); for the other actions, the unit changed. */
    UnitChangeDialog(Action action, UnitNode unit, UnitService units, Runnable onSaved) {
        super(onSaved);
        this.action = action;
        this.unit = unit;
        this.units = units;
        String key = "unit." + action.name().toLowerCase();
        setHeaderTitle(action == Action.ADD ? getTranslation(key + ".title")
                : getTranslation(key + ".title", unit.name()));
        other = UnitPicker.create(units, "");
        date = DateFields.picker(this, key + ".date");
        bean.date = date.getValue();
        binder.forField(date).asRequired(getTranslation("unit.error.date-required"))
                .bind(f -> f.date, (f, v) -> f.date = v);

        switch (action) {
            case ADD -> {
                other.setLabel(getTranslation("unit.add.other"));
                other.setHelperText(getTranslation("unit.add.other-helper"));
                bean.other = unit;
                binder.forField(other).bind(f -> f.other, (f, v) -> f.other = v);
                code.setLabel(getTranslation("unit.field.code"));
                code.setHelperText(getTranslation("unit.field.code-helper"));
                code.setMaxLength(40);
                binder.forField(code).asRequired(getTranslation("unit.error.code-required"))
                        .withValidator(v -> UnitService.CODE.matcher(v.strip()).matches(),
                                getTranslation("unit.error.code-format"))
                        .bind(f -> f.code, (f, v) -> f.code = v);
                bindName("unit.field.name");
                type.setLabel(getTranslation("unit.field.type"));
                type.setItems(UnitType.values());
                type.setItemLabelGenerator(t -> getTranslation(t.translationKey()));
                binder.forField(type).asRequired(getTranslation("unit.error.type-required"))
                        .bind(f -> f.type, (f, v) -> f.type = v);
                form.add(other, code, name, type, date);
            }
            case RENAME -> {
                bindName("unit.rename.name");
                bean.name = unit.name();
                form.add(name, date);
            }
            case MOVE, MERGE -> {
                other.setLabel(getTranslation(key + ".other"));
                binder.forField(other).asRequired(getTranslation(key + ".other-required"))
                        .bind(f -> f.other, (f, v) -> f.other = v);
                if (action == Action.MERGE) {
                    add(explanation(key));
                }
                form.add(other, date);
            }
            case CLOSE -> {
                add(explanation(key));
                form.add(date);
            }
        }
        binder.setBean(bean);
    }

    private void bindName(String labelKey) {
        name.setLabel(getTranslation(labelKey));
        name.setMaxLength(255);
        binder.forField(name).asRequired(getTranslation("unit.error.name-required"))
                .bind(f -> f.name, (f, v) -> f.name = v);
    }

    @Override
    boolean writeIfValid() {
        return binder.validate().isOk();
    }

    @Override
    void apply() {
        switch (action) {
            case ADD -> units.addUnit(new NewUnit(bean.other == null ? null : bean.other.id(), bean.code, bean.name,
                    bean.type, bean.date));
            case RENAME -> units.rename(unit.id(), bean.name, bean.date);
            case MOVE -> units.move(unit.id(), bean.other.id(), bean.date);
            case CLOSE -> units.close(unit.id(), bean.date);
            case MERGE -> units.merge(unit.id(), bean.other.id(), bean.date);
        }
    }

    @Override
    HasValidation fieldNamed(String field) {
        return switch (field) {
            case "code" -> code;
            case "name" -> name;
            case "type" -> type;
            case "date" -> date;
            case "other" -> other;
            default -> null;
        };
    }
}
