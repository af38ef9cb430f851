package vn.gbv.portal.unit;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import java.time.LocalDate;
import vn.gbv.portal.unit.PersonService.MembershipRecord;
import vn.gbv.portal.unit.PersonService.MembershipTerms;
import vn.gbv.portal.unit.PersonService.PersonDetails;
import vn.gbv.portal.unit.PersonService.PersonalDetails;
import vn.gbv.portal.unit.UnitService.UnitNode;

/**
 * Adds a person to the staff list, edits their details, changes their membership (transfer,
 * category, position, target flag) from a date, or records that they left.
 */
public class PersonDialog extends FormDialog {

    public enum Action { ADD, EDIT, CHANGE, LEAVE }

    final TextField fullName = new TextField();
    final RadioButtonGroup<Sex> sex = new RadioButtonGroup<>();
    final IntegerField birthYear = new IntegerField();
    final TextField phone = new TextField();
    final TextField email = new TextField();
    final TextField nationalId = new TextField();
    final TextField staffCode = new TextField();
    final ComboBox<UnitNode> unit;
    final Select<StaffCategory> category = new Select<>();
    final TextField position = new TextField();
    final Checkbox inTarget = new Checkbox();
    final DatePicker date;

    private final Action action;
    private final PersonDetails person;
    private final PersonService people;
    private final Binder<Form> binder = new Binder<>();
    private final Form bean = new Form();

    private static final class Form {
        String fullName;
        Sex sex;
        Integer birthYear;
        String phone;
        String email;
        String nationalId;
        String staffCode;
        UnitNode unit;
        StaffCategory category;
        String position;
        boolean inTarget;
        LocalDate date;
    }

    /**
     * For ADD, person is null and unit the suggested unit; for CHANGE, unit is the person's
     * current unit; EDIT and LEAVE need no unit.
     */
    public PersonDialog(Action action, PersonDetails person, UnitNode unit, PersonService people, UnitService units,
                 Runnable onSaved) {
        super(onSaved);
        this.action = action;
        this.person = person;
        this.people = people;
        String key = "people." + action.name().toLowerCase();
        setHeaderTitle(person == null ? getTranslation(key + ".title")
                : getTranslation(key + ".title", person.details().fullName()));
        this.unit = UnitPicker.create(units, getTranslation("people.field.unit"));
        date = DateFields.picker(this, key + ".date");
        bean.date = date.getValue();
        bean.unit = unit;
        if (person != null) {
            fill(person);
        }

        switch (action) {
            case ADD -> {
                bindDetails();
                bindTerms();
                bindDate();
                form.add(fullName, sex, birthYear, phone, email, nationalId, staffCode, this.unit, category, position,
                        inTarget, date);
            }
            case EDIT -> {
                bindDetails();
                form.add(fullName, sex, birthYear, phone, email, nationalId, staffCode);
            }
            case CHANGE -> {
                bindTerms();
                bindDate();
                add(explanation(key));
                form.add(this.unit, category, position, inTarget, date);
            }
            case LEAVE -> {
                bindDate();
                add(explanation(key));
                form.add(date);
            }
        }
        binder.setBean(bean);
    }

    private void fill(PersonDetails person) {
        PersonalDetails details = person.details();
        bean.fullName = details.fullName();
        bean.sex = details.sex();
        bean.birthYear = details.birthYear();
        bean.phone = details.phone();
        bean.email = details.email();
        bean.nationalId = details.nationalId();
        bean.staffCode = details.staffCode();
        person.current().ifPresent(current -> {
            bean.category = current.category();
            bean.position = current.position();
            bean.inTarget = current.inTarget();
        });
    }

    private void bindDetails() {
        fullName.setLabel(getTranslation("people.field.full-name"));
        fullName.setMaxLength(200);
        binder.forField(fullName).asRequired(getTranslation("people.error.name-required"))
                .bind(f -> f.fullName, (f, v) -> f.fullName = v);
        sex.setLabel(getTranslation("people.field.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        binder.forField(sex).asRequired(getTranslation("people.error.sex-required"))
                .bind(f -> f.sex, (f, v) -> f.sex = v);
        birthYear.setLabel(getTranslation("people.field.birth-year"));
        birthYear.setHelperText(getTranslation("people.field.birth-year-helper",
                PersonService.BIRTH_YEAR_MIN, PersonService.BIRTH_YEAR_MAX));
        String birthYearError = getTranslation("people.error.birth-year",
                PersonService.BIRTH_YEAR_MIN, PersonService.BIRTH_YEAR_MAX);
        birthYear.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(birthYearError));
        binder.forField(birthYear)
                .withValidator(y -> y == null
                                || (y >= PersonService.BIRTH_YEAR_MIN && y <= PersonService.BIRTH_YEAR_MAX),
                        birthYearError)
                .bind(f -> f.birthYear, (f, v) -> f.birthYear = v);
        phone.setLabel(getTranslation("people.field.phone"));
        phone.setMaxLength(30);
        binder.forField(phone)
                .withValidator(v -> v.isBlank() || PersonService.PHONE.matcher(v.strip()).matches(),
                        getTranslation("people.error.phone"))
                .bind(f -> f.phone, (f, v) -> f.phone = v);
        email.setLabel(getTranslation("people.field.email"));
        email.setMaxLength(200);
        binder.forField(email).withValidator(new EmailValidator(getTranslation("people.error.email"), true))
                .bind(f -> f.email, (f, v) -> f.email = v);
        nationalId.setLabel(getTranslation("people.field.national-id"));
        nationalId.setHelperText(getTranslation("people.field.national-id-helper"));
        nationalId.setMaxLength(20);
        nationalId.setAllowedCharPattern("[0-9 ]");
        binder.forField(nationalId)
                .withValidator(v -> v.isBlank() || PersonService.NATIONAL_ID.matcher(v.replaceAll("\\s", "")).matches(),
                        getTranslation("people.error.national-id-format"))
                .bind(f -> f.nationalId, (f, v) -> f.nationalId = v);
        staffCode.setLabel(getTranslation("people.field.staff-code"));
        staffCode.setHelperText(getTranslation("people.field.staff-code-helper"));
        staffCode.setMaxLength(PersonService.STAFF_CODE_MAX);
        binder.forField(staffCode).bind(f -> f.staffCode, (f, v) -> f.staffCode = v);
    }

    private void bindTerms() {
        binder.forField(unit).asRequired(getTranslation("people.error.unit-required"))
                .bind(f -> f.unit, (f, v) -> f.unit = v);
        category.setLabel(getTranslation("people.field.category"));
        category.setItems(StaffCategory.values());
        category.setItemLabelGenerator(c -> c == null ? "" : getTranslation(c.translationKey()));
        binder.forField(category).asRequired(getTranslation("people.error.category-required"))
                .bind(f -> f.category, (f, v) -> f.category = v);
        position.setLabel(getTranslation("people.field.position"));
        position.setMaxLength(200);
        binder.forField(position).bind(f -> f.position, (f, v) -> f.position = v);
        inTarget.setLabel(getTranslation("people.field.in-target"));
        binder.forField(inTarget).bind(f -> f.inTarget, (f, v) -> f.inTarget = v);
    }

    private void bindDate() {
        binder.forField(date).asRequired(getTranslation("people.error.date-required"))
                .bind(f -> f.date, (f, v) -> f.date = v);
    }

    @Override
    boolean writeIfValid() {
        return binder.validate().isOk();
    }

    @Override
    void apply() {
        PersonalDetails details = new PersonalDetails(bean.fullName, bean.sex, bean.birthYear, bean.phone, bean.email,
                bean.nationalId, bean.staffCode);
        switch (action) {
            case ADD -> people.create(details, terms(), bean.date);
            case EDIT -> people.updateDetails(person.id(), person.version(), details);
            case CHANGE -> people.changeMembership(person.id(), terms(), bean.date);
            case LEAVE -> people.endMembership(person.id(), bean.date);
        }
    }

    private MembershipTerms terms() {
        return new MembershipTerms(bean.unit.id(), bean.category, bean.position, bean.inTarget);
    }

    @Override
    HasValidation fieldNamed(String field) {
        return switch (field) {
            case "fullName" -> fullName;
            case "sex" -> sex;
            case "birthYear" -> birthYear;
            case "phone" -> phone;
            case "email" -> email;
            case "nationalId" -> nationalId;
            case "staffCode" -> staffCode;
            case "unit" -> unit;
            case "category" -> category;
            case "position" -> position;
            case "date" -> date;
            default -> null;
        };
    }

    /** The current membership's unit, for the CHANGE action's unit field. */
    public static UnitNode currentUnit(PersonDetails person, UnitService units) {
        return person.current().map(MembershipRecord::unitId).map(units::unit).orElse(null);
    }
}
