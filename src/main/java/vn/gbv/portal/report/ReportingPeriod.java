package vn.gbv.portal.report;

import java.time.LocalDate;

/** A reporting period (migration V7): the date figures are taken at and the two deadlines. */
public record ReportingPeriod(long id, String code, String name, Kind kind, LocalDate startsOn, LocalDate endsOn,
                              LocalDate figuresOn, LocalDate unitsDueOn, LocalDate consolidationDueOn, long version) {

    public enum Kind { ANNUAL, SEMIANNUAL }

    /** A submission on this local day is late. */
    public boolean lateOn(LocalDate day) {
        return day.isAfter(unitsDueOn);
    }
}
