package vn.gbv.portal.learning;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.SignedInUser;

/** The signed-in user as a learner: the person whose progress is read and written. */
@Component
class CurrentLearner {

    private final CurrentUser currentUser;

    CurrentLearner(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The person of the signed-in account; an account without a person cannot learn. */
    long personId() {
        Long person = currentUser.require().personId();
        if (person == null) {
            throw RefusedException.of("learning.error.no-person");
        }
        return person;
    }

    boolean hasPerson() {
        return currentUser.get().map(SignedInUser::personId).isPresent();
    }

    String username() {
        return currentUser.get().map(SignedInUser::username).orElse("system");
    }

    Optional<SignedInUser> user() {
        return currentUser.get();
    }
}
