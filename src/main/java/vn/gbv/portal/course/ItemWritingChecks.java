package vn.gbv.portal.course;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.gbv.portal.course.CourseDraft.ModuleDraft;
import vn.gbv.portal.course.CourseDraft.OptionDraft;
import vn.gbv.portal.course.CourseDraft.QuestionDraft;
import vn.gbv.portal.course.CourseDraft.QuestionType;
import vn.gbv.portal.course.CourseDraft.QuizDraft;

/**
 * Item-writing figures of a quiz or of a whole course, and the warnings a trainer sees when a
 * bank gives its answers away: the right option is the longest too often or longer on average,
 * a multiple-answer question has fewer than two wrong options, absolute words ("luôn", "chỉ"…)
 * mark only wrong options, a true/false bank is mostly true or mostly false, a question has no
 * explanation, a module has no quiz. Warnings carry a translation key under
 * {@code course.itemcheck.*} and its arguments; they never stop an import.
 */
final class ItemWritingChecks {

    /** Across a course, the right option may be the longest in at most this share of single-choice questions. */
    static final double MAX_RIGHT_LONGEST_SHARE = 0.40;
    /**
     * At most this share of multiple-answer questions may have every right option shorter (or every
     * right option longer) than every wrong one: otherwise length sorts the options for the learner.
     */
    static final double MAX_MULTIPLE_LENGTH_CUE_SHARE = 0.40;
    /** A true/false bank of at least this many questions should be about half true. */
    static final int MIN_TRUE_FALSE_FOR_SHARE = 4;
    static final double MIN_TRUE_SHARE = 0.35;
    static final double MAX_TRUE_SHARE = 0.65;
    /** Words that make a statement absolute; a bank that uses them only in wrong answers teaches learners to skip them. */
    /** Absolute words are "mostly in wrong answers" from this share of their uses. */
    static final double MIN_ABSOLUTE_WRONG_SHARE = 0.75;
    static final List<String> ABSOLUTE_WORDS = List.of("luôn", "không bao giờ", "chỉ", "tất cả", "bằng mọi giá");

    static final String RIGHT_LONGEST_SHARE = "course.itemcheck.right-longest-share";
    static final String RIGHT_LONGER_ON_AVERAGE = "course.itemcheck.right-longer-on-average";
    static final String MULTIPLE_FEW_WRONG = "course.itemcheck.multiple-few-wrong";
    static final String MULTIPLE_LENGTH_CUE = "course.itemcheck.multiple-length-cue";
    static final String ABSOLUTE_IN_WRONG_OPTION = "course.itemcheck.absolute-in-wrong-option";
    static final String ABSOLUTE_ONLY_WRONG = "course.itemcheck.absolute-only-wrong";
    static final String TRUE_FALSE_SHARE = "course.itemcheck.true-false-share";
    static final String NO_EXPLANATION = "course.itemcheck.no-explanation";
    static final String MODULE_WITHOUT_QUIZ = "course.itemcheck.module-without-quiz";

    /** Compounds where "chỉ" is not "only" (address, target, direct, point out…): removed before matching. */
    static final List<String> NOT_ABSOLUTE = List.of("địa chỉ", "chỉ tiêu", "chỉ đạo", "chỉ dẫn", "chỉ số",
            "chỉ định", "chỉ thị", "chỉ ra", "chỉ rõ", "chỉ trích", "chỉ trỏ", "chỉ điểm");

    private static final List<Pattern> ABSOLUTE_PATTERNS = ABSOLUTE_WORDS.stream()
            .map(w -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();

    private ItemWritingChecks() {
    }

    /** A warning about one question ({@code questionId} set) or about a whole bank ({@code questionId} null). */
    record Warning(String questionId, String key, List<Object> args) {
        Warning {
            args = List.copyOf(args);
        }
    }

    /**
     * The figures of one or more quiz banks. Lengths are in characters (Unicode code points, NFC),
     * counted over the options of single and multiple-answer questions.
     */
    record Figures(int questions, int singleChoice, int rightLongest, int rightOptions, long rightLength,
                   int wrongOptions, long wrongLength, int multipleChoice, int multipleLengthCue,
                   List<String> multipleFewWrong, int absoluteInRight,
                   int absoluteInWrong, List<String> absoluteInWrongOfMultiple, int trueFalse, int trueFalseTrue,
                   List<String> withoutExplanation, List<String> modulesWithoutQuiz) {

        Figures {
            multipleFewWrong = List.copyOf(multipleFewWrong);
            absoluteInWrongOfMultiple = List.copyOf(absoluteInWrongOfMultiple);
            withoutExplanation = List.copyOf(withoutExplanation);
            modulesWithoutQuiz = List.copyOf(modulesWithoutQuiz);
        }

        /** Share of single-choice questions whose right option is strictly longer than every wrong one; 0 when none. */
        double rightLongestShare() {
            return singleChoice == 0 ? 0 : (double) rightLongest / singleChoice;
        }

        /** Share of multiple-answer questions whose right and wrong options are split by length; 0 when none. */
        double multipleLengthCueShare() {
            return multipleChoice == 0 ? 0 : (double) multipleLengthCue / multipleChoice;
        }

        boolean multipleLengthCueTooOften() {
            return multipleLengthCueShare() > MAX_MULTIPLE_LENGTH_CUE_SHARE;
        }

        double meanRightLength() {
            return rightOptions == 0 ? 0 : (double) rightLength / rightOptions;
        }

        double meanWrongLength() {
            return wrongOptions == 0 ? 0 : (double) wrongLength / wrongOptions;
        }

        /** Share of true/false questions whose statement is true; 0 when none. */
        double trueShare() {
            return trueFalse == 0 ? 0 : (double) trueFalseTrue / trueFalse;
        }

        boolean rightLongestTooOften() {
            return rightLongestShare() > MAX_RIGHT_LONGEST_SHARE;
        }

        boolean rightLongerOnAverage() {
            return rightOptions > 0 && wrongOptions > 0 && meanRightLength() > meanWrongLength();
        }

        boolean trueFalseUnbalanced() {
            return trueFalse >= MIN_TRUE_FALSE_FOR_SHARE
                    && (trueShare() < MIN_TRUE_SHARE || trueShare() > MAX_TRUE_SHARE);
        }

        /**
         * Absolute words mostly mark wrong answers (wrong options, false statements): at least
         * {@link #MIN_ABSOLUTE_WRONG_SHARE} of their uses, so that "skip the absolute option" pays.
         */
        boolean absoluteWordsOnlyInWrong() {
            int uses = absoluteInWrong + absoluteInRight;
            return absoluteInWrong > 0 && (double) absoluteInWrong / uses >= MIN_ABSOLUTE_WRONG_SHARE;
        }
    }

    /** The figures of the quizzes of a course: every module quiz and the final quiz together. */
    static Figures figures(CourseDraft course) {
        List<QuizDraft> quizzes = new ArrayList<>();
        List<String> modulesWithoutQuiz = new ArrayList<>();
        for (ModuleDraft module : course.modules()) {
            if (module.quiz() == null) {
                modulesWithoutQuiz.add(module.folder());
            } else {
                quizzes.add(module.quiz());
            }
        }
        if (course.finalQuiz() != null) {
            quizzes.add(course.finalQuiz());
        }
        return figures(quizzes, modulesWithoutQuiz);
    }

    /** The figures of one quiz. */
    static Figures figures(QuizDraft quiz) {
        return figures(List.of(quiz), List.of());
    }

    private static Figures figures(List<QuizDraft> quizzes, List<String> modulesWithoutQuiz) {
        Counter c = new Counter();
        for (QuizDraft quiz : quizzes) {
            for (QuestionDraft question : quiz.questions()) {
                c.add(question);
            }
        }
        return new Figures(c.questions, c.single, c.rightLongest, c.rightOptions, c.rightLength, c.wrongOptions,
                c.wrongLength, c.multiple, c.multipleLengthCue, c.multipleFewWrong, c.absoluteInRight, c.absoluteInWrong, c.absoluteInWrongOfMultiple,
                c.trueFalse, c.trueFalseTrue, c.withoutExplanation, modulesWithoutQuiz);
    }

    /** Warnings for one quiz, as its author sees them while writing it. */
    static List<Warning> check(QuizDraft quiz) {
        return warnings(figures(quiz));
    }

    /** Warnings for a course: its quizzes taken together, and every module without a quiz. */
    static List<Warning> check(CourseDraft course) {
        return warnings(figures(course));
    }

    static List<Warning> warnings(Figures f) {
        List<Warning> warnings = new ArrayList<>();
        if (f.rightLongestTooOften()) {
            warnings.add(new Warning(null, RIGHT_LONGEST_SHARE, List.of(percent(f.rightLongestShare()),
                    f.rightLongest(), f.singleChoice(), percent(MAX_RIGHT_LONGEST_SHARE))));
        }
        if (f.rightLongerOnAverage()) {
            warnings.add(new Warning(null, RIGHT_LONGER_ON_AVERAGE,
                    List.of(Math.round(f.meanRightLength()), Math.round(f.meanWrongLength()))));
        }
        if (f.multipleLengthCueTooOften()) {
            warnings.add(new Warning(null, MULTIPLE_LENGTH_CUE, List.of(percent(f.multipleLengthCueShare()),
                    f.multipleLengthCue(), f.multipleChoice(), percent(MAX_MULTIPLE_LENGTH_CUE_SHARE))));
        }
        for (String id : f.multipleFewWrong()) {
            warnings.add(new Warning(id, MULTIPLE_FEW_WRONG, List.of()));
        }
        for (String id : f.absoluteInWrongOfMultiple()) {
            warnings.add(new Warning(id, ABSOLUTE_IN_WRONG_OPTION, List.of(String.join(", ", ABSOLUTE_WORDS))));
        }
        if (f.absoluteWordsOnlyInWrong()) {
            warnings.add(new Warning(null, ABSOLUTE_ONLY_WRONG, List.of(f.absoluteInWrong(), f.absoluteInRight())));
        }
        if (f.trueFalseUnbalanced()) {
            warnings.add(new Warning(null, TRUE_FALSE_SHARE, List.of(percent(f.trueShare()), f.trueFalseTrue(),
                    f.trueFalse(), percent(MIN_TRUE_SHARE), percent(MAX_TRUE_SHARE))));
        }
        for (String id : f.withoutExplanation()) {
            warnings.add(new Warning(id, NO_EXPLANATION, List.of()));
        }
        for (String module : f.modulesWithoutQuiz()) {
            warnings.add(new Warning(null, MODULE_WITHOUT_QUIZ, List.of(module)));
        }
        return List.copyOf(warnings);
    }

    /**
     * The file of the course folder that holds a question ({@code folder/quiz.yaml} or the final
     * {@code quiz.yaml}); null when no quiz has it. Question ids are unique within a quiz only:
     * the first quiz in course order that has the id is named.
     */
    static String quizFile(CourseDraft course, String questionId) {
        for (ModuleDraft module : course.modules()) {
            if (module.quiz() != null && module.quiz().questions().stream().anyMatch(q -> q.key().equals(questionId))) {
                return module.folder() + "/quiz.yaml";
            }
        }
        if (course.finalQuiz() != null
                && course.finalQuiz().questions().stream().anyMatch(q -> q.key().equals(questionId))) {
            return "quiz.yaml";
        }
        return null;
    }

    /** The warnings of a course as the importer and the editor show them: Vietnamese, with the file. */
    static List<CourseProblem> asProblems(CourseDraft course) {
        List<CourseProblem> shown = new ArrayList<>();
        for (Warning w : check(course)) {
            Object[] args = w.args().stream().map(String::valueOf).toArray();
            String message = vn.gbv.portal.i18n.PortalI18nProvider.translate(
                    vn.gbv.portal.i18n.PortalI18nProvider.VIETNAMESE, w.key(), args);
            String file = null;
            if (w.questionId() != null) {
                file = quizFile(course, w.questionId());
                message = vn.gbv.portal.i18n.PortalI18nProvider.translate(
                        vn.gbv.portal.i18n.PortalI18nProvider.VIETNAMESE, "course.itemcheck.question", w.questionId())
                        + " " + message;
            } else if (MODULE_WITHOUT_QUIZ.equals(w.key())) {
                file = w.args().getFirst() + "/module.yaml";
            }
            shown.add(new CourseProblem(course.folder(), file, null, message));
        }
        return List.copyOf(shown);
    }

    /** Whether the text holds one of {@link #ABSOLUTE_WORDS} as a whole word (any case, NFC). */
    static boolean hasAbsoluteWord(String text) {
        String normal = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        for (String compound : NOT_ABSOLUTE) {
            normal = normal.replace(compound, " ");
        }
        String cleaned = normal;
        return ABSOLUTE_PATTERNS.stream().anyMatch(p -> p.matcher(cleaned).find());
    }

    static int length(String text) {
        String normal = Normalizer.normalize(text == null ? "" : text.strip(), Normalizer.Form.NFC);
        return normal.codePointCount(0, normal.length());
    }

    private static long percent(double share) {
        return Math.round(share * 100);
    }

    /**
     * A true/false question is kept as two options, the first standing for "true"; the statement
     * is true when that option is the right one.
     */
    private static boolean statementIsTrue(QuestionDraft question) {
        return !question.options().isEmpty() && question.options().getFirst().correct();
    }

    private static final class Counter {
        int questions;
        int single;
        int multiple;
        int multipleLengthCue;
        int rightLongest;
        int rightOptions;
        long rightLength;
        int wrongOptions;
        long wrongLength;
        final List<String> multipleFewWrong = new ArrayList<>();
        int absoluteInRight;
        int absoluteInWrong;
        final List<String> absoluteInWrongOfMultiple = new ArrayList<>();
        int trueFalse;
        int trueFalseTrue;
        final List<String> withoutExplanation = new ArrayList<>();

        void add(QuestionDraft q) {
            questions++;
            if (q.explanation() == null || q.explanation().isBlank()) {
                withoutExplanation.add(q.key());
            }
            if (q.type() == QuestionType.TRUE_FALSE) {
                trueFalse++;
                boolean isTrue = statementIsTrue(q);
                if (isTrue) {
                    trueFalseTrue++;
                }
                if (hasAbsoluteWord(q.text())) {
                    if (isTrue) {
                        absoluteInRight++;
                    } else {
                        absoluteInWrong++;
                    }
                }
                return;
            }
            int longestRight = 0;
            int longestWrong = 0;
            int shortestRight = Integer.MAX_VALUE;
            int shortestWrong = Integer.MAX_VALUE;
            int wrong = 0;
            boolean absoluteWrong = false;
            for (OptionDraft option : q.options()) {
                int length = length(option.text());
                boolean absolute = hasAbsoluteWord(option.text());
                if (option.correct()) {
                    rightOptions++;
                    rightLength += length;
                    longestRight = Math.max(longestRight, length);
                    shortestRight = Math.min(shortestRight, length);
                    if (absolute) {
                        absoluteInRight++;
                    }
                } else {
                    wrong++;
                    wrongOptions++;
                    wrongLength += length;
                    longestWrong = Math.max(longestWrong, length);
                    shortestWrong = Math.min(shortestWrong, length);
                    if (absolute) {
                        absoluteInWrong++;
                        absoluteWrong = true;
                    }
                }
            }
            if (q.type() == QuestionType.SINGLE) {
                single++;
                if (longestRight > longestWrong) {
                    rightLongest++;
                }
            } else if (q.type() == QuestionType.MULTIPLE) {
                multiple++;
                if (wrong > 0 && (longestRight < shortestWrong || shortestRight > longestWrong)) {
                    multipleLengthCue++;
                }
                if (wrong < 2) {
                    multipleFewWrong.add(q.key());
                }
                if (absoluteWrong) {
                    absoluteInWrongOfMultiple.add(q.key());
                }
            }
        }
    }
}
