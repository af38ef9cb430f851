package vn.gbv.portal.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.security.UnitScope;

/**
 * A unit's staff list: who works where, as what, and who is in the target population. Every
 * method checks the caller's unit scope itself: administrators reach every unit, a unit manager
 * only the units of their scope (a person belongs to the unit of their current membership).
 * A change of unit, category, position or target flag closes the current membership row at the
 * date and opens a new one; history is never rewritten.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','UNIT_MANAGER')")
public class PersonService {

    public static final int BIRTH_YEAR_MIN = 1940;
    public static final int BIRTH_YEAR_MAX = 2010;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("[0-9+() .-]{6,30}");

    private final PersonRepository people;
    private final MembershipRepository memberships;
    private final UnitRepository units;
    private final PeopleQueries queries;
    private final UnitScope scope;
    private final Clock clock;

    PersonService(PersonRepository people, MembershipRepository memberships, UnitRepository units,
                  PeopleQueries queries, UnitScope scope, Clock clock) {
        this.people = people;
        this.memberships = memberships;
        this.units = units;
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
    }

    public record PersonalDetails(String fullName, Sex sex, Integer birthYear, String phone, String email) {
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

    /** A line of the staff list as of today. */
    public record PersonRow(long personId, String fullName, Sex sex, Integer birthYear, StaffCategory category,
                            long unitId, String unitName, String position, boolean inTarget, LocalDate since) {
    }

    public record MembershipRecord(long id, long unitId, String unitName, StaffCategory category, String position,
                                   boolean inTarget, LocalDate validFrom, LocalDate validTo) {

        public boolean isCurrent() {
            return validTo == null;
        }
    }

    /** A person with their membership history, newest first. */
    public record PersonDetails(long id, PersonalDetails details, List<MembershipRecord> memberships) {

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
        return new PersonDetails(person.getId(),
                new PersonalDetails(person.getFullName(), person.getSex(), person.getBirthYear(),
                        person.getPhone(), person.getEmail()),
                queries.history(personId));
    }

    /** A new person with their first membership, from a date. */
    @Transactional
    public long create(PersonalDetails details, MembershipTerms terms, LocalDate from) {
        scope.requireManageable(terms.unitId());
        PersonalDetails clean = checked(details);
        MembershipTerms cleanTerms = checked(terms, from);
        Person person = people.save(new Person(clean));
        memberships.save(new Membership(person.getId(), cleanTerms, from));
        return person.getId();
    }

    @Transactional
    public void updateDetails(long personId, PersonalDetails details) {
        requireScopeOf(personId);
        Person person = people.findById(personId).orElseThrow();
        person.update(checked(details));
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
        current.close(from);
        memberships.save(new Membership(personId, cleanTerms, from));
    }

    /** The person leaves: their current row ends at the date (exclusive) and no new one is opened. */
    @Transactional
    public void endMembership(long personId, LocalDate on) {
        requireScopeOf(personId);
        requireDate(on);
        Membership current = currentMembership(personId);
        requireAfter(current.getValidFrom(), on);
        current.close(on);
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

    private PersonalDetails checked(PersonalDetails details) {
        String name = details.fullName() == null ? "" : details.fullName().strip();
        if (name.isEmpty()) {
            throw refused("people.error.name-required");
        }
        if (name.length() > 200) {
            throw refused("people.error.name-too-long");
        }
        if (details.sex() == null) {
            throw refused("people.error.sex-required");
        }
        Integer year = details.birthYear();
        if (year != null && (year < BIRTH_YEAR_MIN || year > BIRTH_YEAR_MAX)) {
            throw refused("people.error.birth-year");
        }
        String phone = blankToNull(details.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw refused("people.error.phone");
        }
        String email = blankToNull(details.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw refused("people.error.email");
        }
        return new PersonalDetails(name, details.sex(), year, phone, email);
    }

    private MembershipTerms checked(MembershipTerms terms, LocalDate from) {
        requireDate(from);
        if (terms.category() == null) {
            throw refused("people.error.category-required");
        }
        Unit unit = units.findById(terms.unitId()).orElseThrow();
        if (!unit.isOpen()) {
            throw refused("people.error.unit-closed");
        }
        if (from.isBefore(unit.getValidFrom())) {
            throw refused("people.error.before-unit");
        }
        String position = blankToNull(terms.position());
        if (position != null && position.length() > 200) {
            throw refused("people.error.position-too-long");
        }
        return new MembershipTerms(terms.unitId(), terms.category(), position, terms.inTarget());
    }

    private void requireDate(LocalDate date) {
        if (date == null) {
            throw refused("people.error.date-required");
        }
        if (date.isAfter(today())) {
            throw refused("people.error.future-date");
        }
    }

    private static void requireAfter(LocalDate start, LocalDate date) {
        if (!date.isAfter(start)) {
            throw refused("people.error.date-too-early");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ChangeRefusedException refused(String key) {
        return new ChangeRefusedException(key);
    }
}
