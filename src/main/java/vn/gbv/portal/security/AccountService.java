package vn.gbv.portal.security;

import vn.gbv.portal.base.OpenToAnyCaller;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.base.RefusedException;

/** Accounts: administrators create, disable and reset them; everybody changes their own password. */
@Service
public class AccountService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final UnitScope scope;

    AccountService(UserAccountRepository accounts, PasswordEncoder encoder, CurrentUser currentUser, AuditLog audit,
                   UnitScope scope) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.scope = scope;
    }

    public record AccountRow(long id, String username, String displayName, Long personId, Set<Role> roles,
                             Set<Long> managedUnitIds, boolean enabled, boolean mustChangePassword,
                             boolean locked, Instant lastLoginAt) {
    }

    public record NewAccount(String username, String displayName, Long personId, Set<Role> roles,
                             Set<Long> managedUnitIds) {
    }

    /** A learner account to create for a person of the caller's units (a bulk roster import). */
    public record NewLearner(long personId, String fullName) {
    }

    /** A learner account made in bulk: for whom, username, the one-time password to print. */
    public record IssuedLearner(long personId, String username, String temporaryPassword) {
    }

    /** The result of creating an account or resetting a password: the one-time password to hand over. */
    public record IssuedPassword(long accountId, String username, String temporaryPassword) {
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<AccountRow> search(String filter, int offset, int limit) {
        var page = PageRequest.of(offset / Math.max(limit, 1), Math.max(limit, 1), Sort.by("username"));
        Instant now = Instant.now();
        return accounts.search(filter == null ? "" : filter.trim(), page).stream()
                .map(a -> new AccountRow(a.getId(), a.getUsername(), a.getDisplayName(), a.getPersonId(),
                        Set.copyOf(a.getRoles()), Set.copyOf(a.getManagedUnitIds()), a.isEnabled(),
                        a.isMustChangePassword(), a.isLocked(now), a.getLastLoginAt()))
                .toList();
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public IssuedPassword create(NewAccount request) {
        String username = normalise(request.username());
        if (!username.matches("[a-z0-9._-]{3,100}")) {
            throw RefusedException.onField("username", "account.error.username-format");
        }
        if (accounts.existsByUsername(username)) {
            throw RefusedException.onField("username", "account.error.username-taken");
        }
        if (request.roles().isEmpty()) {
            throw RefusedException.onField("roles", "account.error.no-role");
        }
        if (request.roles().contains(Role.UNIT_MANAGER) && request.managedUnitIds().isEmpty()) {
            throw RefusedException.onField("units", "account.error.manager-needs-unit");
        }
        String password = PasswordPolicy.temporary();
        UserAccount account = new UserAccount(username, request.displayName().trim(), encoder.encode(password));
        account.setPersonId(request.personId());
        account.setRoles(request.roles());
        account.setManagedUnitIds(request.managedUnitIds());
        account.setMustChangePassword(true);
        accounts.save(account);
        auditCreated(account);
        return new IssuedPassword(account.getId(), username, password);
    }

    /**
     * Learner accounts in bulk for people of the caller's units who have none (issue 17, item 3):
     * usernames from the name without accents ("Nguyễn Thị Hoa" → hoa.nt, then hoa.nt2, ...), unique;
     * a temporary password each, to be changed at first login. The passwords are returned once,
     * for the printable list, and kept only as hashes. People who already have an account are skipped.
     */
    @PreAuthorize("hasAnyRole('" + Role.Names.ADMIN + "', '" + Role.Names.UNIT_MANAGER + "')")
    @Transactional
    public List<IssuedLearner> createLearners(List<NewLearner> learners) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<IssuedLearner> issued = new java.util.ArrayList<>();
        for (NewLearner learner : learners) {
            scope.requireManagesPerson(learner.personId());
            if (accounts.existsByPersonId(learner.personId())) {
                continue;
            }
            String base = LearnerUsernames.base(learner.fullName());
            String username = base;
            for (int n = 2; taken.contains(username) || accounts.existsByUsername(username); n++) {
                username = base + n;
            }
            taken.add(username);
            String password = PasswordPolicy.temporary();
            UserAccount account = new UserAccount(username, learner.fullName(), encoder.encode(password));
            account.setPersonId(learner.personId());
            account.setRoles(Set.of(Role.LEARNER));
            account.setManagedUnitIds(Set.of());
            account.setMustChangePassword(true);
            accounts.save(account);
            auditCreated(account);
            issued.add(new IssuedLearner(learner.personId(), username, password));
        }
        return issued;
    }

    /** Creates an account with a known password (demo data and tests); it must be changed only if asked. */
    @Transactional
    @OpenToAnyCaller("start-up only (the demo-data loader, with nobody signed in); no view calls it: views use create(), which needs ADMIN")
    public long createWithPassword(NewAccount request, String password, boolean mustChange) {
        UserAccount account = new UserAccount(normalise(request.username()), request.displayName(), encoder.encode(password));
        account.setPersonId(request.personId());
        account.setRoles(request.roles());
        account.setManagedUnitIds(request.managedUnitIds());
        account.setMustChangePassword(mustChange);
        long id = accounts.save(account).getId();
        auditCreated(account);
        return id;
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public void updateRoles(long accountId, Set<Role> roles, Set<Long> managedUnitIds) {
        if (roles.isEmpty()) {
            throw RefusedException.onField("roles", "account.error.no-role");
        }
        if (roles.contains(Role.UNIT_MANAGER) && managedUnitIds.isEmpty()) {
            throw RefusedException.onField("units", "account.error.manager-needs-unit");
        }
        UserAccount account = accounts.findById(accountId).orElseThrow();
        String rolesBefore = rolesText(account.getRoles());
        String scopeBefore = scopeText(account.getManagedUnitIds());
        Set<Long> scope = roles.contains(Role.UNIT_MANAGER) ? managedUnitIds : Set.of();
        if (!account.getRoles().equals(roles) || !account.getManagedUnitIds().equals(scope)) {
            account.setRoles(roles);
            account.setManagedUnitIds(scope);
            account.bumpSecurityStamp();
        }
        Changes roleChange = Changes.of().field("audit.field.roles", rolesBefore, rolesText(account.getRoles()));
        if (!roleChange.isEmpty()) {
            audit.record("account.roles", AuditLog.Entity.ACCOUNT, accountId, account.getUsername(),
                    roleChange.before(), roleChange.after());
        }
        Changes scopeChange = Changes.of()
                .field("audit.field.scope", scopeBefore, scopeText(account.getManagedUnitIds()));
        if (!scopeChange.isEmpty()) {
            audit.record("account.scope", AuditLog.Entity.ACCOUNT, accountId, account.getUsername(),
                    scopeChange.before(), scopeChange.after());
        }
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        UserAccount account = accounts.findById(accountId).orElseThrow();
        if (!enabled && account.getUsername().equals(currentUser.require().username())) {
            throw RefusedException.of("account.error.disable-self");
        }
        if (account.isEnabled() != enabled) {
            audit.record(enabled ? "account.enable" : "account.disable", AuditLog.Entity.ACCOUNT, accountId,
                    account.getUsername(), null, null);
            account.setEnabled(enabled);
            account.bumpSecurityStamp();
        }
    }

    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public IssuedPassword resetPassword(long accountId) {
        UserAccount account = accounts.findById(accountId).orElseThrow();
        String password = PasswordPolicy.temporary();
        account.setPasswordHash(encoder.encode(password));
        account.setMustChangePassword(true);
        account.unlock();
        account.bumpSecurityStamp();
        audit.record("account.password-reset", AuditLog.Entity.ACCOUNT, accountId, account.getUsername(), null, null);
        return new IssuedPassword(account.getId(), account.getUsername(), password);
    }

    /**
     * The signed-in user changes their own password; the old one must be given. Their other
     * sessions end; this one goes on.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount account = accounts.findByUsername(currentUser.require().username()).orElseThrow();
        if (PasswordPolicy.tooLong(currentPassword) || !encoder.matches(currentPassword, account.getPasswordHash())) {
            throw RefusedException.onField("current", "password.error.current-wrong");
        }
        PasswordPolicy.violation(account.getUsername(), newPassword).ifPresent(key -> {
            throw RefusedException.onField("new", key, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_BYTES);
        });
        if (encoder.matches(newPassword, account.getPasswordHash())) {
            throw RefusedException.onField("new", "password.error.same-as-old");
        }
        account.setPasswordHash(encoder.encode(newPassword));
        account.setMustChangePassword(false);
        account.bumpSecurityStamp();
        SessionStamps.keepCurrentSession(account.getSecurityStamp());
    }

    @Transactional(readOnly = true)
    @OpenToAnyCaller("answers for the signed-in caller only; an anonymous caller gets false")
    public boolean mustChangePassword() {
        return CurrentUser.username().flatMap(accounts::findByUsername)
                .map(UserAccount::isMustChangePassword).orElse(false);
    }

    @Transactional(readOnly = true)
    @OpenToAnyCaller("answers for the signed-in caller only; a new anonymous session gets none")
    public Optional<Locale> preferredLocale() {
        return CurrentUser.username().flatMap(accounts::findByUsername)
                .map(UserAccount::getPreferredLocale).map(Locale::forLanguageTag);
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void savePreferredLocale(Locale locale) {
        CurrentUser.username().flatMap(accounts::findByUsername)
                .ifPresent(a -> a.setPreferredLocale(locale.toLanguageTag()));
    }

    @Transactional(readOnly = true)

    private void auditCreated(UserAccount account) {
        audit.record("account.create", AuditLog.Entity.ACCOUNT, account.getId(), account.getUsername(), null,
                Changes.of().field("audit.field.display-name", null, account.getDisplayName())
                        .field("audit.field.roles", null, rolesText(account.getRoles()))
                        .field("audit.field.scope", null, scopeText(account.getManagedUnitIds())).after());
    }

    private static String rolesText(java.util.Collection<Role> roles) {
        return roles.stream().sorted().map(r -> Changes.vietnamese(r.translationKey()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The managed units by id (the unit package, which names them, depends on this one). */
    private static String scopeText(java.util.Collection<Long> unitIds) {
        return unitIds.stream().sorted().map(id -> "#" + id).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
