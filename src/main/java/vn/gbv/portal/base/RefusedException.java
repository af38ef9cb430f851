package vn.gbv.portal.base;

import java.util.Optional;

/**
 * A request that a rule refuses: the one exception type services throw for the user to read. It
 * carries a translation key (shown in the user's language), the key's arguments, and optionally
 * the field concerned, so that a form can put the message next to that field.
 */
public class RefusedException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] args;

    private RefusedException(String messageKey, String field, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** A refusal not tied to one field. */
    public static RefusedException of(String messageKey, Object... args) {
        return new RefusedException(messageKey, null, args);
    }

    /** A refusal about one field of a form (the field's name as the form knows it). */
    public static RefusedException onField(String field, String messageKey, Object... args) {
        return new RefusedException(messageKey, field, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public Object[] args() {
        return args.clone();
    }
}
