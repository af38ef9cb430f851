package vn.gbv.portal.home;

import com.vaadin.flow.component.Component;
import vn.gbv.portal.learning.ProgressService;
import vn.gbv.portal.security.SignedInUser;

/** The learner's "what next": continue where they left off, or pick a course. */
@org.springframework.stereotype.Component
class HomeNextSteps {

    private final ProgressService learning;

    HomeNextSteps(ProgressService learning) {
        this.learning = learning;
    }

    Component learnerCard(HomeView view, SignedInUser user) {
        if (user.personId() != null) {
            var target = learning.lastPlace();
            if (target.isPresent()) {
                var t = target.get();
                return view.card(view.getTranslation("home.learner.continue-title"),
                        view.getTranslation("home.learner.continue-text", t.courseTitle(), t.step().title()),
                        t.path(), view.getTranslation("home.learner.continue-action"));
            }
        }
        return view.card(view.getTranslation("home.learner.title"), view.getTranslation("home.learner.text"),
                "courses", view.getTranslation("home.learner.action"));
    }
}
