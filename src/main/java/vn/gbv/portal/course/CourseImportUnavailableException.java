package vn.gbv.portal.course;

/**
 * The import could not run at all (no courses folder, or another node kept the import lock too
 * long). {@code messageKey} is a translation key; nothing was written.
 */
public class CourseImportUnavailableException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    CourseImportUnavailableException(String messageKey, Object... args) {
        super(messageKey + " " + java.util.Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
