package vn.gbv.portal.course;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.gbv.portal.i18n.PortalI18nProvider;

/** Collects the problems of one course folder; messages are Vietnamese, for the course's authors. */
final class CourseProblems {

    private final String folder;
    private final List<CourseProblem> problems = new ArrayList<>();

    CourseProblems(String folder) {
        this.folder = folder;
    }

    /** {@code key} is a translation key below {@code course.problem.}; arguments are shown as written. */
    void add(String file, Integer line, String key, Object... args) {
        // Arguments as text: MessageFormat would otherwise print a line 1234 as "1.234".
        Object[] shown = Arrays.stream(args).map(String::valueOf).toArray();
        problems.add(new CourseProblem(folder, file, line,
                PortalI18nProvider.translate(PortalI18nProvider.VIETNAMESE, "course.problem." + key, shown)));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<CourseProblem> all() {
        return List.copyOf(problems);
    }
}
