package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image header reader (PNG, JPEG, WebP by magic bytes) and the line diff, without a database. */
class ImageCheckAndDiffTest {

    @Test
    void pngAndJpegAreRecognisedByTheirBytesWithTheirSize() throws IOException {
        assertThat(ImageCheck.read(AuthoringServiceTest.png(640, 480)))
                .isEqualTo(new ImageCheck.Image("image/png", "png", 640, 480));
        var image = new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        assertThat(ImageCheck.read(out.toByteArray())).isEqualTo(new ImageCheck.Image("image/jpeg", "jpg", 300, 200));
    }

    @Test
    void webpHeadersOfTheThreeKindsAreRead() {
        // VP8X (extended): canvas width-1 and height-1 as 24-bit little-endian at bytes 24 and 27
        byte[] vp8x = riff("VP8X");
        vp8x[24] = (byte) 0x1F; // 800 - 1 = 0x31F
        vp8x[25] = (byte) 0x03;
        vp8x[27] = (byte) 0x57; // 600 - 1 = 0x257
        vp8x[28] = (byte) 0x02;
        assertThat(ImageCheck.read(vp8x)).isEqualTo(new ImageCheck.Image("image/webp", "webp", 800, 600));
        // VP8 (lossy): start code 9d 01 2a, then 14-bit width and height
        byte[] vp8 = riff("VP8 ");
        vp8[23] = (byte) 0x9D;
        vp8[24] = 0x01;
        vp8[25] = 0x2A;
        vp8[26] = (byte) 0x40; // 320
        vp8[27] = 0x01;
        vp8[28] = (byte) 0xF0; // 240
        vp8[29] = 0x00;
        assertThat(ImageCheck.read(vp8)).isEqualTo(new ImageCheck.Image("image/webp", "webp", 320, 240));
        assertThat(ImageCheck.read("RIFF....WEBPXXXX............................".getBytes())).isNull();
    }

    @Test
    void aRenamedTextFileOrAGifIsNotAcceptedAsAnImage() {
        assertThatThrownBy(() -> ImageCheck.check("anh.png", "<svg/>".getBytes())).hasMessage("authoring.image.type");
        assertThatThrownBy(() -> ImageCheck.check("anh.gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes()))
                .hasMessage("authoring.image.type");
        assertThatThrownBy(() -> ImageCheck.check("rong.png", new byte[0])).hasMessage("authoring.image.empty");
    }

    @Test
    void theLineDiffMarksAddedAndRemovedLines() {
        List<LineDiff.Line> lines = LineDiff.diff("a\nb\nc\nd", "a\nc\nd\ne");
        assertThat(lines).extracting(LineDiff.Line::marked).containsExactly("  a", "- b", "  c", "  d", "+ e");
        assertThat(LineDiff.changed(LineDiff.diff("x\ny", "x\ny"))).isFalse();
        assertThat(LineDiff.diff("", "mới")).extracting(LineDiff.Line::marked).containsExactly("+ mới");
    }

    private static byte[] riff(String chunk) {
        byte[] b = new byte[32];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        System.arraycopy("WEBP".getBytes(), 0, b, 8, 4);
        System.arraycopy(chunk.getBytes(), 0, b, 12, 4);
        return b;
    }
}
