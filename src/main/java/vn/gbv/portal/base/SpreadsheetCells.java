package vn.gbv.portal.base;

/**
 * The one place that makes text safe for a spreadsheet (CSV or XLSX): a cell that starts with
 * = + - @, a tab or a carriage return could be read as a formula by Excel or LibreOffice
 * ("CSV injection"), so it gets a leading apostrophe and stays text. Every text cell written to a
 * CSV or XLSX file goes through {@link #inert(String)}; numbers are written as numbers and need
 * nothing.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The text as a spreadsheet shows it literally; null stays null. */
    public static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
