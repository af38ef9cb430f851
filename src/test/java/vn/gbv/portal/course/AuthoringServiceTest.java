package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.TestLearners;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.AuthoringService.Editor;
import vn.gbv.portal.course.AuthoringService.Published;
import vn.gbv.portal.course.ImportReport.CourseResult;
import vn.gbv.portal.course.ImportReport.Outcome;
import vn.gbv.portal.learning.ProgressService;
import vn.gbv.portal.learning.ProgressService.Step;

/** Course authoring on the real database: drafts, publishing, take-over, export and the importer's checks. */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-trainer", roles = "TRAINER")
class AuthoringServiceTest {

    @Autowired AuthoringService authoring;
    @Autowired CourseImporter importer;
    @Autowired ProgressService progress;
    @Autowired JdbcTemplate jdbc;

    @TempDir Path root;

    String code;

    @BeforeEach
    void aFolderCourse() {
        code = TestCourses.uniqueCode("soan");
        TestCourses.validCourse(root, "khoa-" + code, code);
        assertThat(importer.importAll(root, "test").count(Outcome.IMPORTED)).isEqualTo(1);
    }

    @Test
    void aFolderCourseIsReadOnlyUntilATrainerTakesItOver() {
        Editor folderOwned = authoring.open(code);
        assertThat(folderOwned.readOnly()).isTrue();
        assertThat(folderOwned.folderOwned()).isTrue();
        assertThat(folderOwned.files()).containsKeys("course.yaml", "01-nhan-dien/01-khai-niem.md");

        authoring.takeOver(code);

        Editor editable = authoring.open(code);
        assertThat(editable.readOnly()).isFalse();
        assertThat(jdbc.queryForObject("SELECT CONCAT(owner, ' ', taken_over_by) FROM course WHERE code = ?",
                String.class, code)).isEqualTo("PORTAL t-trainer");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_label = ? ORDER BY id", String.class, code))
                .endsWith("course.take-over");
        assertThatThrownBy(() -> authoring.takeOver(code)).isInstanceOf(RefusedException.class)
                .hasMessage("authoring.error.already-portal");
    }

    @Test
    void aTakenOverCourseIsNotOverwrittenAtStartUp() {
        authoring.takeOver(code);
        long versionBefore = currentVersionId();
        TestCourses.replace(root.resolve("khoa-" + code + "/01-nhan-dien/02-dau-hieu.md"), "Những dấu hiệu",
                "Dấu hiệu đã sửa trong thư mục");

        // what import-on-start runs, as it runs it
        new CourseImportOnStart(importer, root).run(null);

        assertThat(currentVersionId()).isEqualTo(versionBefore);
        assertThat(jdbc.queryForList("""
                SELECT p.message FROM course_import_problem p
                WHERE p.kind = 'NOTICE' AND p.course_folder = ?
                  AND p.run_id = (SELECT MAX(id) FROM course_import_run)""", String.class, "khoa-" + code))
                .singleElement().asString().contains(code, "t-trainer", "cổng được ưu tiên");
        ImportReport again = importer.importAll(root, "test");
        assertThat(again.courses()).filteredOn(c -> code.equals(c.code())).extracting(CourseResult::outcome)
                .containsExactly(Outcome.SKIPPED);
    }

    @Test
    void exportThenImportGivesTheSameContentHash() throws IOException {
        // a folder course: its export imports as the very same version
        Path exported = unzip(authoring.export(code, null), root.resolve("xuat-1"));
        String folderHash = jdbc.queryForObject("""
                SELECT v.content_hash FROM course c JOIN course_version v ON v.id = c.current_version_id
                WHERE c.code = ?""", String.class, code);
        assertThat(CourseFolderSnapshot.read(exported.resolve("khoa-" + code)).contentHash()).isEqualTo(folderHash);
        ImportReport reimport = importer.importAll(exported, "test");
        assertThat(reimport.courses()).extracting(CourseResult::outcome, CourseResult::versionNo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.UNCHANGED, 1));

        // a course edited and published in the portal: its export has the published version's hash
        authoring.takeOver(code);
        Editor editor = authoring.open(code);
        long draftId = editor.draft().orElseThrow().id();
        long lock = authoring.save(draftId, editor.draft().get().lockVersion(), "01-nhan-dien/02-dau-hieu.md",
                "# Dấu hiệu\n\nNhững dấu hiệu thường gặp, viết lại trên cổng.\n".getBytes(StandardCharsets.UTF_8));
        Published published = authoring.publish(draftId, lock);
        assertThat(published.problems()).isEmpty();
        assertThat(published.versionNo()).isEqualTo(2);
        String portalHash = jdbc.queryForObject("""
                SELECT v.content_hash FROM course c JOIN course_version v ON v.id = c.current_version_id
                WHERE c.code = ?""", String.class, code);
        assertThat(portalHash).isNotEqualTo(folderHash);

        Path second = unzip(authoring.export(code, 2), root.resolve("xuat-2"));
        assertThat(CourseFolderSnapshot.read(second.resolve("khoa-" + code)).contentHash()).isEqualTo(portalHash);
        assertThat(Files.readString(second.resolve("khoa-" + code + "/01-nhan-dien/02-dau-hieu.md")))
                .contains("viết lại trên cổng");
        // and version 1 is still exported as it was
        Path first = unzip(authoring.export(code, 1), root.resolve("xuat-3"));
        assertThat(CourseFolderSnapshot.read(first.resolve("khoa-" + code)).contentHash()).isEqualTo(folderHash);
    }

    @Test
    void theEditorRefusesAnInvalidCourseWithTheImportersMessagesAndPublishesNothing() {
        authoring.takeOver(code);
        Editor editor = authoring.open(code);
        long draftId = editor.draft().orElseThrow().id();
        long versionBefore = currentVersionId();
        String broken = new String(editor.files().get("01-nhan-dien/quiz.yaml"), StandardCharsets.UTF_8)
                .replace("passPercent: 50", "passPercent: 150");
        long lock = authoring.save(draftId, editor.draft().get().lockVersion(), "01-nhan-dien/quiz.yaml",
                broken.getBytes(StandardCharsets.UTF_8));

        Published refused = authoring.publish(draftId, lock);

        // the importer, given the same folder, says exactly the same
        TestCourses.write(root.resolve("khoa-" + code + "/01-nhan-dien/quiz.yaml"), broken);
        CourseResult imported = importer.importAll(root, "test").courses().stream()
                .filter(c -> c.folder().equals("khoa-" + code)).findFirst().orElseThrow();
        assertThat(refused.versionNo()).isNull();
        assertThat(refused.problems()).isNotEmpty().isEqualTo(imported.problems());
        assertThat(refused.problems().getFirst().file()).isEqualTo("01-nhan-dien/quiz.yaml");
        assertThat(refused.problems().getFirst().line()).isEqualTo(2);
        assertThat(refused.problems().getFirst().message()).contains("150");
        assertThat(currentVersionId()).isEqualTo(versionBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course_version v JOIN course c ON c.id = v.course_id WHERE c.code = ?",
                Integer.class, code)).isEqualTo(1);
        assertThat(authoring.open(code).draft()).as("the draft stays for the trainer to fix").isPresent();
    }

    @Test
    void twoTrainersSavingTheSameDraftDoNotOverwriteEachOther() {
        authoring.takeOver(code);
        Editor editor = authoring.open(code);
        long draftId = editor.draft().orElseThrow().id();
        long lock = editor.draft().get().lockVersion();
        authoring.save(draftId, lock, "01-nhan-dien/02-dau-hieu.md", "# Dấu hiệu\n\nBản của người thứ nhất.\n".getBytes());

        assertThatThrownBy(() -> authoring.save(draftId, lock, "01-nhan-dien/02-dau-hieu.md",
                "# Dấu hiệu\n\nBản của người thứ hai.\n".getBytes()))
                .isInstanceOf(RefusedException.class).hasMessage("authoring.error.conflict");
        assertThat(new String(authoring.open(code).files().get("01-nhan-dien/02-dau-hieu.md"), StandardCharsets.UTF_8))
                .contains("người thứ nhất");
    }

    @Test
    void aNewCourseIsADraftThatSurvivesTheSessionAndPublishes() {
        String newCode = TestCourses.uniqueCode("moi");
        authoring.createCourse(newCode, "Khóa học viết trên cổng");
        assertThat(authoring.courses()).filteredOn(r -> r.code().equals(newCode)).singleElement()
                .satisfies(r -> assertThat(r.versionNo()).isNull());
        assertThatThrownBy(() -> authoring.createCourse(newCode, "Lần nữa")).hasMessage("authoring.error.code-taken");
        assertThatThrownBy(() -> authoring.createCourse("Mã Sai", "x")).hasMessage("authoring.error.code-format");

        // a new session opens the same draft
        Editor editor = authoring.open(newCode);
        assertThat(editor.files()).containsKeys("course.yaml", "01-hoc-phan/module.yaml", "01-hoc-phan/01-bai-hoc.md",
                "01-hoc-phan/quiz.yaml");
        Published published = authoring.publish(editor.draft().orElseThrow().id(), editor.draft().get().lockVersion());
        assertThat(published.problems()).isEmpty();
        assertThat(published.versionNo()).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT CONCAT(c.owner, ' ', v.source, ' ', v.published_by) FROM course c
                JOIN course_version v ON v.id = c.current_version_id WHERE c.code = ?""", String.class, newCode))
                .isEqualTo("PORTAL PORTAL t-trainer");
    }

    @Test
    void publishingWhileALearnerIsMidwayKeepsTheirProgressAndCompletions() throws Exception {
        TestLearners.forgetProgress(jdbc, TestLearners.LEARNER_PERSON_ID);
        TestLearners.forgetProgress(jdbc, 9103);
        long v1 = currentVersionId();
        long courseId = jdbc.queryForObject("SELECT id FROM course WHERE code = ?", Long.class, code);
        // a learner midway: two lessons read of version 1
        List<Step> steps = as("t-learner", "LEARNER", () -> progress.course(code).steps());
        as("t-learner", "LEARNER", () -> {
            progress.openLesson(code, steps.get(0).id());
            progress.markLessonDone(code, steps.get(0).id());
            progress.openLesson(code, steps.get(1).id());
            return progress.markLessonDone(code, steps.get(1).id());
        });
        // another learner completed version 1 earlier
        jdbc.update("""
                INSERT INTO completion (person_id, course_id, course_version_id, completed_on, score_percent, source, recorded_by)
                VALUES (9103, ?, ?, CURRENT_DATE, 90, 'ONLINE', 'test')""", courseId, v1);

        authoring.takeOver(code);
        Editor editor = authoring.open(code);
        long lock = authoring.save(editor.draft().orElseThrow().id(), editor.draft().get().lockVersion(),
                "01-nhan-dien/03-moi.md", "# Bài học thêm\n\nNội dung mới.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(authoring.publish(editor.draft().get().id(), lock).versionNo()).isEqualTo(2);
        long v2 = currentVersionId();
        assertThat(v2).isNotEqualTo(v1);

        // the learner midway keeps version 1 and the two lessons read
        ProgressService.CoursePage midway = as("t-learner", "LEARNER", () -> progress.course(code));
        assertThat(midway.outline().versionId()).isEqualTo(v1);
        assertThat(midway.steps()).filteredOn(Step::done).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT course_version_id FROM course_progress WHERE person_id = ? AND course_id = ?",
                Long.class, TestLearners.LEARNER_PERSON_ID, courseId)).isEqualTo(v1);
        // the completion on version 1 still counts
        assertThat(jdbc.queryForObject("""
                SELECT course_version_id FROM effective_completion WHERE person_id = 9103 AND course_id = ?""",
                Long.class, courseId)).isEqualTo(v1);
        // a learner who starts now gets version 2, with its new lesson
        ProgressService.CoursePage fresh = as("t-trainer", "LEARNER", () -> {
            TestLearners.forgetProgress(jdbc, 9102);
            return progress.course(code);
        });
        assertThat(fresh.outline().versionId()).isEqualTo(v2);
        assertThat(fresh.steps()).extracting(Step::title).contains("Bài học thêm");
    }

    @Test
    void itemWritingWarningsOnACraftedQuizNeverBlockPublishing() {
        authoring.takeOver(code);
        Editor editor = authoring.open(code);
        long draftId = editor.draft().orElseThrow().id();
        long lock = authoring.save(draftId, editor.draft().get().lockVersion(), "01-nhan-dien/quiz.yaml", """
                title: Bài kiểm tra có vấn đề
                passPercent: 50
                drawCount: 2
                questions:
                  - id: dai-nhat-1
                    type: single
                    text: Câu một?
                    options:
                      - text: Phương án đúng được viết dài và đầy đủ hơn hẳn.
                        correct: true
                      - text: Luôn luôn sai.
                      - text: Ngắn.
                    explanation: Vì sao.
                  - id: dai-nhat-2
                    type: single
                    text: Câu hai?
                    options:
                      - text: Phương án đúng cũng lại dài hơn mọi phương án khác.
                        correct: true
                      - text: Không bao giờ.
                      - text: Chỉ thế.
                    explanation: Vì sao.
                  - id: it-phuong-an-sai
                    type: multiple
                    text: Chọn các ý đúng.
                    options:
                      - text: Ý đúng một.
                        correct: true
                      - text: Ý đúng hai.
                        correct: true
                      - text: Ý sai.
                    explanation: Vì sao.
                  - id: ds-1
                    type: truefalse
                    text: Nhận định một.
                    answer: true
                    explanation: Vì sao.
                  - id: ds-2
                    type: truefalse
                    text: Nhận định hai.
                    answer: true
                    explanation: Vì sao.
                  - id: ds-3
                    type: truefalse
                    text: Nhận định ba.
                    answer: true
                    explanation: Vì sao.
                  - id: ds-4
                    type: truefalse
                    text: Nhận định bốn.
                    answer: true
                  - id: ds-5
                    type: truefalse
                    text: Tất cả mọi người đều biết.
                    answer: false
                    explanation: Vì sao.
                """.getBytes(StandardCharsets.UTF_8));

        AuthoringService.Check check = authoring.check(draftId);

        assertThat(check.problems()).isEmpty();
        List<String> warnings = check.warnings().stream().map(CourseProblem::message).toList();
        assertThat(warnings).anyMatch(w -> w.startsWith("Đáp án đúng dài nhất trong 100% câu một lựa chọn (2/2)"));
        assertThat(warnings).anyMatch(w -> w.startsWith("Câu “it-phuong-an-sai”: Câu nhiều đáp án chỉ có dưới hai phương án sai"));
        // course-wide figures: the final quiz adds one false statement with "Chỉ" (TestCourses)
        assertThat(warnings).anyMatch(w -> w.startsWith("Từ tuyệt đối (luôn, chỉ, không bao giờ…) xuất hiện trong 5 đáp án"
                + " hoặc nhận định sai, chỉ 0 lần ở đáp án đúng"));
        assertThat(warnings).anyMatch(w -> w.startsWith("67% câu đúng/sai có đáp án “đúng” (4/6)"));
        assertThat(warnings).anyMatch(w -> w.equals("Câu “ds-4”: Câu hỏi chưa có lời giải thích."));
        assertThat(check.warnings()).filteredOn(w -> w.message().contains("ds-4")).extracting(CourseProblem::file)
                .containsExactly("01-nhan-dien/quiz.yaml");
        // warnings never block
        assertThat(authoring.publish(draftId, lock).versionNo()).isEqualTo(2);
    }

    @Test
    void theImporterReportsItemWritingWarningsWithoutRefusing() {
        String other = TestCourses.uniqueCode("canh-bao");
        Path folder = TestCourses.validCourse(root, "canh-bao-" + other, other);
        TestCourses.replace(folder.resolve("quiz.yaml"),
                "    explanation: Nam giới và trẻ em trai cũng có thể bị bạo lực trên cơ sở giới.\n", "");
        ImportReport report = importer.importAll(root, "test");
        CourseResult result = report.courses().stream().filter(c -> other.equals(c.code())).findFirst().orElseThrow();
        assertThat(result.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(result.warnings()).extracting(CourseProblem::message)
                .contains("Câu “cuoi-khoa”: Câu hỏi chưa có lời giải thích.");
        assertThat(jdbc.queryForList("SELECT kind FROM course_import_problem WHERE run_id = ? AND course_folder = ?",
                String.class, report.runId(), "canh-bao-" + other)).isNotEmpty().containsOnly("WARNING");
    }

    @Test
    void imagesAreCheckedByTheirBytesSizeAndDimensions() throws IOException {
        authoring.takeOver(code);
        Editor editor = authoring.open(code);
        long draftId = editor.draft().orElseThrow().id();
        long lock = editor.draft().get().lockVersion();
        byte[] png = png(40, 30);

        String path = authoring.addImage(draftId, lock, "01-nhan-dien", "Sơ đồ Hỗ trợ.PNG", png);
        assertThat(path).isEqualTo("01-nhan-dien/images/so-do-ho-tro.png");
        assertThat(authoring.draftFile(draftId, path)).contains(png);

        assertThatThrownBy(() -> authoring.addImage(draftId, lock + 1, "01-nhan-dien", "gia.png",
                "không phải hình".getBytes())).hasMessage("authoring.image.type");
        assertThatThrownBy(() -> authoring.addImage(draftId, lock + 1, "01-nhan-dien", "nho.png", png(4, 4)))
                .hasMessage("authoring.image.dimensions");
        assertThatThrownBy(() -> authoring.addImage(draftId, lock + 1, "01-nhan-dien", "lon.png",
                new byte[ImageCheck.MAX_BYTES + 1])).hasMessage("authoring.image.too-large");
    }

    @Test
    void theDiffBetweenTwoVersionsShowsChangedLinesAndQuestions() {
        authoring.takeOver(code);
        Editor editor = authoring.open(code);
        long draftId = editor.draft().orElseThrow().id();
        long lock = authoring.save(draftId, editor.draft().get().lockVersion(), "01-nhan-dien/02-dau-hieu.md",
                "# Dấu hiệu\n\nNhững dấu hiệu cần để ý.\n".getBytes(StandardCharsets.UTF_8));
        String quiz = new String(editor.files().get("quiz.yaml"), StandardCharsets.UTF_8)
                .replace("answer: false", "answer: true");
        lock = authoring.save(draftId, lock, "quiz.yaml", quiz.getBytes(StandardCharsets.UTF_8));
        authoring.publish(draftId, lock);

        List<AuthoringService.Difference> diff = authoring.diff(code, 1, 2);

        assertThat(diff).extracting(AuthoringService.Difference::place)
                .containsExactly("01-nhan-dien/02-dau-hieu.md", "- · cuoi-khoa");
        assertThat(diff.getFirst().lines()).extracting(LineDiff.Line::marked)
                .contains("- Những dấu hiệu thường gặp.", "+ Những dấu hiệu cần để ý.", "  # Dấu hiệu");
        assertThat(diff.get(1).lines()).extracting(LineDiff.Line::marked).contains("- [x] Sai", "+ [x] Đúng");
        assertThat(authoring.versions(code)).extracting(AuthoringQueries.VersionRow::versionNo,
                AuthoringQueries.VersionRow::source, AuthoringQueries.VersionRow::publishedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "PORTAL", "t-trainer"),
                        org.assertj.core.groups.Tuple.tuple(1, "FOLDER", "test"));
    }

    static byte[] png(int width, int height) throws IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private long currentVersionId() {
        return jdbc.queryForObject("SELECT current_version_id FROM course WHERE code = ?", Long.class, code);
    }

    private static Path unzip(byte[] zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return into;
    }

    static <T> T as(String username, String role, Callable<T> action) throws Exception {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
