package vn.gbv.portal.learning;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.ShippedCourses;
import vn.gbv.portal.course.CourseImportService;

/**
 * Server time to open a lesson: the navigation to a lesson page as the server does it (the
 * learning service's queries, saving the resume point, building the view), over every lesson of
 * the shipped courses. Prints percentiles; run with {@code ./mvnw -Pbenchmark test}.
 */
@SpringBootTest
@Sql("/sql/test-accounts.sql")
@WithMockUser(username = "t-learner", roles = "LEARNER")
class LessonOpenBenchmark extends SpringBrowserlessTest {

    @Autowired CourseImportService importer;
    @Autowired CourseCatalog catalog;

    @Test
    void openLessons() {
        ShippedCourses.importAsAdministrator(importer);
        List<String> paths = new ArrayList<>();
        for (var card : catalog.published()) {
            for (var lesson : catalog.outline(card.versionId()).orElseThrow().lessons()) {
                paths.add("learn/" + card.code() + "/lesson/" + lesson.id());
            }
        }
        for (int warm = 0; warm < 3; warm++) {
            paths.forEach(p -> UI.getCurrent().navigate(p));
        }
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (String path : paths) {
                long start = System.nanoTime();
                UI.getCurrent().navigate(path);
                nanos.add(System.nanoTime() - start);
                if (!(getCurrentView() instanceof LessonView)) {
                    throw new IllegalStateException("did not open " + path);
                }
            }
        }
        Collections.sort(nanos);
        System.out.printf("%nLESSON OPEN (server, %d opens of %d lessons): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                nanos.size(), paths.size(), ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
