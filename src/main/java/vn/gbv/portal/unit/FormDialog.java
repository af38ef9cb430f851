package vn.gbv.portal.unit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import vn.gbv.portal.base.RefusedException;

/**
 * A dialog with a form whose rules are checked twice: by its binder as the user types, and by
 * the service on save. A refusal from the service is shown on the field it concerns, or above
 * the form when it concerns no single field.
 */
abstract class FormDialog extends Dialog {

    final FormLayout form = new FormLayout();
    final Paragraph problem = new Paragraph();
    final Button save = new Button();
    final Button cancel = new Button();
    private final Runnable onSaved;

    FormDialog(Runnable onSaved) {
        this.onSaved = onSaved;
        addClassName("form-dialog");
        setWidth("36rem");
        setMaxWidth("100%");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        problem.addClassName("form-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        add(problem, form);
        save.setText(getTranslation("unit.dialog.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setText(getTranslation("unit.dialog.cancel"));
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
    }

    /** Writes the fields into the form's bean; false when a field shows an error. */
    abstract boolean writeIfValid();

    /** Hands the form to the service, which throws {@link RefusedException} when a rule is broken. */
    abstract void apply();

    /**
     * The form's field of this name (as the service names it in {@link RefusedException#field()}),
     * or null when this form does not show it: then the message goes above the form.
     */
    abstract HasValidation fieldNamed(String field);

    private void save() {
        problem.setVisible(false);
        if (!writeIfValid()) {
            return;
        }
        try {
            apply();
        } catch (RefusedException refused) {
            show(refused);
            return;
        }
        close();
        Notification.show(getTranslation("unit.dialog.saved"), 3000, Notification.Position.BOTTOM_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        onSaved.run();
    }

    private void show(RefusedException refused) {
        String message = getTranslation(refused.messageKey(), refused.args());
        // A field this action's form does not show cannot carry the message: it goes above the form.
        HasValidation field = refused.field().map(this::fieldNamed)
                .filter(f -> !(f instanceof Component c) || c.getParent().isPresent()).orElse(null);
        if (field == null) {
            problem.setText(message);
            problem.setVisible(true);
        } else {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    /** The muted line under a dialog's title that says what the action does ({@code key.explain}). */
    Paragraph explanation(String key) {
        Paragraph text = new Paragraph(getTranslation(key + ".explain"));
        text.addClassName("muted");
        return text;
    }
}
