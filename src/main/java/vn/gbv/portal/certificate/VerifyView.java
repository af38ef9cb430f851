package vn.gbv.portal.certificate;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.gbv.portal.certificate.CertificateService.Status;
import vn.gbv.portal.certificate.CertificateService.Verification;
import vn.gbv.portal.i18n.LanguageSwitch;

/**
 * The public page a certificate's QR code opens: whether the certificate is genuine, without a
 * login and outside the portal's menu (anonymous visitors have none). It answers about the one
 * code given and shows the holder's name masked; nothing on it lists certificates.
 */
@Route(value = "verify", autoLayout = false)
@AnonymousAllowed
@StyleSheet("styles/certificates.css")
class VerifyView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CertificateService certificates;
    final TextField code = new TextField();
    final Button check = new Button();
    /** The answer about the code in the address, if any. */
    final Div result = new Div();

    VerifyView(CertificateService certificates) {
        this.certificates = certificates;
        addClassNames("login-view", "verify-view");
        H1 title = new H1(getTranslation("verify.title"));
        title.addClassName("login-title");
        Paragraph intro = new Paragraph(getTranslation("verify.intro"));
        intro.addClassName("login-intro");
        code.setLabel(getTranslation("verify.code"));
        code.setWidthFull();
        code.setMaxLength(40);
        code.setAutocapitalize(com.vaadin.flow.component.textfield.Autocapitalize.CHARACTERS);
        check.setText(getTranslation("verify.check"));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> {
            String typed = CertificateService.normalise(code.getValue());
            if (typed.isEmpty()) {
                code.setInvalid(true);
                code.setErrorMessage(getTranslation("verify.code-required"));
                return;
            }
            getUI().ifPresent(ui -> ui.navigate(VerifyView.class, typed));
        });
        check.addClickShortcut(Key.ENTER);
        result.addClassName("verify-result");
        Div card = new Div(title, intro, result, code, check, new LanguageSwitch());
        card.addClassNames("login-card", "verify-card");
        add(card);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        result.removeAll();
        if (parameter == null || parameter.isBlank()) {
            result.setVisible(false);
            return;
        }
        result.setVisible(true);
        code.setValue(parameter);
        VaadinRequest request = VaadinRequest.getCurrent();
        show(certificates.verify(parameter, request == null ? null : request.getRemoteAddr()));
    }

    private void show(Verification v) {
        result.getElement().setAttribute("data-status", v.status().name().toLowerCase(Locale.ROOT));
        result.addClassName("verify-" + v.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        switch (v.status()) {
            case VALID -> {
                result.add(heading(VaadinIcon.CHECK_CIRCLE, "verify.valid"));
                facts(v);
            }
            case REVOKED -> {
                result.add(heading(VaadinIcon.CLOSE_CIRCLE, "verify.revoked"));
                result.add(new Paragraph(v.revokedAt() == null ? getTranslation("verify.revoked-reason-only",
                        getTranslation("certificate.reason." + v.revokedReason().name().toLowerCase(Locale.ROOT)))
                        : getTranslation("verify.revoked-on", v.revokedAt().toLocalDate().format(DATE),
                        getTranslation("certificate.reason." + v.revokedReason().name().toLowerCase(Locale.ROOT)))));
                if (v.replacedBySerial() != null) {
                    result.add(new Paragraph(getTranslation("verify.replaced-by", v.replacedBySerial())));
                }
                facts(v);
            }
            case UNKNOWN -> {
                result.add(heading(VaadinIcon.QUESTION_CIRCLE, "verify.unknown"));
                result.add(new Paragraph(getTranslation("verify.unknown-text")));
            }
            case TOO_MANY_LOOKUPS -> {
                result.add(heading(VaadinIcon.CLOCK, "verify.too-many"));
                result.add(new Paragraph(getTranslation("verify.too-many-text")));
            }
        }
    }

    private H2 heading(VaadinIcon icon, String key) {
        H2 h = new H2(icon.create(), new Span(getTranslation(key)));
        h.addClassName("verify-heading");
        return h;
    }

    private void facts(Verification v) {
        Div facts = new Div();
        facts.addClassName("verify-facts");
        fact(facts, "verify.holder", v.maskedName());
        fact(facts, v.programme() ? "verify.programme" : "verify.course", v.title());
        fact(facts, "verify.earned-on", date(v.earnedOn()));
        fact(facts, "verify.serial", v.serial());
        fact(facts, "verify.issued-on", date(v.issuedOn()));
        fact(facts, "verify.issuer", v.issuer());
        result.add(facts);
    }

    private void fact(Div facts, String key, String value) {
        Span label = new Span(getTranslation(key));
        label.addClassName("verify-label");
        Span shown = new Span(value);
        shown.addClassName("verify-value");
        facts.add(label, shown);
    }

    private static String date(LocalDate d) {
        return d.format(DATE);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title");
    }
}
