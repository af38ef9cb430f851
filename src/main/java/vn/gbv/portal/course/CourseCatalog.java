package vn.gbv.portal.course;

import java.util.List;
import java.util.Optional;

/**
 * What the rest of the portal reads of courses: the published catalogue, a version's outline,
 * lessons (sanitized HTML) and quizzes. Quiz definitions carry the right answers and are for
 * server-side scoring only: never hand them to a view as they are.
 */
public interface CourseCatalog {

    /** The current version of every published course, ordered by title. */
    List<CourseCard> published();

    Optional<CourseCard> card(String courseCode);

    Optional<CourseOutline> outline(long courseVersionId);

    Optional<LessonContent> lesson(long lessonId);

    Optional<QuizDefinition> quiz(long quizId);

    /** The programme groups (code → Vietnamese and English name). */
    List<ProgrammeGroup> groups();

    record CourseCard(long courseId, String code, long versionId, int versionNo, String label, String title,
                      String summary, String topic, List<String> groupCodes, String audience, int estimatedMinutes,
                      int lessonCount) {
    }

    record CourseOutline(long courseId, String code, long versionId, int versionNo, String label, String title,
                         String summary, String topic, List<String> groupCodes, int estimatedMinutes,
                         List<ModuleOutline> modules, Long finalQuizId) {

        /** Lessons in reading order across modules. */
        public List<LessonRef> lessons() {
            return modules.stream().flatMap(m -> m.lessons().stream()).toList();
        }

        /** Every quiz of the version: module quizzes in order, then the final quiz. */
        public List<Long> quizIds() {
            var ids = new java.util.ArrayList<Long>();
            modules.forEach(m -> { if (m.quizId() != null) ids.add(m.quizId()); });
            if (finalQuizId != null) ids.add(finalQuizId);
            return ids;
        }
    }

    record ModuleOutline(long id, int position, String title, String summary, List<LessonRef> lessons, Long quizId) {
    }

    record LessonRef(long id, int position, String title) {
    }

    /** {@code html}: the lesson's body, safe to show, without its title heading (show {@code title} apart). */
    record LessonContent(long id, long courseVersionId, long moduleId, String title, String html) {
    }

    record QuizDefinition(long id, long courseVersionId, Long moduleId, String title, int passPercent,
                          int drawCount, int maxAttempts, List<QuestionDefinition> questions) {
    }

    /** type: SINGLE, MULTIPLE or TRUE_FALSE (with two options, "Đúng" and "Sai"). */
    record QuestionDefinition(long id, String key, String type, String text, String explanation,
                              List<OptionDefinition> options) {
    }

    record OptionDefinition(long id, String text, boolean correct) {
    }

    record ProgrammeGroup(String code, String nameVi, String nameEn) {
    }
}
