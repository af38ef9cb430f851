package vn.gbv.portal.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.AccountService;
import vn.gbv.portal.security.AccountService.AccountRow;
import vn.gbv.portal.security.AccountService.IssuedPassword;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.PersonService;
import vn.gbv.portal.unit.PersonService.PersonRow;
import vn.gbv.portal.unit.UnitService;
import vn.gbv.portal.unit.UnitService.UnitNode;

/** Administrators create accounts, bind managers to units, disable accounts and reset passwords. */
@Route("admin/accounts")
@RolesAllowed(Role.Names.ADMIN)
class AccountsView extends Main implements HasDynamicTitle {

    private final AccountService accounts;
    private final UnitService units;
    private final PersonService people;
    final TextField filter = new TextField();
    final Grid<AccountRow> grid = new Grid<>();
    final Button create = new Button();

    AccountsView(AccountService accounts, UnitService units, PersonService people) {
        this.accounts = accounts;
        this.units = units;
        this.people = people;
        addClassNames("page", "accounts-view");

        filter.setLabel(getTranslation("account.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        create.setText(getTranslation("account.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openEditor(null));
        Div toolbar = new Div(filter, create);
        toolbar.addClassName("toolbar");

        grid.addColumn(AccountRow::username).setHeader(getTranslation("account.username")).setAutoWidth(true);
        grid.addColumn(AccountRow::displayName).setHeader(getTranslation("account.display-name")).setFlexGrow(1);
        grid.addColumn(a -> a.roles().stream().sorted().map(r -> getTranslation(r.translationKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("account.roles")).setFlexGrow(1);
        grid.addColumn(this::state).setHeader(getTranslation("account.state")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("account.actions")).setAutoWidth(true);
        grid.setItems(query -> accounts.search(filter.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.setHeight("70vh");
        add(toolbar, grid);
    }

    private String state(AccountRow a) {
        if (!a.enabled()) {
            return getTranslation("account.state.disabled");
        }
        if (a.locked()) {
            return getTranslation("account.state.locked");
        }
        return getTranslation(a.mustChangePassword() ? "account.state.must-change" : "account.state.active");
    }

    private Div actions(AccountRow a) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> openEditor(a));
        edit.setAriaLabel(getTranslation("account.edit-roles"));
        edit.setTooltipText(getTranslation("account.edit-roles"));
        Button reset = new Button(VaadinIcon.KEY.create(), e -> showPassword(accounts.resetPassword(a.id())));
        reset.setAriaLabel(getTranslation("account.reset-password"));
        reset.setTooltipText(getTranslation("account.reset-password"));
        Button toggle = new Button(a.enabled() ? VaadinIcon.BAN.create() : VaadinIcon.CHECK.create(), e -> {
            try {
                accounts.setEnabled(a.id(), !a.enabled());
                grid.getDataProvider().refreshAll();
            } catch (RefusedException ex) {
                error(ex);
            }
        });
        String toggleLabel = getTranslation(a.enabled() ? "account.disable" : "account.enable");
        toggle.setAriaLabel(toggleLabel);
        toggle.setTooltipText(toggleLabel);
        for (Button b : new Button[] {edit, reset, toggle}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        }
        return new Div(edit, reset, toggle);
    }

    private void openEditor(AccountRow existing) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "account.create" : "account.edit-roles"));
        TextField username = new TextField(getTranslation("account.username"));
        TextField displayName = new TextField(getTranslation("account.display-name"));
        ComboBox<PersonRow> person = new ComboBox<>(getTranslation("account.person"));
        person.setHelperText(getTranslation("account.person-help"));
        person.setItemLabelGenerator(p -> p.fullName() + " — " + p.unitName());
        long root = units.roots().stream().findFirst().map(UnitNode::id).orElse(0L);
        person.setItems(query -> people.search(root, new PersonService.PersonFilter(query.getFilter().orElse(""), null, null),
                query.getOffset(), query.getLimit()).stream());
        person.addValueChangeListener(e -> {
            if (e.getValue() != null && displayName.isEmpty()) {
                displayName.setValue(e.getValue().fullName());
            }
        });
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("account.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation(r.translationKey()));
        MultiSelectComboBox<UnitNode> scope = new MultiSelectComboBox<>(getTranslation("account.units"));
        scope.setItemLabelGenerator(UnitNode::name);
        scope.setItems(query -> units.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        scope.setHelperText(getTranslation("account.units-help"));
        roles.addValueChangeListener(e -> scope.setVisible(e.getValue().contains(Role.UNIT_MANAGER)));
        scope.setVisible(false);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (existing == null) {
            form.add(username, person, displayName);
        } else {
            form.add(new Paragraph(existing.username() + " — " + existing.displayName()));
            roles.setValue(existing.roles());
            scope.setValue(existing.managedUnitIds().stream().map(units::unit).collect(Collectors.toSet()));
        }
        form.add(roles, scope);
        Button save = new Button(getTranslation("account.save"), e -> {
            Set<Role> chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
            Set<Long> unitIds = scope.getValue().stream().map(UnitNode::id).collect(Collectors.toSet());
            try {
                if (existing == null) {
                    Long personId = person.getValue() == null ? null : person.getValue().personId();
                    showPassword(accounts.create(new AccountService.NewAccount(username.getValue(), displayName.getValue(),
                            personId, chosen, unitIds)));
                } else {
                    accounts.updateRoles(existing.id(), chosen, unitIds);
                }
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (RefusedException ex) {
                String message = getTranslation(ex.messageKey(), ex.args());
                switch (ex.field().orElse("roles")) {
                    case "username" -> {
                        username.setErrorMessage(message);
                        username.setInvalid(true);
                    }
                    case "units" -> {
                        scope.setErrorMessage(message);
                        scope.setInvalid(true);
                    }
                    default -> {
                        roles.setErrorMessage(message);
                        roles.setInvalid(true);
                    }
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        displayName.setRequired(true);
        username.setRequired(true);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("account.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.open();
    }

    /** The one-time password is shown once, to be handed to the person; it must be changed at first login. */
    private void showPassword(IssuedPassword issued) {
        Dialog dialog = new Dialog(getTranslation("account.password-issued.title"));
        Span password = new Span(issued.temporaryPassword());
        password.addClassName("issued-password");
        dialog.add(new Paragraph(getTranslation("account.password-issued.text", issued.username())), password);
        dialog.getFooter().add(new Button(getTranslation("account.close"), e -> dialog.close()));
        dialog.open();
        grid.getDataProvider().refreshAll();
    }

    private void error(RefusedException ex) {
        Notification.show(getTranslation(ex.messageKey(), ex.args()), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
