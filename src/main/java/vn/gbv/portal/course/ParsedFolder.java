package vn.gbv.portal.course;

import java.util.List;
import java.util.Optional;

/**
 * A course folder after reading and checking: its code when course.yaml gave a valid one, its
 * content hash, and either a draft to import or the problems found.
 */
record ParsedFolder(String folder, String code, Integer codeLine, String contentHash, CourseDraft draft,
                    List<CourseProblem> problems) {

    Optional<CourseDraft> valid() {
        return problems.isEmpty() ? Optional.ofNullable(draft) : Optional.empty();
    }

    ParsedFolder withProblem(CourseProblem problem) {
        List<CourseProblem> more = new java.util.ArrayList<>(problems);
        more.add(problem);
        return new ParsedFolder(folder, code, codeLine, contentHash, null, List.copyOf(more));
    }
}
