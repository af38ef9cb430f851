package vn.gbv.portal.learning;

/** A learner's request that cannot be done; the message is a translation key. */
public class LearningException extends RuntimeException {

    private final transient Object[] params;

    public LearningException(String translationKey, Object... params) {
        super(translationKey);
        this.params = params;
    }

    public Object[] params() {
        return params;
    }
}
