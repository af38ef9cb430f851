package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.gbv.portal.course.CourseDraft.Card;
import vn.gbv.portal.course.CourseDraft.LessonDraft;
import vn.gbv.portal.course.CourseDraft.ModuleDraft;
import vn.gbv.portal.course.CourseDraft.OptionDraft;
import vn.gbv.portal.course.CourseDraft.QuestionDraft;
import vn.gbv.portal.course.CourseDraft.QuestionType;
import vn.gbv.portal.course.CourseDraft.QuizDraft;
import vn.gbv.portal.course.ItemWritingChecks.Figures;
import vn.gbv.portal.course.ItemWritingChecks.Warning;

class ItemWritingChecksTest {

    @Test
    void aWellWrittenQuizGivesNoWarning() {
        QuizDraft quiz = quiz(
                single("a", "Ngắn đúng.", "Phương án sai dài hơn.", "Một phương án sai khác."),
                single("b", "Phương án đúng khá dài ở đây nhé.", "Sai ngắn.", "Phương án sai cũng dài như vậy."),
                single("c", "Đúng vừa phải.", "Sai vừa phải nhé.", "Sai thứ hai."),
                multiple("d", List.of("Đúng một, khá dài đây.", "Đúng hai."),
                        List.of("Sai một, dài hơn.", "Sai hai, cũng khá dài.")),
                trueFalse("e", "Luôn giữ bí mật tên người kể, trừ khi có nguy hiểm.", true),
                trueFalse("f", "Có thể hỏi lại nhiều lần cho chắc.", false),
                trueFalse("g", "Người bị bạo lực có quyền quyết định.", true),
                trueFalse("h", "Chỉ phụ nữ mới bị bạo lực.", false));

        Figures f = ItemWritingChecks.figures(quiz);

        assertThat(ItemWritingChecks.check(quiz)).isEmpty();
        assertThat(f.singleChoice()).isEqualTo(3);
        assertThat(f.rightLongest()).isEqualTo(1);
        assertThat(f.trueFalse()).isEqualTo(4);
        assertThat(f.trueShare()).isEqualTo(0.5);
        assertThat(f.absoluteInRight()).isEqualTo(1);
        assertThat(f.absoluteInWrong()).isEqualTo(1);
        assertThat(f.meanRightLength()).isLessThanOrEqualTo(f.meanWrongLength());
    }

    @Test
    void eachWeaknessGivesItsWarning() {
        QuizDraft quiz = quiz(
                single("dai", "Phương án đúng được viết rất đầy đủ và cẩn thận.", "Sai.", "Cũng sai."),
                single("dai-nua", "Một phương án đúng khác cũng dài hơn hẳn.", "Không.", "Sai."),
                multiple("it-sai", List.of("Đúng một.", "Đúng hai."), List.of("Sai.")),
                multiple("tuyet-doi", List.of("Đúng một.", "Đúng hai."),
                        List.of("Luôn làm theo ý mình.", "Bỏ qua.")),
                trueFalse("tf1", "Không bao giờ được báo tin.", false),
                trueFalse("tf2", "Có thể báo tin.", false),
                trueFalse("tf3", "Nên ghi chép sự kiện.", false),
                trueFalse("tf4", "Nên hỏi ý kiến người bị bạo lực.", true),
                new QuestionDraft("khong-giai-thich", QuestionType.TRUE_FALSE, "Câu hỏi.", " ",
                        List.of(new OptionDraft("Đúng", false), new OptionDraft("Sai", true))));

        List<Warning> warnings = ItemWritingChecks.check(quiz);

        assertThat(warnings).extracting(Warning::questionId, Warning::key).contains(
                org.assertj.core.groups.Tuple.tuple(null, ItemWritingChecks.RIGHT_LONGEST_SHARE),
                org.assertj.core.groups.Tuple.tuple(null, ItemWritingChecks.RIGHT_LONGER_ON_AVERAGE),
                org.assertj.core.groups.Tuple.tuple("it-sai", ItemWritingChecks.MULTIPLE_FEW_WRONG),
                org.assertj.core.groups.Tuple.tuple(null, ItemWritingChecks.MULTIPLE_LENGTH_CUE),
                org.assertj.core.groups.Tuple.tuple("tuyet-doi", ItemWritingChecks.ABSOLUTE_IN_WRONG_OPTION),
                org.assertj.core.groups.Tuple.tuple(null, ItemWritingChecks.ABSOLUTE_ONLY_WRONG),
                org.assertj.core.groups.Tuple.tuple(null, ItemWritingChecks.TRUE_FALSE_SHARE),
                org.assertj.core.groups.Tuple.tuple("khong-giai-thich", ItemWritingChecks.NO_EXPLANATION));
        Warning share = warnings.stream().filter(w -> w.key().equals(ItemWritingChecks.RIGHT_LONGEST_SHARE))
                .findFirst().orElseThrow();
        assertThat(share.args()).containsExactly(100L, 2, 2, 40L);
        Warning trueFalse = warnings.stream().filter(w -> w.key().equals(ItemWritingChecks.TRUE_FALSE_SHARE))
                .findFirst().orElseThrow();
        assertThat(trueFalse.args()).containsExactly(20L, 1, 5, 35L, 65L);
    }

    @Test
    void aModuleWithoutAQuizIsNamed() {
        QuizDraft quiz = quiz(single("a", "Ngắn.", "Dài hơn một chút.", "Dài hơn nữa một chút."));
        LessonDraft lesson = new LessonDraft("01-bai.md", "Bài", "# Bài");
        CourseDraft course = new CourseDraft("khoa", "hash",
                new Card("khoa", "Khóa", "Tóm tắt", "gbv-basics", List.of(), null, 10, null),
                List.of(new ModuleDraft("01-co-quiz", "Có", null, List.of(lesson), quiz),
                        new ModuleDraft("02-khong-quiz", "Không", null, List.of(lesson), null)),
                quiz, List.of());

        assertThat(ItemWritingChecks.check(course)).containsExactly(
                new Warning(null, ItemWritingChecks.MODULE_WITHOUT_QUIZ, List.of("02-khong-quiz")));
        assertThat(ItemWritingChecks.figures(course).questions()).isEqualTo(2);
    }

    @Test
    void chiInACompoundIsNotAnAbsoluteWord() {
        assertThat(ItemWritingChecks.hasAbsoluteWord("Ghi địa chỉ nơi tạm lánh theo chỉ tiêu.")).isFalse();
        assertThat(ItemWritingChecks.hasAbsoluteWord("Chỉ báo công an.")).isTrue();
        assertThat(ItemWritingChecks.hasAbsoluteWord("Bảo vệ bằng mọi giá.")).isTrue();
        assertThat(ItemWritingChecks.hasAbsoluteWord("Luồng thông tin.")).isFalse();
    }

    @Test
    void everyWarningKeyIsTranslated() throws IOException {
        List<String> keys = List.of(ItemWritingChecks.RIGHT_LONGEST_SHARE, ItemWritingChecks.RIGHT_LONGER_ON_AVERAGE,
                ItemWritingChecks.MULTIPLE_FEW_WRONG, ItemWritingChecks.MULTIPLE_LENGTH_CUE,
                ItemWritingChecks.ABSOLUTE_IN_WRONG_OPTION, ItemWritingChecks.ABSOLUTE_ONLY_WRONG,
                ItemWritingChecks.TRUE_FALSE_SHARE, ItemWritingChecks.NO_EXPLANATION,
                ItemWritingChecks.MODULE_WITHOUT_QUIZ);
        for (String file : List.of("vaadin-i18n/translations_vi.properties", "vaadin-i18n/translations.properties")) {
            Properties properties = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(keys).as("item-check keys in %s", file).allSatisfy(key ->
                    assertThat(properties.getProperty(key)).as(key).isNotBlank());
        }
    }

    private static QuizDraft quiz(QuestionDraft... questions) {
        return new QuizDraft("Kiểm tra", 70, questions.length, 0, List.of(questions));
    }

    private static QuestionDraft single(String id, String right, String... wrong) {
        List<OptionDraft> options = new ArrayList<>();
        options.add(new OptionDraft(right, true));
        for (String w : wrong) {
            options.add(new OptionDraft(w, false));
        }
        return new QuestionDraft(id, QuestionType.SINGLE, "Câu " + id + "?", "Vì sao.", options);
    }

    private static QuestionDraft multiple(String id, List<String> right, List<String> wrong) {
        List<OptionDraft> options = new ArrayList<>();
        right.forEach(r -> options.add(new OptionDraft(r, true)));
        wrong.forEach(w -> options.add(new OptionDraft(w, false)));
        return new QuestionDraft(id, QuestionType.MULTIPLE, "Câu " + id + "?", "Vì sao.", options);
    }

    private static QuestionDraft trueFalse(String id, String statement, boolean answer) {
        return new QuestionDraft(id, QuestionType.TRUE_FALSE, statement, "Vì sao.",
                List.of(new OptionDraft("Đúng", answer), new OptionDraft("Sai", !answer)));
    }
}
