package vn.gbv.portal.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import vn.gbv.portal.coverage.Figures;

/**
 * What a unit's report says: everything the PDF, XLSX and CSV print, as data. A preview builds it
 * live from the coverage service; a submission stores it as JSON (and its figures as rows) and
 * renders from the stored copy only, so a submitted report never changes.
 *
 * @param attestation the roster attestation line, or null when the roster was not attested
 */
record ReportContent(String unitCode, String unitName, String unitType, String governingBody, String symbol,
                     Integer number, String place, LocalDate dated,
                     String periodCode, String periodName, LocalDate periodFrom, LocalDate figuresOn, LocalDate dueOn,
                     long population, long trained, BigDecimal milestone, BigDecimal target, int milestoneYear,
                     int targetYear, List<Row> bySex, List<Row> byCategory, List<Row> byChild, List<Row> byGroups,
                     List<Activity> activity, Attestation attestation, Texts texts) {

    /** One line of a breakdown: counts only; percentages are worked out when printed. */
    record Row(String key, String label, long population, long trained) {

        Figures figures() {
            return new Figures(population, trained);
        }
    }

    /** Training activity in the period by completion source (ONLINE, CLASS, IMPORT). */
    record Activity(String source, String label, long completions, long people, long female, long male) {
    }

    /** The newest roster attestation of the unit for the period, as it was when the report was built. */
    record Attestation(LocalDate asOf, long population, String attestedName, LocalDate attestedOn) {
    }

    /** The manager's words and the signature. */
    record Texts(String activities, String results, String difficulties, String proposals, String signerTitle,
                 String signerName) {

        static final Texts EMPTY = new Texts("", "", "", "", "", "");
    }

    Figures figures() {
        return new Figures(population, trained);
    }

    ReportContent numbered(int documentNumber, LocalDate on) {
        return new ReportContent(unitCode, unitName, unitType, governingBody, symbol, documentNumber, place, on,
                periodCode, periodName, periodFrom, figuresOn, dueOn, population, trained, milestone, target, milestoneYear,
                targetYear, bySex, byCategory, byChild, byGroups, activity, attestation, texts);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static ReportContent fromJson(String json) {
        return JSON.readValue(json, ReportContent.class);
    }
}
