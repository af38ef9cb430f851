package vn.gbv.portal.security;

import java.security.SecureRandom;
import java.util.Optional;

/** What a password must be; messages are translation keys. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** The key of the first rule the password breaks, if any. */
    static Optional<String> violation(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.error.too-short");
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("password.error.contains-username");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("password.error.letters-and-digits");
        }
        return Optional.empty();
    }

    /** A temporary password an administrator hands over; it must be changed at first login. */
    static String temporary() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.insert(6, RANDOM.nextInt(10)).toString();
    }
}
