package vn.gbv.portal.certificate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.certificate.CertificateService.BulkRequest;
import vn.gbv.portal.certificate.CertificateService.CertificateDetails;
import vn.gbv.portal.certificate.CertificateService.CourseOption;
import vn.gbv.portal.certificate.CertificateService.RevocationReason;
import vn.gbv.portal.certificate.CertificateService.UnitOption;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.SignedInUser;

/**
 * Certificates for managers: a ZIP of a unit's certificates (the unit and below, a period, some
 * courses), made while they wait with a progress bar; for administrators also revoking and
 * re-issuing one certificate found by its serial.
 */
@Route("certificates")
@RolesAllowed({Role.Names.UNIT_MANAGER, Role.Names.ADMIN})
@StyleSheet("styles/certificates.css")
class CertificatesView extends Main implements HasDynamicTitle {

    private final CertificateService certificates;

    final ComboBox<UnitOption> unit = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final MultiSelectComboBox<CourseOption> courses = new MultiSelectComboBox<>();
    final Span count = new Span();
    final Anchor download;
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    /** What the download link will fetch; read by the download request's thread. */
    private volatile BulkRequest selection;
    private volatile int selected;
    private volatile String selectedUnitName = "";

    final TextField serial = new TextField();
    final Button find = new Button();
    final Div found = new Div();

    CertificatesView(CertificateService certificates, CurrentUser currentUser) {
        this.certificates = certificates;
        addClassNames("page", "certificates-view");
        add(new H2(getTranslation("certificate.bulk.title")));
        add(new Paragraph(getTranslation("certificate.bulk.intro")));

        unit.setLabel(getTranslation("certificate.bulk.unit"));
        unit.setItems(certificates.units());
        unit.setItemLabelGenerator(UnitOption::name);
        from.setLabel(getTranslation("certificate.bulk.from"));
        to.setLabel(getTranslation("certificate.bulk.to"));
        LocalDate today = LocalDate.now();
        from.setValue(LocalDate.of(today.getYear(), 1, 1));
        to.setValue(today);
        courses.setLabel(getTranslation("certificate.bulk.courses"));
        courses.setPlaceholder(getTranslation("certificate.bulk.all-courses"));
        courses.setItems(certificates.courses());
        courses.setItemLabelGenerator(CourseOption::title);
        Div form = new Div(unit, from, to, courses);
        form.addClassName("bulk-form");

        download = new Anchor(zip(), "");
        download.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("certificate.bulk.download")));
        download.addClassName("download-link");
        // the poll carries the progress to the browser while the download request runs
        download.getElement().addEventListener("click", e -> {
            if (selected > 0) {
                progress.setValue(0);
                progress.setVisible(true);
                progressText.setText(getTranslation("certificate.bulk.making", 0, selected));
                UI.getCurrent().setPollInterval(500);
            }
        });
        progress.setVisible(false);
        progressText.addClassName("muted");
        count.addClassName("bulk-count");
        add(form, new Div(count), download, progress, progressText);

        unit.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        courses.addValueChangeListener(e -> refresh());
        if (unit.getListDataView().getItemCount() == 1) {
            unit.setValue(unit.getListDataView().getItem(0));
        }
        refresh();

        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            add(adminSection());
        }
    }

    private void refresh() {
        if (unit.isEmpty() || from.isEmpty() || to.isEmpty() || from.getValue().isAfter(to.getValue())) {
            selection = null;
            selected = 0;
            count.setText(getTranslation("certificate.bulk.choose"));
        } else {
            selection = new BulkRequest(unit.getValue().id(), from.getValue(), to.getValue(),
                    courses.getValue().stream().map(CourseOption::id).collect(Collectors.toSet()));
            selected = certificates.count(selection);
            selectedUnitName = unit.getValue().name();
            count.setText(getTranslation("certificate.bulk.count", selected));
        }
        download.setEnabled(selected > 0);
    }

    private DownloadHandler zip() {
        return event -> {
            BulkRequest request = selection;
            int total = selected;
            UI ui = event.getUI();
            event.setFileName("giay-chung-nhan-" + selectedUnitName.replaceAll("[^\\p{L}\\p{N}]+", "-") + ".zip");
            event.setContentType("application/zip");
            int step = Math.max(1, total / 50);
            try {
                certificates.writeZip(request, event.getOutputStream(), n -> {
                    if (n % step == 0 || n == total) {
                        ui.access(() -> {
                            progress.setValue(total == 0 ? 1 : Math.min(1, (double) n / total));
                            progressText.setText(getTranslation("certificate.bulk.making", n, total));
                        });
                    }
                });
                ui.access(() -> {
                    progress.setValue(1);
                    progressText.setText(getTranslation("certificate.bulk.done", total));
                    ui.setPollInterval(-1);
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    progressText.setText(getTranslation("certificate.bulk.failed"));
                    ui.setPollInterval(-1);
                });
                throw e;
            }
        };
    }

    // ---- administrators: revoke and re-issue ---------------------------------------------------

    private Div adminSection() {
        Div section = new Div();
        section.addClassName("certificate-section");
        section.add(new H2(getTranslation("certificate.admin.title")));
        serial.setLabel(getTranslation("certificate.admin.serial"));
        serial.setPlaceholder("2026-000123");
        find.setText(getTranslation("certificate.admin.find"));
        find.addClickListener(e -> showFound());
        Div bar = new Div(serial, find);
        bar.addClassName("toolbar");
        section.add(bar, found);
        return section;
    }

    private void showFound() {
        found.removeAll();
        var details = certificates.findBySerial(serial.getValue());
        if (details.isEmpty()) {
            found.add(new Paragraph(getTranslation("certificate.admin.not-found")));
            return;
        }
        show(details.get());
    }

    private void show(CertificateDetails d) {
        found.removeAll();
        Div card = new Div();
        card.addClassNames("card", "certificate-card");
        card.add(new H3(d.serial() + " — " + d.holderName()));
        card.add(new Paragraph(d.title() + " · " + d.earnedOn().format(VerifyView.DATE)));
        String state = d.revoked()
                ? getTranslation("certificate.admin.revoked",
                getTranslation("certificate.reason." + d.revokedReason().name().toLowerCase(Locale.ROOT)))
                : getTranslation("certificate.admin.valid");
        card.add(new Paragraph(state));
        if (d.replacedBySerial() != null) {
            card.add(new Paragraph(getTranslation("verify.replaced-by", d.replacedBySerial())));
        }
        Anchor pdf = new Anchor((DownloadHandler) event -> {
            event.setFileName("giay-chung-nhan-" + d.serial() + ".pdf");
            event.setContentType("application/pdf");
            certificates.writeAny(d.id(), event.getOutputStream());
        }, getTranslation("certificate.admin.pdf"));
        card.add(pdf);
        if (!d.revoked()) {
            Select<RevocationReason> reason = new Select<>();
            reason.setLabel(getTranslation("certificate.admin.reason"));
            reason.setItems(RevocationReason.values());
            reason.setItemLabelGenerator(r -> getTranslation("certificate.reason." + r.name().toLowerCase(Locale.ROOT)));
            TextArea note = new TextArea(getTranslation("certificate.admin.note"));
            note.setMaxLength(1000);
            Button revoke = new Button(getTranslation("certificate.admin.revoke"), e -> {
                if (reason.isEmpty()) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(getTranslation("certificate.admin.reason-required"));
                    return;
                }
                act(() -> show(certificates.revoke(d.id(), reason.getValue(), note.getValue())), "certificate.admin.revoked-done");
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            TextField name = new TextField(getTranslation("certificate.admin.corrected-name"));
            name.setValue(d.holderName());
            name.setMaxLength(200);
            Button reissue = new Button(getTranslation("certificate.admin.reissue"),
                    e -> act(() -> show(certificates.reissue(d.id(), name.getValue(), note.getValue())),
                            "certificate.admin.reissued"));
            Div revokeBar = new Div(reason, revoke);
            revokeBar.addClassName("toolbar");
            Div reissueBar = new Div(name, reissue);
            reissueBar.addClassName("toolbar");
            card.add(note, revokeBar, reissueBar);
        }
        found.add(card);
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RefusedException e) {
            Notification.show(getTranslation(e.messageKey(), e.args())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("certificate.bulk.page-title");
    }
}
