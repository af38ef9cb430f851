package vn.gbv.portal.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.UnitScope;

/**
 * A unit's staff list: who works where, as what, and who is in the target population. Every
 * method checks the caller's unit scope itself: administrators reach every unit, a unit manager
 * only the units of their scope (a person belongs to the unit of their current membership).
 * A change of unit, category, position or target flag closes the current membership row at the
 * date and opens a new one; history is never rewritten.
 *
 * <p>Two rules are kept by the database as well, so that two people saving at once cannot break
 * them: an edit names the version it was made from and loses to a newer one (the person's
 * {@code @Version}), and a person has at most one open membership ({@code uk_membership_open}).
 * Every change is written to the audit trail.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
public class PersonService {

    public static final int BIRTH_YEAR_MIN = 1940;
    public static final int BIRTH_YEAR_MAX = 2010;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("[0-9+() .-]{6,30}");
    /** Số định danh cá nhân: the 12-digit personal identification number of the citizen ID card. */
    static final Pattern NATIONAL_ID = Pattern.compile("[0-9]{12}");
    static final int STAFF_CODE_MAX = 40;
    private static final String MASK = "••••••••";

    private final PersonRepository people;
    private final MembershipRepository memberships;
    private final UnitRepository units;
    private final PeopleQueries queries;
    private final UnitScope scope;
    private final PeopleAudit audit;
    private final Clock clock;

    PersonService(PersonRepository people, MembershipRepository memberships, UnitRepository units,
                  PeopleQueries queries, UnitScope scope, PeopleAudit audit, Clock clock) {
        this.people = people;
        this.memberships = memberships;
        this.units = units;
        this.queries = queries;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a person's record says about them. nationalId is the 12-digit số định danh cá nhân
     * (unique when present), staffCode the unit's own code for them; both optional.
     */
    public record PersonalDetails(String fullName, Sex sex, Integer birthYear, String phone, String email,
                                  String nationalId, String staffCode) {

        /** Without identifiers. */
        public PersonalDetails(String fullName, Sex sex, Integer birthYear, String phone, String email) {
            this(fullName, sex, birthYear, phone, email, null, null);
        }
    }

    /** What a membership row says: where, as what, in which position, and whether in the target population. */
    public record MembershipTerms(long unitId, StaffCategory category, String position, boolean inTarget) {
    }

    /** Filters of the staff list; null (or a blank name) means "any". */
    public record PersonFilter(String name, StaffCategory category, Boolean inTarget) {

        public static PersonFilter none() {
            return new PersonFilter(null, null, null);
        }
    }

    /**
     * A line of the staff list as of today. Of the national ID only the last four digits leave the
     * database, so that a list never shows whole numbers; staffCode is the unit's code for the person.
     */
    public record PersonRow(long personId, String fullName, Sex sex, Integer birthYear, StaffCategory category,
                            long unitId, String unitName, String position, boolean inTarget, LocalDate since,
                            String nationalIdLast4, String staffCode) {

        /** e.g. "••••••••1234", or null without a national ID. */
        public String maskedNationalId() {
            return nationalIdLast4 == null ? null : MASK + nationalIdLast4;
        }
    }

    public record MembershipRecord(long id, long unitId, String unitName, StaffCategory category, String position,
                                   boolean inTarget, LocalDate validFrom, LocalDate validTo) {

        public boolean isCurrent() {
            return validTo == null;
        }
    }

    /**
     * A person with their membership history, newest first. version is the record's version when
     * read: an edit hands it back, so that an edit made from an older version is refused.
     */
    public record PersonDetails(long id, long version, PersonalDetails details, List<MembershipRecord> memberships) {

        public Optional<MembershipRecord> current() {
            return memberships.stream().filter(MembershipRecord::isCurrent).findFirst();
        }
    }

    /** The people of a unit and of every unit below it, as of today, by name. */
    @Transactional(readOnly = true)
    public List<PersonRow> search(long unitId, PersonFilter filter, int offset, int limit) {
        scope.requireManageable(unitId);
        return queries.staff(unitId, filter, today(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(long unitId, PersonFilter filter) {
        scope.requireManageable(unitId);
        return queries.count(unitId, filter, today());
    }

    @Transactional(readOnly = true)
    public PersonDetails person(long personId) {
        requireScopeOf(personId);
        Person person = people.findById(personId).orElseThrow();
        return new PersonDetails(person.getId(), person.getVersion(), detailsOf(person), queries.history(personId));
    }

    /** A new person with their first membership, from a date. */
    @Transactional
    public long create(PersonalDetails details, MembershipTerms terms, LocalDate from) {
        scope.requireManageable(terms.unitId());
        PersonalDetails clean = checked(details, null);
        MembershipTerms cleanTerms = checked(terms, from);
        Person person = written(() -> {
            Person saved = people.save(new Person(clean));
            memberships.save(new Membership(saved.getId(), cleanTerms, from));
            return saved;
        });
        audit.created(person.getId(), clean, unitName(cleanTerms.unitId()), cleanTerms, from);
        return person.getId();
    }

    /**
     * Saves a person's details edited from the given version of the record. When someone else
     * saved the person since (the version moved on), the edit is refused rather than overwriting
     * theirs: checked here, and by the version column at the update itself for two saves at once.
     */
    @Transactional
    public void updateDetails(long personId, long version, PersonalDetails details) {
        requireScopeOf(personId);
        Person person = people.findById(personId).orElseThrow();
        if (person.getVersion() != version) {
            throw refused("people.error.stale");
        }
        PersonalDetails before = detailsOf(person);
        PersonalDetails clean = checked(details, personId);
        written(() -> {
            person.update(clean);
            return person;
        });
        audit.updated(personId, before, clean);
    }

    /**
     * A transfer to another unit, or a new category, position or target flag, from a date: the
     * current row is closed at the date and a new one opened. Both units must be in the caller's scope.
     */
    @Transactional
    public void changeMembership(long personId, MembershipTerms terms, LocalDate from) {
        requireScopeOf(personId);
        scope.requireManageable(terms.unitId());
        Membership current = currentMembership(personId);
        MembershipTerms cleanTerms = checked(terms, from);
        if (cleanTerms.equals(current.terms())) {
            throw refused("people.error.no-change");
        }
        requireAfter(current.getValidFrom(), from);
        MembershipTerms old = current.terms();
        written(() -> {
            // The closed row first: the database allows one open row per person at any moment.
            current.close(from);
            memberships.flush();
            return memberships.save(new Membership(personId, cleanTerms, from));
        });
        audit.membershipChanged(personId, personName(personId), old, unitName(old.unitId()), cleanTerms,
                unitName(cleanTerms.unitId()), from);
    }

    /** The person leaves: their current row ends at the date (exclusive) and no new one is opened. */
    @Transactional
    public void endMembership(long personId, LocalDate on) {
        requireScopeOf(personId);
        requireDate(on);
        Membership current = currentMembership(personId);
        requireAfter(current.getValidFrom(), on);
        current.close(on);
        audit.left(personId, personName(personId), unitName(current.getUnitId()), on);
    }

    /**
     * Sends the pending writes now, so that the database's own rules answer inside this method
     * and reach the user as refusals: the person's version (two saves at once), the one open
     * membership per person, and a national ID already in use.
     */
    private <T> T written(Supplier<T> writes) {
        try {
            T result = writes.get();
            people.flush();
            return result;
        } catch (ObjectOptimisticLockingFailureException stale) {
            throw refused("people.error.stale");
        } catch (DataIntegrityViolationException violation) {
            String cause = String.valueOf(violation.getMostSpecificCause().getMessage());
            if (cause.contains("uk_membership_open")) {
                throw refused("people.error.membership-open");
            }
            if (cause.contains("uk_person_national_id")) {
                throw refusedOn("nationalId", "people.error.national-id-taken");
            }
            throw violation;
        }
    }

    private static PersonalDetails detailsOf(Person person) {
        return new PersonalDetails(person.getFullName(), person.getSex(), person.getBirthYear(),
                person.getPhone(), person.getEmail(), person.getNationalId(), person.getStaffCode());
    }

    /** "••••••••1234": enough to tell two people apart, too little to misuse. */
    public static String mask(String nationalId) {
        return nationalId == null ? null : MASK + nationalId.substring(nationalId.length() - 4);
    }

    private String unitName(long unitId) {
        return units.findById(unitId).map(Unit::getName).orElse(null);
    }

    private String personName(long personId) {
        return people.findById(personId).map(Person::getFullName).orElse(null);
    }

    private void requireScopeOf(long personId) {
        long unitId = queries.scopeUnitOf(personId)
                .orElseThrow(() -> new NoSuchElementException("person " + personId + " has no membership"));
        scope.requireManageable(unitId);
    }

    private Membership currentMembership(long personId) {
        return memberships.findByPersonIdAndValidToIsNull(personId)
                .orElseThrow(() -> refused("people.error.no-current-membership"));
    }

    /** personId: the person edited, or null for a new one (a national ID may be theirs already). */
    private PersonalDetails checked(PersonalDetails details, Long personId) {
        String name = details.fullName() == null ? "" : details.fullName().strip();
        if (name.isEmpty()) {
            throw refusedOn("fullName", "people.error.name-required");
        }
        if (name.length() > 200) {
            throw refusedOn("fullName", "people.error.name-too-long");
        }
        if (details.sex() == null) {
            throw refusedOn("sex", "people.error.sex-required");
        }
        Integer year = details.birthYear();
        if (year != null && (year < BIRTH_YEAR_MIN || year > BIRTH_YEAR_MAX)) {
            throw refusedOn("birthYear", "people.error.birth-year", BIRTH_YEAR_MIN, BIRTH_YEAR_MAX);
        }
        String phone = blankToNull(details.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw refusedOn("phone", "people.error.phone");
        }
        String email = blankToNull(details.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw refusedOn("email", "people.error.email");
        }
        String nationalId = details.nationalId() == null ? null : details.nationalId().replaceAll("\\s", "");
        if (nationalId != null && nationalId.isEmpty()) {
            nationalId = null;
        }
        if (nationalId != null && !NATIONAL_ID.matcher(nationalId).matches()) {
            throw refusedOn("nationalId", "people.error.national-id-format");
        }
        if (nationalId != null && (personId == null ? people.existsByNationalId(nationalId)
                : people.existsByNationalIdAndIdNot(nationalId, personId))) {
            // Says only that the number is taken: whose it is may be outside the caller's scope.
            throw refusedOn("nationalId", "people.error.national-id-taken");
        }
        String staffCode = blankToNull(details.staffCode());
        if (staffCode != null && staffCode.length() > STAFF_CODE_MAX) {
            throw refusedOn("staffCode", "people.error.staff-code-too-long", STAFF_CODE_MAX);
        }
        return new PersonalDetails(name, details.sex(), year, phone, email, nationalId, staffCode);
    }

    private MembershipTerms checked(MembershipTerms terms, LocalDate from) {
        requireDate(from);
        if (terms.category() == null) {
            throw refusedOn("category", "people.error.category-required");
        }
        Unit unit = units.findById(terms.unitId()).orElseThrow();
        if (!unit.isOpen()) {
            throw refusedOn("unit", "people.error.unit-closed");
        }
        if (from.isBefore(unit.getValidFrom())) {
            throw refusedOn("unit", "people.error.before-unit");
        }
        String position = blankToNull(terms.position());
        if (position != null && position.length() > 200) {
            throw refusedOn("position", "people.error.position-too-long");
        }
        return new MembershipTerms(terms.unitId(), terms.category(), position, terms.inTarget());
    }

    private void requireDate(LocalDate date) {
        if (date == null) {
            throw refusedOn("date", "people.error.date-required");
        }
        if (date.isAfter(today())) {
            throw refusedOn("date", "people.error.future-date");
        }
    }

    private static void requireAfter(LocalDate start, LocalDate date) {
        if (!date.isAfter(start)) {
            throw refusedOn("date", "people.error.date-too-early");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static RefusedException refused(String key) {
        return RefusedException.of(key);
    }

    /**
     * A refusal about one field of the person dialog: fullName, sex, birthYear, phone, email,
     * nationalId, staffCode, unit, category, position or date.
     */
    private static RefusedException refusedOn(String field, String key, Object... args) {
        return RefusedException.onField(field, key, args);
    }
}
