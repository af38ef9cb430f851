package vn.gbv.portal.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The programme's settings in force over a period (one programme_rule row and what hangs off it):
 * the window, the target (I.2.d: 80%), yearly milestones, the groups a person must satisfy to be
 * "trained", and the staff categories and unit types that make up the target population.
 *
 * @param validTo exclusive; null while still in force
 */
public record ProgrammeSettings(long ruleId, String name, LocalDate validFrom, LocalDate validTo,
                                LocalDate windowFrom, LocalDate windowTo, BigDecimal targetPercent,
                                SortedMap<Integer, BigDecimal> milestones, Set<String> requiredGroups,
                                Set<String> categories, Set<String> unitTypes) {

    public boolean inWindow(LocalDate date) {
        return !date.isBefore(windowFrom) && !date.isAfter(windowTo);
    }

    /** The milestone of the date's year; the target in a year without one. */
    public BigDecimal milestoneFor(LocalDate date) {
        return milestones.getOrDefault(date.getYear(), targetPercent);
    }

    /** The settings a change asks for, from a date (a new rule row). */
    public record Change(String name, LocalDate from, LocalDate windowFrom, LocalDate windowTo,
                         BigDecimal targetPercent, Map<Integer, BigDecimal> milestones,
                         Set<String> requiredGroups, Set<String> categories, Set<String> unitTypes) {
    }

    /** A programme group a course can count for. */
    public record Group(String code, String nameVi, String nameEn) {

        public String name(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }
}
