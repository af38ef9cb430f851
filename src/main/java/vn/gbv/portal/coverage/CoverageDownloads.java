package vn.gbv.portal.coverage;

/**
 * The dashboard's figures of a unit at a date as files for a meeting (PDF, XLSX). Implemented by
 * the reports feature, which owns the document writers; the dashboard only asks for the bytes,
 * so coverage does not depend on reports. Implementations check the caller's scope.
 */
public interface CoverageDownloads {

    enum Format { PDF, XLSX }

    record File(String name, String mimeType, byte[] bytes) {
    }

    File coverageOfDay(String unitCode, java.time.LocalDate date, Format format);
}
