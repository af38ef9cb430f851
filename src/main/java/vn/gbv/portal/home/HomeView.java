package vn.gbv.portal.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.gbv.portal.coverage.CoverageService;
import vn.gbv.portal.i18n.LocalDates;
import vn.gbv.portal.report.ReportService;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.SignedInUser;

/** The first page after login: for each of the user's roles, what to do next. */
@Route("")
@PermitAll
class HomeView extends Main implements HasDynamicTitle {

    HomeView(CurrentUser currentUser, HomeNextSteps nextSteps, CoverageService coverage, ReportService reports) {
        addClassNames("page", "home-view");
        SignedInUser user = currentUser.require();
        add(new H2(getTranslation("home.greeting", user.displayName())));
        add(new Paragraph(getTranslation("home.intro")));
        Div cards = new Div();
        cards.addClassName("card-grid");
        if (user.has(Role.LEARNER)) {
            cards.add(nextSteps.learnerCard(this, user));
        }
        if (user.has(Role.TRAINER)) {
            cards.add(card(getTranslation("home.trainer.title"), getTranslation("home.trainer.text"), "course-admin", getTranslation("home.trainer.action")));
        }
        if (user.has(Role.UNIT_MANAGER) || user.isAdmin()) {
            coverage.headline().ifPresent(h -> cards.add(coverageCard(h)));
        }
        if (user.has(Role.UNIT_MANAGER) && !user.isAdmin()) {
            reports.due().ifPresent(d -> cards.add(reportCard(d)));
        }
        if (user.has(Role.UNIT_MANAGER)) {
            cards.add(card(getTranslation("home.manager.title"), getTranslation("home.manager.text"), "people", getTranslation("home.manager.action")));
        }
        if (user.isAdmin()) {
            cards.add(card(getTranslation("home.admin.title"), getTranslation("home.admin.text"), "units", getTranslation("home.admin.action")));
        }
        add(cards);
    }

    /** The headline figure of target I.2.d for the manager's or administrator's unit, with a link to the dashboard. */
    private Component coverageCard(CoverageService.Headline h) {
        java.text.NumberFormat percent = java.text.NumberFormat.getNumberInstance(getLocale());
        percent.setMaximumFractionDigits(1);
        String status = getTranslation(h.onTrack() ? "coverage.status.on-track" : "coverage.status.behind");
        Component card = card(getTranslation("home.coverage.title"), getTranslation("home.coverage.text", h.unit().name(),
                h.figures().trained(), h.figures().population(), percent.format(h.figures().percent()) + "%",
                status, String.valueOf(h.asOf().getYear())), "coverage", getTranslation("home.coverage.action"));
        card.getElement().getClassList().add("coverage-card");
        return card;
    }

    /** This period's report with its deadline: one click to the report, one more to its PDF. */
    private Component reportCard(ReportService.Due d) {
        Component card = card(getTranslation("home.report.title", d.period().name()), getTranslation("home.report.text",
                d.unit().name(), LocalDates.format(this, d.period().unitsDueOn()), getTranslation("home.report.state." + d.state().name())),
                "reports/" + d.period().code() + "/" + d.unit().code(), getTranslation("home.report.action"));
        card.getElement().getClassList().add("report-card");
        return card;
    }

    Component card(String title, String text, String path, String action) {
        Div card = new Div(new H3(title), new Paragraph(text));
        Anchor link = new Anchor(path, action);
        link.addClassName("card-action");
        card.add(link);
        card.addClassName("card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
