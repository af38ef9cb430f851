package vn.gbv.portal.security;

/** The portal's roles; one person may hold several. */
public enum Role {
    LEARNER, TRAINER, UNIT_MANAGER, ADMIN;

    /** Role names for {@code @RolesAllowed}, which takes constants. */
    public static final class Names {
        public static final String LEARNER = "LEARNER";
        public static final String TRAINER = "TRAINER";
        public static final String UNIT_MANAGER = "UNIT_MANAGER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String translationKey() {
        return "role." + name().toLowerCase();
    }
}
