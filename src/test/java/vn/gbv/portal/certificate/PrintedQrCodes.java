package vn.gbv.portal.certificate;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the QR code printed on a certificate's first page, as a phone camera would: at 150 dpi;
 * if the single-code reader takes a wrong trio of finder-like shapes in the text around it (one CI
 * run in seven failed so, with a FormatException), the reader that tries every trio; then, as a
 * camera moving closer, at 300 dpi. Fails when no code reads at all.
 */
public final class PrintedQrCodes {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private PrintedQrCodes() {
    }

    /** The first page at a resolution. */
    public static BufferedImage pageImage(byte[] pdf, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi);
        }
    }

    /** The text of the QR code on the first page. */
    public static String read(byte[] pdf) throws IOException {
        ReaderException last = null;
        for (int dpi : new int[] {150, 300}) {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(pageImage(pdf, dpi))));
            try {
                return new QRCodeReader().decode(bitmap, HINTS).getText();
            } catch (ReaderException e) {
                last = e;
            }
            try {
                Result[] found = new QRCodeMultiReader().decodeMultiple(bitmap, HINTS);
                if (found.length > 0) {
                    return found[0].getText();
                }
            } catch (ReaderException e) {
                last = e;
            }
        }
        throw new AssertionError("no QR code could be read on the page", last);
    }
}
