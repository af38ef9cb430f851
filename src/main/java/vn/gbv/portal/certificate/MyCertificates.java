package vn.gbv.portal.certificate;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import vn.gbv.portal.certificate.CertificateService.MyCertificate;

/**
 * "Giấy chứng nhận" in My learning: the learner's own certificates, each with a download and a
 * link to its public verification page. The download asks the service for this learner's own
 * certificate by id, so a changed id gets nothing.
 */
@StyleSheet("styles/certificates.css")
public class MyCertificates extends Div {

    public MyCertificates(CertificateService certificates) {
        addClassNames("certificate-section", "my-certificates");
        add(new H3(getTranslation("certificate.mine.title")));
        List<MyCertificate> mine = certificates.mine();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("certificate.mine.none")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("certificate-list");
        for (MyCertificate c : mine) {
            Span title = new Span(c.programme() ? getTranslation("certificate.mine.programme", c.title()) : c.title());
            title.addClassName("certificate-title");
            Span meta = new Span(getTranslation("certificate.mine.meta", c.serial(), c.earnedOn().format(VerifyView.DATE)));
            meta.addClassName("certificate-meta");
            Div what = new Div(title, meta);
            what.addClassName("certificate-what");

            DownloadHandler pdf = event -> {
                event.setFileName("giay-chung-nhan-" + c.serial() + ".pdf");
                event.setContentType("application/pdf");
                certificates.writeMine(c.id(), event.getOutputStream());
            };
            Anchor download = new Anchor(pdf, "");
            download.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("certificate.mine.download")));
            download.addClassName("download-link");
            download.getElement().setAttribute("aria-label", getTranslation("certificate.mine.download-label", c.title()));

            String code = c.verificationUrl().substring(c.verificationUrl().lastIndexOf('/') + 1);
            Anchor verify = new Anchor("verify/" + code, getTranslation("certificate.mine.verify"), AnchorTarget.BLANK);
            verify.addClassName("verify-link");
            Div actions = new Div(download, verify);
            actions.addClassName("certificate-actions");

            ListItem item = new ListItem(what, actions);
            item.addClassName("certificate-item");
            list.add(item);
        }
        add(list);
    }
}
