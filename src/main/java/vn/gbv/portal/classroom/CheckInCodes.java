package vn.gbv.portal.classroom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed check-in codes for the QR code a class shows: {@code <session id>.<expiry, epoch
 * seconds>.<HMAC-SHA256 of both, base64url>}. The code names its session and its end of validity;
 * changing either breaks the signature, so a code cannot be moved to another session or made to
 * last longer. The key is 256 random bits made on first use and kept in app_setting, so that every
 * node signs and checks with the same key; it is never a default written in the code.
 */
@Component
class CheckInCodes {

    static final String KEY_SETTING = "checkin_hmac_key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClassQueries queries;
    private final TransactionTemplate ownTransaction;
    /** Read once from the database (it never changes once made); not state of its own. */
    private volatile byte[] key;

    CheckInCodes(ClassQueries queries, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.ownTransaction = new TransactionTemplate(transactions);
        // committed on its own: a key used to sign a code must be stored even if the caller's work rolls back
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A code's parts once its signature is known to be good. */
    record Verified(long sessionId, Instant expiresAt) {
    }

    String sign(long sessionId, Instant expiresAt) {
        String payload = sessionId + "." + expiresAt.getEpochSecond();
        return payload + "." + mac(payload);
    }

    /** The session and expiry of a well-formed code with a good signature; empty for anything else. */
    Optional<Verified> verify(String code) {
        if (code == null || code.length() > 200) {
            return Optional.empty();
        }
        String[] parts = code.strip().split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1];
        byte[] expected = mac(payload).getBytes(StandardCharsets.US_ASCII);
        // constant time: how much of a forged signature matches is not measurable
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Verified(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]))));
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The key; the first node to need it makes it, and every node then reads the one stored. */
    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String stored = ownTransaction.execute(status -> queries.settingCommitted(KEY_SETTING).orElseGet(() -> {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                queries.insertSettingIfAbsent(KEY_SETTING, Base64.getEncoder().encodeToString(fresh));
                return queries.settingCommitted(KEY_SETTING).orElseThrow();
            }));
            k = Base64.getDecoder().decode(stored);
            key = k;
        }
        return k;
    }
}
