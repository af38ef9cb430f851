package vn.gbv.portal.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A course folder read once into memory, so that the content hash and the import see the same
 * bytes even while an author is still saving files. Paths are relative, with '/' separators.
 * Hidden files and folders (an editor's or the operating system's, e.g. .DS_Store) are not
 * content: they change neither the hash nor the course.
 */
final class CourseFolderSnapshot {

    /** The largest file a MEDIUMBLOB holds. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024 - 1;

    private final String folder;
    private final SortedMap<String, byte[]> files;
    private final SortedMap<String, Long> oversized;
    private final List<String> notRegular;

    private CourseFolderSnapshot(String folder, SortedMap<String, byte[]> files, SortedMap<String, Long> oversized,
                                 List<String> notRegular) {
        this.folder = folder;
        this.files = Collections.unmodifiableSortedMap(files);
        this.oversized = Collections.unmodifiableSortedMap(oversized);
        this.notRegular = List.copyOf(notRegular);
    }

    static CourseFolderSnapshot read(Path dir) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        SortedMap<String, Long> oversized = new TreeMap<>();
        List<String> notRegular = new java.util.ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(p -> !p.equals(dir)).toList()) {
                Path relative = dir.relativize(path);
                if (isHidden(relative) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String name = relativeName(relative);
                if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    notRegular.add(name);
                } else if (Files.size(path) > MAX_FILE_BYTES) {
                    oversized.put(name, Files.size(path));
                } else {
                    files.put(name, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the course folder " + dir, e);
        }
        return new CourseFolderSnapshot(dir.getFileName().toString(), files, oversized, notRegular);
    }

    /**
     * A folder kept elsewhere than on disk (a trainer's draft, a version's files, a ZIP): the same
     * files give the same content hash as the folder they came from. Hidden paths are left out as
     * when reading a folder.
     */
    static CourseFolderSnapshot of(String folder, java.util.Map<String, byte[]> files) {
        SortedMap<String, byte[]> kept = new TreeMap<>();
        SortedMap<String, Long> oversized = new TreeMap<>();
        files.forEach((name, bytes) -> {
            boolean hidden = java.util.Arrays.stream(name.split("/")).anyMatch(part -> part.startsWith("."));
            if (hidden) {
                return;
            }
            if (bytes.length > MAX_FILE_BYTES) {
                oversized.put(name, (long) bytes.length);
            } else {
                kept.put(name, bytes);
            }
        });
        return new CourseFolderSnapshot(folder, kept, oversized, List.of());
    }

    String folder() {
        return folder;
    }

    /** Every readable file, by relative path, in path order. */
    SortedMap<String, byte[]> files() {
        return files;
    }

    /** Files too large to keep in the database, with their size in bytes. */
    SortedMap<String, Long> oversized() {
        return oversized;
    }

    /** Symbolic links and other entries that are not plain files: they are not followed. */
    List<String> notRegular() {
        return notRegular;
    }

    /**
     * SHA-256 over every file in path order: its relative path, then its length and bytes (the
     * length keeps two different folders from hashing the same stream).
     */
    String contentHash() {
        MessageDigest digest = sha256();
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
            digest.update(bytes);
        });
        oversized.forEach((name, size) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 1);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(size).array());
        });
        notRegular.forEach(name -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 2);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relativeName(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
