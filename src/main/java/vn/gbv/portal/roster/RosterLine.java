package vn.gbv.portal.roster;

import vn.gbv.portal.unit.Sex;
import vn.gbv.portal.unit.StaffCategory;

/**
 * A roster row once cleaned and matched, as the preview keeps it (import_row.payload) and the
 * commit writes it. For a matched person: the rule that matched, the record's version and their
 * open membership as read at preview, so that a commit refuses what changed in between.
 */
public record RosterLine(String fullName, Sex sex, Integer birthYear, StaffCategory category, Long unitId,
                         String unitCode, String position, String phone, String email, boolean inTarget,
                         String nationalId, String staffCode, MatchRule matchedBy, Long personId, Long personVersion,
                         Long membershipId) {

    /** How a row found its person (issue 17: national ID, else staff code, else name and birth year in the unit). */
    public enum MatchRule {
        NATIONAL_ID, STAFF_CODE, NAME_AND_BIRTH_YEAR;

        public String translationKey() {
            return "roster.import.matched." + name();
        }
    }

    RosterLine matched(MatchRule rule, long person, long version, Long membership) {
        return new RosterLine(fullName, sex, birthYear, category, unitId, unitCode, position, phone, email, inTarget,
                nationalId, staffCode, rule, person, version, membership);
    }

    /** The person's details as they were (for undo), with the unit fields left out. */
    static RosterLine detailsOf(RosterQueries.Candidate c) {
        return new RosterLine(c.fullName(), c.sex(), c.birthYear(), null, null, null, null, c.phone(), c.email(), false,
                c.nationalId(), c.staffCode(), null, c.personId(), c.version(), null);
    }
}
