package vn.gbv.portal.learning;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.CurrentUser;

/**
 * The signed-in user as a learner: the person whose progress is read and written. Read from the
 * database on every call (a disabled account has no person), in one small query: every learner
 * request asks, and loading the whole account with its roles for a person id doubled their cost.
 */
@Component
class CurrentLearner {

    private final LearningQueries queries;

    CurrentLearner(LearningQueries queries) {
        this.queries = queries;
    }

    /** The person of the signed-in account; an account without a person cannot learn. */
    long personId() {
        return person().orElseThrow(() -> CurrentUser.username().isPresent() ? RefusedException.of("learning.error.no-person")
                : new org.springframework.security.access.AccessDeniedException("no signed-in user"));
    }

    boolean hasPerson() {
        return person().isPresent();
    }

    String username() {
        return CurrentUser.username().orElse("system");
    }

    private Optional<Long> person() {
        return CurrentUser.username().flatMap(queries::personOfAccount);
    }
}
