package vn.gbv.portal.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.i18n.LocalDates;

/** Pieces the report screens share: download links, a document shown as HTML, messages. */
final class ReportViews {

    private ReportViews() {
    }

    /** A link that downloads what the supplier makes when clicked (the service checks scope then). */
    static Anchor download(Component owner, String labelKey, String className, Supplier<ReportService.Download> file) {
        DownloadHandler handler = event -> {
            ReportService.Download d = file.get();
            event.setFileName(d.fileName());
            event.setContentType(d.mimeType());
            event.getOutputStream().write(d.bytes());
        };
        Anchor a = new Anchor(handler, "");
        a.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(owner.getTranslation(labelKey)));
        a.addClassNames("download-link", className);
        return a;
    }

    static Div downloads(Component owner, String prefix, java.util.function.Function<ReportService.Format, ReportService.Download> file) {
        Div bar = new Div(
                download(owner, "report.download.pdf", prefix + "-pdf", () -> file.apply(ReportService.Format.PDF)),
                download(owner, "report.download.xlsx", prefix + "-xlsx", () -> file.apply(ReportService.Format.XLSX)),
                download(owner, "report.download.csv", prefix + "-csv", () -> file.apply(ReportService.Format.CSV)));
        bar.addClassName("report-downloads");
        return bar;
    }

    /** The body of a document as the PDF lays it out: headings, paragraphs and numbered tables. */
    static Div preview(OfficialDocument d) {
        Div box = new Div();
        box.addClassName("report-preview");
        Paragraph type = new Paragraph(d.type());
        type.addClassName("report-type");
        Paragraph summary = new Paragraph(d.summary());
        summary.addClassName("report-summary");
        box.add(type, summary);
        for (OfficialDocument.Block b : d.body()) {
            switch (b) {
                case OfficialDocument.Heading h -> box.add(new H3(h.text()));
                case OfficialDocument.Text t -> {
                    Paragraph p = new Paragraph(t.text());
                    if (t.italic()) {
                        p.addClassName("report-note");
                    }
                    box.add(p);
                }
                case OfficialDocument.Table t -> box.add(table(t));
            }
        }
        return box;
    }

    private static Div table(OfficialDocument.Table t) {
        Element table = new Element("table");
        table.getClassList().add("report-table");
        Element caption = new Element("caption");
        caption.setText(t.title());
        table.appendChild(caption);
        Element head = new Element("tr");
        for (String h : t.headers()) {
            Element th = new Element("th");
            th.setText(h);
            head.appendChild(th);
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (List<Object> row : t.rows()) {
            Element tr = new Element("tr");
            for (Object v : row) {
                Element td = new Element("td");
                td.setText(ReportPdf.text(v));
                if (!(v instanceof String)) {
                    td.getClassList().add("num");
                }
                tr.appendChild(td);
            }
            body.appendChild(tr);
        }
        table.appendChild(body);
        Div wrap = new Div();
        wrap.addClassName("report-table-wrap");
        wrap.getElement().appendChild(table);
        return wrap;
    }

    static String message(Component owner, RefusedException e) {
        Object[] args = Arrays.stream(e.args())
                .map(a -> a instanceof java.time.LocalDate d ? LocalDates.format(owner, d) : a).toArray();
        return owner.getTranslation(e.messageKey(), args);
    }
}
