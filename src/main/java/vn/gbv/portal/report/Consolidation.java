package vn.gbv.portal.report;

import java.time.LocalDate;
import java.util.List;
import vn.gbv.portal.coverage.Figures;
import vn.gbv.portal.report.ReportContent.Activity;
import vn.gbv.portal.report.ReportContent.Row;

/**
 * Where the units' reports of a period stand, and the sums of the submitted ones only (their
 * snapshots, never live figures). A unit whose newest version was returned counts as not
 * submitted until it submits again.
 */
record Consolidation(ReportingPeriod period, String rootCode, String rootName, String place, LocalDate dated,
                            List<UnitStatus> units, Figures total, List<Row> bySex, List<Row> byCategory,
                            List<Activity> activity) {

    public enum Status { SUBMITTED, RETURNED, MISSING }

    public record UnitStatus(long unitId, String code, String name, Status status, Long submissionId, int version,
                             LocalDate submittedOn, boolean late, long population, long trained, String returnReason) {
    }

    public List<UnitStatus> submitted() {
        return units.stream().filter(u -> u.status() == Status.SUBMITTED).toList();
    }

    public List<UnitStatus> notSubmitted() {
        return units.stream().filter(u -> u.status() != Status.SUBMITTED).toList();
    }

    public long lateCount() {
        return submitted().stream().filter(UnitStatus::late).count();
    }

    public long returnedCount() {
        return units.stream().filter(u -> u.status() == Status.RETURNED).count();
    }
}
