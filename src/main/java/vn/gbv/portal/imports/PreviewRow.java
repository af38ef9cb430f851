package vn.gbv.portal.imports;

import java.util.List;

/**
 * One row of a preview as kept in import_row: the spreadsheet row number, the outcome, the matched
 * record (if any), the cleaned row as JSON (kind-specific; read back at commit) and the messages.
 */
public record PreviewRow(int rowNo, RowOutcome outcome, Long targetId, String payload, List<RowMessage> messages) {

    public PreviewRow {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
