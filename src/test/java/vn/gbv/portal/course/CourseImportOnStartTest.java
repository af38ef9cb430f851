package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "portal.courses.import-on-start=true")
class CourseImportOnStartTest {

    private static final String CODE = TestCourses.uniqueCode("khoi-dong");

    @TempDir
    static Path coursesDir;

    @DynamicPropertySource
    static void coursesDir(DynamicPropertyRegistry registry) {
        registry.add("portal.courses.dir", () -> coursesDir.toString());
    }

    /** Runs before the application starts, which happens when the first test needs it. */
    @BeforeAll
    static void writeACourse() {
        TestCourses.validCourse(coursesDir, "khoa-hoc", CODE);
    }

    @Autowired
    CourseCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCoursesFolderIsImportedAtStartUp() {
        assertThat(catalog.card(CODE)).hasValueSatisfying(card -> assertThat(card.versionNo()).isEqualTo(1));
        assertThat(jdbc.queryForList("SELECT started_by FROM course_import_run WHERE finished_at IS NOT NULL",
                String.class)).containsExactly(CourseImportOnStart.STARTED_BY);
    }
}
