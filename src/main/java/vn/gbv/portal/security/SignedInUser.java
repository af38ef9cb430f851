package vn.gbv.portal.security;

import java.util.Set;

/** Who is signed in, as the rest of the portal needs to know it. */
public record SignedInUser(long id, String username, String displayName, Long personId, Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
