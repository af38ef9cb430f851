package vn.gbv.portal.home;

import vn.gbv.portal.security.SignedInUser;

/** Builds the learner's "what next" card. */
@org.springframework.stereotype.Component
class HomeNextSteps {

    com.vaadin.flow.component.Component learnerCard(HomeView view, SignedInUser user) {
        return view.card("home.learner.title", "home.learner.text", "courses", "home.learner.action");
    }
}
