package vn.gbv.portal.course;

import java.util.List;

/** A course folder that passed every check, ready to be written as a new course version. */
record CourseDraft(String folder, String contentHash, Card card, List<ModuleDraft> modules, QuizDraft finalQuiz,
                   List<AssetDraft> assets, java.util.SortedMap<String, byte[]> files) {

    /** A draft without its files (tests of checks that read only the structure). */
    CourseDraft(String folder, String contentHash, Card card, List<ModuleDraft> modules, QuizDraft finalQuiz,
                List<AssetDraft> assets) {
        this(folder, contentHash, card, modules, finalQuiz, assets, new java.util.TreeMap<>());
    }

    /** course.yaml. */
    record Card(String code, String title, String summary, String topic, List<String> groupCodes, String audience,
                int estimatedMinutes, String label) {
    }

    /** A module folder; {@code quiz} is null when it has no quiz. */
    record ModuleDraft(String folder, String title, String summary, List<LessonDraft> lessons, QuizDraft quiz) {
    }

    record LessonDraft(String fileName, String title, String markdown) {
    }

    record QuizDraft(String title, int passPercent, int drawCount, int maxAttempts, List<QuestionDraft> questions) {
    }

    record QuestionDraft(String key, QuestionType type, String text, String explanation, List<OptionDraft> options) {
    }

    record OptionDraft(String text, boolean correct) {
    }

    /** An image; {@code path} is relative to the course folder. */
    record AssetDraft(String path, String contentType, byte[] bytes) {
    }

    /** Question types as course.yaml names them and as the database stores them. */
    enum QuestionType {
        SINGLE("single"), MULTIPLE("multiple"), TRUE_FALSE("truefalse");

        private final String yamlName;

        QuestionType(String yamlName) {
            this.yamlName = yamlName;
        }

        String yamlName() {
            return yamlName;
        }

        static java.util.Optional<QuestionType> fromYaml(String name) {
            return java.util.Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
        }
    }
}
