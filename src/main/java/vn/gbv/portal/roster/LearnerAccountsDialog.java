package vn.gbv.portal.roster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * The learner accounts just made, shown once: the list and its PDF and XLSX. Closing the dialog
 * drops them; the portal keeps no copy of the passwords.
 */
class LearnerAccountsDialog extends Dialog {

    LearnerAccountsDialog(LearnerAccounts.Issued issued) {
        setHeaderTitle(getTranslation("roster.accounts.title", issued.lines().size()));
        setWidth("48rem");
        setMaxWidth("100%");
        addClassName("learner-accounts-dialog");
        Paragraph warning = new Paragraph(getTranslation("roster.accounts.once"));
        warning.addClassName("form-problem");
        Anchor pdf = new Anchor((DownloadHandler) event -> {
            event.setFileName("tai-khoan-hoc-vien.pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(issued.pdf());
        }, getTranslation("roster.accounts.pdf"));
        Anchor xlsx = new Anchor((DownloadHandler) event -> {
            event.setFileName("tai-khoan-hoc-vien.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            event.getOutputStream().write(issued.xlsx());
        }, getTranslation("roster.accounts.xlsx"));
        Div downloads = new Div(pdf, xlsx);
        downloads.addClassName("toolbar");
        Grid<LearnerAccounts.Line> grid = new Grid<>();
        grid.addColumn(LearnerAccounts.Line::fullName).setHeader(getTranslation("people.column.name"));
        grid.addColumn(LearnerAccounts.Line::username).setHeader(getTranslation("roster.accounts.username"));
        grid.addColumn(LearnerAccounts.Line::temporaryPassword).setHeader(getTranslation("roster.accounts.password"));
        grid.setItems(issued.lines());
        grid.setAllRowsVisible(issued.lines().size() <= 20);
        add(warning, downloads, grid);
        getFooter().add(new Button(getTranslation("roster.accounts.close"), e -> close()));
    }
}
