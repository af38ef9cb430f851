package vn.gbv.portal.imports;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.util.function.BiConsumer;
import vn.gbv.portal.base.UploadTexts;

/** The upload field of an import page: one XLSX or CSV file of at most 20 MB, kept in a temporary file. */
public final class SpreadsheetUpload {

    private SpreadsheetUpload() {
    }

    /** The field; {@code read} gets the file's name and the temporary file in the UI's thread. */
    public static Upload create(BiConsumer<String, File> read) {
        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) ->
                upload.getUI().ifPresent(ui -> ui.access(() -> read.accept(metadata.fileName(), file)))));
        upload.setAcceptedFileTypes(".xlsx", ".csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(20 * 1024 * 1024);
        UploadTexts.translate(upload);
        return upload;
    }
}
