package vn.gbv.portal.unit;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.unit.PersonService.MembershipTerms;
import vn.gbv.portal.unit.PersonService.PersonalDetails;

/**
 * What each change to the staff list writes to the audit trail: the changed fields only, the
 * national ID masked as in lists. Called by {@link PersonService} in the change's transaction;
 * it is handed names, not ids, so it reads nothing itself.
 */
@Component
class PeopleAudit {

    private static final PersonalDetails NOTHING = new PersonalDetails(null, null, null, null, null);

    private final AuditLog audit;

    PeopleAudit(AuditLog audit) {
        this.audit = audit;
    }

    void created(long personId, PersonalDetails details, String unitName, MembershipTerms terms, LocalDate from) {
        audit.record("person.create", AuditLog.Entity.PERSON, personId, details.fullName(), null,
                detailChanges(NOTHING, details)
                        .field("audit.field.unit", null, unitName)
                        .translatedField("audit.field.category", null, terms.category().translationKey())
                        .field("audit.field.valid-from", null, from).after());
    }

    void updated(long personId, PersonalDetails before, PersonalDetails after) {
        Changes changes = detailChanges(before, after);
        if (!changes.isEmpty()) {
            audit.record("person.update", AuditLog.Entity.PERSON, personId, after.fullName(),
                    changes.before(), changes.after());
        }
    }

    /** A transfer when the unit changed, else a change of category, position or target flag. */
    void membershipChanged(long personId, String personName, MembershipTerms old, String oldUnitName,
                           MembershipTerms now, String newUnitName, LocalDate from) {
        Changes changes = Changes.of()
                .field("audit.field.unit", oldUnitName, newUnitName)
                .translatedField("audit.field.category", old.category().translationKey(), now.category().translationKey())
                .field("audit.field.position", old.position(), now.position())
                .translatedField("audit.field.in-target", yesNo(old.inTarget()), yesNo(now.inTarget()));
        audit.record(old.unitId() == now.unitId() ? "membership.change" : "membership.transfer",
                AuditLog.Entity.MEMBERSHIP, personId, personName,
                changes.before(), changes.after() + "; " + fromText(from));
    }

    void left(long personId, String personName, String unitName, LocalDate on) {
        audit.record("membership.leave", AuditLog.Entity.MEMBERSHIP, personId, personName,
                Changes.of().field("audit.field.unit", null, unitName).after(),
                Changes.of().field("audit.field.valid-to", null, on).after());
    }

    private static Changes detailChanges(PersonalDetails before, PersonalDetails after) {
        return Changes.of()
                .field("audit.field.full-name", before.fullName(), after.fullName())
                .translatedField("audit.field.sex", before.sex() == null ? null : before.sex().translationKey(),
                        after.sex().translationKey())
                .field("audit.field.birth-year", before.birthYear(), after.birthYear())
                .field("audit.field.phone", before.phone(), after.phone())
                .field("audit.field.email", before.email(), after.email())
                .field("audit.field.national-id", PersonService.mask(before.nationalId()),
                        PersonService.mask(after.nationalId()))
                .field("audit.field.staff-code", before.staffCode(), after.staffCode());
    }

    private static String yesNo(boolean value) {
        return value ? "people.yes" : "people.no";
    }

    private static String fromText(LocalDate from) {
        return Changes.of().field("audit.field.valid-from", null, from).after();
    }
}
