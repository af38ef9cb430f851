package vn.gbv.portal.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "display_name")
    private String displayName;

    private boolean enabled = true;

    @Column(name = "must_change_password")
    private boolean mustChangePassword = true;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "preferred_locale")
    private String preferredLocale;

    /** Changed whenever sessions of this account must end (see {@link SessionStampFilter}). */
    @Column(name = "security_stamp")
    private long securityStamp;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "manager_scope", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "unit_id")
    private Set<Long> managedUnitIds = new HashSet<>();

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
    }

    Long getId() { return id; }
    String getUsername() { return username; }
    String getPasswordHash() { return passwordHash; }
    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    Long getPersonId() { return personId; }
    void setPersonId(Long personId) { this.personId = personId; }
    String getDisplayName() { return displayName; }
    void setDisplayName(String displayName) { this.displayName = displayName; }
    boolean isEnabled() { return enabled; }
    void setEnabled(boolean enabled) { this.enabled = enabled; }
    boolean isMustChangePassword() { return mustChangePassword; }
    void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    int getFailedAttempts() { return failedAttempts; }
    Instant getLockedUntil() { return lockedUntil; }
    Instant getLastLoginAt() { return lastLoginAt; }
    String getPreferredLocale() { return preferredLocale; }
    void setPreferredLocale(String preferredLocale) { this.preferredLocale = preferredLocale; }
    Set<Role> getRoles() { return roles; }
    void setRoles(Set<Role> roles) { this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
    Set<Long> getManagedUnitIds() { return managedUnitIds; }
    void setManagedUnitIds(Set<Long> ids) { this.managedUnitIds = new HashSet<>(ids); }

    long getSecurityStamp() { return securityStamp; }

    /** Ends this account's sessions at their next request, on every node. */
    void bumpSecurityStamp() {
        securityStamp++;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    SignedInUser toSignedInUser() {
        return new SignedInUser(id, username, displayName, personId, Set.copyOf(roles));
    }
}
