package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gbv.portal.ShippedCourses;
import vn.gbv.portal.TestLearners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.course.CourseImportService;

/**
 * On a 390×844 phone: log in, open a course, read a lesson, leave, log in again and land where
 * they were, pass the quizzes, see the completion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class LearnerJourneyIT {

    private static final String COURSE = "tu-cham-soc";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired CourseImportService importer;

    @BeforeEach
    void coursesAndAFreshLearner() {
        ShippedCourses.importAsAdministrator(importer);
        TestLearners.forgetProgress(jdbc, TestLearners.LEARNER_PERSON_ID);
    }

    @Test
    void learnerResumesOnAnotherLoginAndCompletesACourse() {
        String secondLesson;
        try (BrowserSession browser = new BrowserSession(port, 390, 844)) {
            browser.logIn("t-learner", "Learner-pass1");
            browser.open("courses");
            browser.screenshot("catalogue-390");
            browser.step("open-course", () -> {
                browser.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tự chăm sóc và phòng ngừa kiệt sức")
                        .setExact(false)).click();
                browser.waitForVaadin();
            });
            browser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu học")).click();
            browser.waitForVaadin();
            assertThat(browser.page.getByText("Lưu ý nội dung")).isVisible();
            browser.screenshot("lesson-390");
            nextStep(browser);
            secondLesson = browser.page.locator("h1.lesson-title").textContent();
        }
        // leaves; later logs in again from another browser (no cookies, a new session)

        try (BrowserSession browser = new BrowserSession(port, 390, 844)) {
            browser.logIn("t-learner", "Learner-pass1");
            assertThat(browser.page.getByText(secondLesson, new Page.GetByTextOptions().setExact(false)).first()).isVisible();
            browser.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Học tiếp từ chỗ đã dừng")).click();
            browser.waitForVaadin();
            assertThat(browser.page.locator("h1.lesson-title")).hasText(secondLesson);

            // read on and pass every quiz until the course is complete
            for (int step = 0; step < 20 && browser.page.getByText("Chúc mừng!", new Page.GetByTextOptions().setExact(false))
                    .count() == 0; step++) {
                String at = browser.page.url();
                try {
                    if (at.contains("/quiz/")) {
                        passQuiz(browser);
                    } else {
                        nextStep(browser);
                    }
                } catch (RuntimeException | AssertionError e) {
                    browser.screenshot("failure-390");
                    throw new AssertionError("step " + step + " failed at " + at + ", now at " + browser.page.url(), e);
                }
            }
            assertThat(browser.page.getByText("Chúc mừng!", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
            // tu-cham-soc counts for no programme group: the learner is told what they still need
            assertThat(browser.page.getByText("bạn còn cần hoàn thành", new Page.GetByTextOptions().setExact(false))).isVisible();
            browser.screenshot("quiz-result-390");
            browser.open("my-learning");
            assertThat(browser.page.getByText("Tự chăm sóc và phòng ngừa kiệt sức", new Page.GetByTextOptions().setExact(false))
                    .first()).isVisible();
            assertThat(browser.page.locator(".completion-list li")).hasCount(1);
            browser.screenshot("my-learning-390");
        }
    }

    /** "Done, next step" on a lesson: waits until the browser is on the next page. */
    private void nextStep(BrowserSession browser) {
        String before = browser.page.url();
        browser.page.locator(".lesson-nav vaadin-button[theme~='primary']").click();
        browser.page.waitForURL(url -> !url.equals(before));
        browser.waitForVaadin();
    }

    private void passQuiz(BrowserSession browser) {
        long quizId = Long.parseLong(browser.page.url().replaceAll(".*/quiz/(\\d+).*", "$1"));
        Map<String, List<String>> rightAnswers = jdbc.queryForList("""
                select qq.text as question, qo.text as answer from quiz_question qq
                join quiz_option qo on qo.question_id = qq.id where qq.quiz_id = ? and qo.correct
                """, quizId).stream().collect(Collectors.groupingBy(r -> (String) r.get("question"),
                Collectors.mapping(r -> (String) r.get("answer"), Collectors.toList())));
        Locator start = browser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu làm bài"));
        if (start.count() > 0) {
            start.click();
            browser.page.locator(".question-card").first().waitFor();
            browser.waitForVaadin();
        }
        Locator cards = browser.page.locator(".question-card");
        for (int i = 0; i < cards.count(); i++) {
            Locator card = cards.nth(i);
            String text = card.textContent();
            String question = rightAnswers.keySet().stream().filter(text::contains).findFirst().orElseThrow();
            for (String answer : rightAnswers.get(question)) {
                card.getByText(answer, new Locator.GetByTextOptions().setExact(true)).first().click();
                browser.waitForVaadin();
            }
        }
        browser.screenshot("quiz-sheet-390");
        browser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp bài")).click();
        browser.waitForVaadin();
        assertThat(browser.page.locator(".success-banner").first()).isVisible();
        Locator next = browser.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sang bước tiếp"));
        if (next.count() > 0) {
            String before = browser.page.url();
            next.click();
            browser.page.waitForURL(url -> !url.equals(before));
            browser.waitForVaadin();
        }
    }
}
