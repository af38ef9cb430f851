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
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.SignedInUser;

/** The first page after login: for each of the user's roles, what to do next. */
@Route("")
@PermitAll
class HomeView extends Main implements HasDynamicTitle {

    HomeView(CurrentUser currentUser, HomeNextSteps nextSteps) {
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
        if (user.has(Role.UNIT_MANAGER)) {
            cards.add(card(getTranslation("home.manager.title"), getTranslation("home.manager.text"), "people", getTranslation("home.manager.action")));
        }
        if (user.isAdmin()) {
            cards.add(card(getTranslation("home.admin.title"), getTranslation("home.admin.text"), "units", getTranslation("home.admin.action")));
        }
        add(cards);
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
