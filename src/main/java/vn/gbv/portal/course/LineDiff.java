package vn.gbv.portal.course;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence, for the readable difference between two versions of
 * a lesson or a question (texts of a few hundred lines: the quadratic table is small).
 */
final class LineDiff {

    enum Kind {
        SAME, ADDED, REMOVED
    }

    record Line(Kind kind, String text) {

        /** "+ ", "- " or "  ": the change is readable without colour too. */
        String marked() {
            return switch (kind) {
                case ADDED -> "+ " + text;
                case REMOVED -> "- " + text;
                case SAME -> "  " + text;
            };
        }
    }

    private LineDiff() {
    }

    static List<Line> diff(String before, String after) {
        return diff(lines(before), lines(after));
    }

    static List<Line> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a.get(i++)));
            } else {
                out.add(new Line(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Line(Kind.REMOVED, a.get(i++)));
        }
        while (j < m) {
            out.add(new Line(Kind.ADDED, b.get(j++)));
        }
        return out;
    }

    static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
    }
}
