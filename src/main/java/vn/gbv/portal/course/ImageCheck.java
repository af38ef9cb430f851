package vn.gbv.portal.course;

import vn.gbv.portal.base.RefusedException;

/**
 * Checks an image a trainer uploads into a lesson: its type by its first bytes (PNG, JPEG or
 * WebP, whatever the file name says), its size and its dimensions, read from the header without
 * decoding the picture.
 */
final class ImageCheck {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_SIDE = 4000;
    static final int MIN_SIDE = 8;

    /** A checked image: its type, its extension and its size in pixels. */
    record Image(String contentType, String extension, int width, int height) {
    }

    private ImageCheck() {
    }

    /**
     * @throws RefusedException with a key under {@code authoring.image.} naming the file
     */
    static Image check(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw RefusedException.of("authoring.image.empty", fileName);
        }
        if (bytes.length > MAX_BYTES) {
            throw RefusedException.of("authoring.image.too-large", fileName, bytes.length / 1024, MAX_BYTES / 1024);
        }
        Image image = read(bytes);
        if (image == null) {
            throw RefusedException.of("authoring.image.type", fileName);
        }
        if (image.width() < MIN_SIDE || image.height() < MIN_SIDE || image.width() > MAX_SIDE
                || image.height() > MAX_SIDE) {
            throw RefusedException.of("authoring.image.dimensions", fileName, image.width(), image.height(),
                    MIN_SIDE, MAX_SIDE);
        }
        return image;
    }

    /** The type and dimensions from the header; null when the bytes are not a PNG, JPEG or WebP we can read. */
    static Image read(byte[] b) {
        if (b.length >= 24 && u8(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
            return new Image("image/png", "png", be32(b, 16), be32(b, 20));
        }
        if (b.length >= 4 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
            return jpeg(b);
        }
        if (b.length >= 30 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return webp(b);
        }
        return null;
    }

    /** The first start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC) holds height then width. */
    private static Image jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if (u8(b, i) != 0xFF) {
                return null;
            }
            int marker = u8(b, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = be16(b, i + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                return new Image("image/jpeg", "jpg", be16(b, i + 7), be16(b, i + 5));
            }
            if (length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    private static Image webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            // Lossy: a key frame's start code, then 14-bit width and height.
            case "VP8 " -> u8(b, 23) == 0x9D && u8(b, 24) == 0x01 && u8(b, 25) == 0x2A
                    ? new Image("image/webp", "webp", le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF) : null;
            // Lossless: signature 0x2F, then 14-bit width-1 and height-1.
            case "VP8L" -> u8(b, 20) == 0x2F
                    ? new Image("image/webp", "webp", 1 + ((u8(b, 21) | (u8(b, 22) << 8)) & 0x3FFF),
                    1 + (((u8(b, 22) >> 6) | (u8(b, 23) << 2) | (u8(b, 24) << 10)) & 0x3FFF)) : null;
            // Extended: 24-bit canvas width-1 and height-1.
            case "VP8X" -> new Image("image/webp", "webp", 1 + le24(b, 24), 1 + le24(b, 27));
            default -> null;
        };
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int be16(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    private static int be32(byte[] b, int i) {
        return (u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    private static int le24(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8) | (u8(b, i + 2) << 16);
    }
}
