package vn.gbv.portal.imports;

/**
 * One write of a commit, kept for undo: its order, the row it came from, a kind-specific name
 * (roster: PERSON_CREATED, PERSON_UPDATED, MEMBERSHIP_OPENED, MEMBERSHIP_CLOSED), the record
 * written and what undo needs to take it back (JSON).
 */
public record ImportEffect(int seq, Integer rowNo, String kind, long targetId, String data) {
}
