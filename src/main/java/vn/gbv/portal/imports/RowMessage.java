package vn.gbv.portal.imports;

import java.util.List;

/**
 * A line the preview shows for a row, in the reader's language: the column it concerns (its
 * header, or null for the row as a whole), a translation key and the key's arguments. An error
 * row's messages are its reasons; an update's are its changes ("Chức vụ: old → new").
 */
public record RowMessage(String column, String key, List<String> args) {

    public RowMessage {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static RowMessage of(String column, String key, Object... args) {
        return new RowMessage(column, key, java.util.Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList());
    }
}
