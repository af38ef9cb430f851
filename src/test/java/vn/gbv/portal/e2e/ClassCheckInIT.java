package vn.gbv.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.certificate.CertificateFixture;
import vn.gbv.portal.classroom.CheckInService;
import vn.gbv.portal.classroom.ClassService;

/**
 * A learner checks in with their phone (390×844) by the QR link of today's session: not signed in,
 * they are sent to the login page and brought back to the check-in, which says they are present;
 * the trainer's attendance page on a tablet (1366×768) shows the row ticked "by QR".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Sql("/sql/test-accounts.sql")
class ClassCheckInIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ClassService classes;
    @Autowired CheckInService checkIns;

    long classId;
    long sessionId;

    @BeforeEach
    void aClassTodayWithTheLearnerEnrolled() {
        CertificateFixture.load(jdbc); // a published knowledge course (9501) and a second person in ward A
        classId = asTrainer(() -> classes.create(new ClassService.NewClass("Lớp kiểm thử điểm danh QR",
                CertificateFixture.KNOWLEDGE_COURSE, 9002L, 20, null,
                List.of(new ClassService.NewSession(LocalDate.now(), LocalTime.of(0, 0), LocalTime.of(23, 59), "Hội trường phường A")),
                Set.of())));
        sessionId = asTrainer(() -> classes.detail(classId)).sessions().getFirst().id();
        asTrainer(() -> classes.enrol(classId, List.of(CertificateFixture.LEARNER, CertificateFixture.ANH_WARD_A)));
    }

    @Test
    void theLearnerChecksInByTheQrLinkOnTheirPhone() {
        String url = asTrainer(() -> checkIns.currentCode(sessionId)).url();
        String path = url.substring(url.indexOf("/checkin/") + 1);
        try (BrowserSession phone = new BrowserSession(port, 390, 844)) {
            phone.step("open the QR link signed out", () -> {
                phone.open(path);
                phone.page.waitForURL(u -> u.contains("/login"));
            });
            phone.step("log in and come back to the check-in", () -> {
                phone.page.getByLabel("Tên đăng nhập").fill("t-learner");
                phone.page.getByLabel("Mật khẩu").fill("Learner-pass1");
                phone.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
                phone.page.waitForURL(u -> u.contains("/checkin/"));
                phone.waitForVaadin();
                assertThat(phone.page.getByText("Đã điểm danh: bạn có mặt ở buổi 1 của lớp “Lớp kiểm thử điểm danh QR”."))
                        .isVisible();
            });
            phone.screenshot("class-checkin-390");
            phone.step("a forged code is refused", () -> {
                phone.open(path.substring(0, path.length() - 3) + "abc");
                assertThat(phone.page.getByText("Mã QR không hợp lệ", new Page.GetByTextOptions().setExact(false))).isVisible();
            });
            phone.screenshot("class-checkin-refused-390");
        }
        assertThat(jdbc.queryForObject("select how from class_attendance where session_id = ? and person_id = ?", String.class,
                sessionId, CertificateFixture.LEARNER)).isEqualTo("QR");

        try (BrowserSession tablet = new BrowserSession(port, 1366, 768)) {
            tablet.logIn("t-trainer", "Trainer-pass1");
            tablet.step("the attendance page shows the check-in", () -> {
                tablet.open("classes/" + classId + "/sessions/" + sessionId);
                assertThat(tablet.page.getByText("Có mặt: 1/2")).isVisible();
                assertThat(tablet.page.locator(".attendance-row.present")).containsText("Nguyễn Thị Học");
                assertThat(tablet.page.locator(".attendance-row.present")).containsText("tự điểm danh bằng QR");
                assertThat(tablet.page.locator(".checkin-qr-box svg")).isVisible();
            });
            tablet.screenshot("class-attendance-1366");
            tablet.step("a tap ticks the other learner", () -> {
                tablet.page.locator(".attendance-row", new Page.LocatorOptions().setHasText("Đặng Thị Ngọc Ánh")).click();
                assertThat(tablet.page.getByText("Có mặt: 2/2")).isVisible();
            });
            tablet.open("classes/" + classId);
            assertThat(tablet.page.getByText("Độ bao phủ của Phường A", new Page.GetByTextOptions().setExact(false))).isVisible();
            tablet.screenshot("class-page-1366");
        }
        try (BrowserSession phone = new BrowserSession(port, 390, 844)) {
            phone.logIn("t-trainer", "Trainer-pass1");
            phone.open("classes/" + classId + "/sessions/" + sessionId);
            assertThat(phone.page.getByText("Có mặt: 2/2")).isVisible();
            phone.screenshot("class-attendance-390");
            phone.open("classes/" + classId);
            phone.screenshot("class-page-390");
        }
    }

    private static <T> T asTrainer(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("t-trainer", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_TRAINER"))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
