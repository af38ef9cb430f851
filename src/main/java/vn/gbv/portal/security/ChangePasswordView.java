package vn.gbv.portal.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.gbv.portal.base.RefusedException;

/** Change one's own password; also where a first login with a temporary password is sent. */
@Route("account/password")
@PermitAll
class ChangePasswordView extends Main implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField fresh = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();

    ChangePasswordView(AccountService accounts) {
        addClassNames("page", "narrow-page");
        H2 title = new H2(getTranslation("password.title"));
        Paragraph why = new Paragraph(getTranslation(accounts.mustChangePassword()
                ? "password.must-change" : "password.intro"));
        current.setLabel(getTranslation("password.current"));
        fresh.setLabel(getTranslation("password.new"));
        fresh.setHelperText(getTranslation("password.rules", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_BYTES));
        repeat.setLabel(getTranslation("password.repeat"));
        for (PasswordField field : new PasswordField[] {current, fresh, repeat}) {
            field.setRequired(true);
            field.setWidthFull();
        }
        save.setText(getTranslation("password.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        save.addClickListener(e -> {
            fresh.setInvalid(false);
            repeat.setInvalid(false);
            current.setInvalid(false);
            if (!fresh.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password.error.mismatch"));
                repeat.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(current.getValue(), fresh.getValue());
                Notification.show(getTranslation("password.saved"), 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (RefusedException ex) {
                PasswordField target = ex.field().filter("current"::equals).isPresent() ? current : fresh;
                target.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                target.setInvalid(true);
            }
        });
        FormLayout form = new FormLayout(current, fresh, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(title, why, form, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title");
    }
}
