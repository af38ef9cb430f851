package vn.gbv.portal.pasttraining;

import java.time.LocalDate;

/**
 * A row of a past-training file as the preview keeps it (import_row.payload, JSON) and the commit
 * reads it back. For a row in error only what could be read is filled (the person and course as
 * typed), so that the preview still shows which row it is.
 *
 * @param personId     the matched person; null in an error row
 * @param person       the person's name as recorded (or as typed, in an error row)
 * @param birthYear    as recorded
 * @param unit         the person's unit (current, else last) as recorded
 * @param matchedBy    how the person was found: NATIONAL_ID, STAFF_CODE or NAME
 * @param courseId     the matched course
 * @param courseCode   the course code as recorded (or as typed)
 * @param supersedesId the revoked import record of the same person and course this one follows
 *                     (a completion after a revocation supersedes the revoked row, V3)
 */
public record PastTrainingLine(Long personId, String person, Integer birthYear, String unit, String matchedBy,
                               Long courseId, String courseCode, LocalDate completedOn, Integer score,
                               String place, String trainer, Long supersedesId) {
}
