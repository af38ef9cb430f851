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
            cards.add(card("home.trainer.title", "home.trainer.text", "course-admin", "home.trainer.action"));
        }
        if (user.has(Role.UNIT_MANAGER)) {
            cards.add(card("home.manager.title", "home.manager.text", "people", "home.manager.action"));
        }
        if (user.isAdmin()) {
            cards.add(card("home.admin.title", "home.admin.text", "units", "home.admin.action"));
        }
        add(cards);
    }

    Component card(String titleKey, String textKey, String path, String actionKey) {
        Div card = new Div(new H3(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        Anchor action = new Anchor(path, getTranslation(actionKey));
        action.addClassName("card-action");
        card.add(action);
        card.addClassName("card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
