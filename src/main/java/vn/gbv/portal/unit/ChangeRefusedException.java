package vn.gbv.portal.unit;

/**
 * A change to the unit tree or to a person's record that breaks a rule. The message is a
 * translation key, so that a view can show it in the user's language next to the field concerned.
 */
public class ChangeRefusedException extends RuntimeException {

    public ChangeRefusedException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
