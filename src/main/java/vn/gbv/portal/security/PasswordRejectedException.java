package vn.gbv.portal.security;

/** A password change was refused; {@link #getMessage()} is a translation key. */
public class PasswordRejectedException extends RuntimeException {

    public PasswordRejectedException(String translationKey) {
        super(translationKey);
    }
}
