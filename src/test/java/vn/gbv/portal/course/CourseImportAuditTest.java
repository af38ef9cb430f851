package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.course.ImportReport.Outcome;

/** A published version and a failed course folder each leave an audit row; so does an import at start-up. */
@SpringBootTest
class CourseImportAuditTest {

    @Autowired CourseImporter importer;
    @Autowired JdbcTemplate jdbc;

    @TempDir
    Path root;

    @Test
    @WithMockUser(username = "course-auditor", roles = "ADMIN")
    void aPublishedVersionAndAFailedFolderAreRecordedWithWhoImported() throws Exception {
        String code = TestCourses.uniqueCode("nhat-ky");
        TestCourses.validCourse(root, "khoa-tot", code);
        Path broken = Files.createDirectories(root.resolve("khoa-loi-" + code));
        Files.writeString(broken.resolve("course.yaml"), "title: Thiếu mã\n");

        ImportReport report = importer.importAll(root, "course-auditor");
        assertThat(report.count(Outcome.IMPORTED)).isEqualTo(1);
        assertThat(report.count(Outcome.FAILED)).isEqualTo(1);

        assertThat(jdbc.query("""
                select actor, action, entity_label, before_value, after_value from audit_event
                where entity_type = 'course' and (entity_label = ? or after_value like ?) order by id
                """, (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)), code, "%khoa-loi-" + code + "%"))
                .containsExactly(
                        tuple("course-auditor", "course.publish", code, null,
                                "Thư mục: khoa-tot; Phiên bản: 1; Tên khóa học: Khóa học thử " + code),
                        tuple("course-auditor", "course.import-failed", "khoa-loi-" + code, null,
                                "Thư mục: khoa-loi-" + code + "; Số lỗi: "
                                        + report.courses().stream().filter(c -> c.outcome() == Outcome.FAILED)
                                        .findFirst().orElseThrow().problems().size()));
    }

    @Test
    void anImportWithNobodySignedInIsRecordedAsTheSystem() {
        String code = TestCourses.uniqueCode("khoi-dong");
        TestCourses.validCourse(root, "khoa-khoi-dong", code);

        importer.importAll(root, "system");

        assertThat(jdbc.queryForList("select actor from audit_event where entity_type = 'course' and entity_label = ?",
                String.class, code)).containsExactly("system");
    }
}
