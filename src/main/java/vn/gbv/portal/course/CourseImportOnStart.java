package vn.gbv.portal.course;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.gbv.portal.course.ImportReport.Outcome;

/** Imports the shipped courses at start-up when {@code portal.courses.import-on-start=true}. */
@Component
@ConditionalOnProperty(name = "portal.courses.import-on-start", havingValue = "true")
class CourseImportOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CourseImportOnStart.class);
    static final String STARTED_BY = "system:start-up";

    private final CourseImporter importer;
    private final Path coursesDir;

    CourseImportOnStart(CourseImporter importer, @Value("${portal.courses.dir:./courses}") Path coursesDir) {
        this.importer = importer;
        this.coursesDir = coursesDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Files.isDirectory(coursesDir)) {
            // A server whose courses are all written in the portal has no folder: say so, and start.
            log.warn("No courses folder at {} (portal.courses.dir / PORTAL_COURSES_DIR): no course imported at start-up",
                    coursesDir.toAbsolutePath());
            return;
        }
        ImportReport report = importer.importAll(coursesDir, STARTED_BY);
        log.info("Courses from {}: {} imported, {} unchanged, {} failed (import run {})", coursesDir.toAbsolutePath(),
                report.count(Outcome.IMPORTED), report.count(Outcome.UNCHANGED), report.count(Outcome.FAILED),
                report.runId());
        report.problems().forEach(p -> log.warn("Course {}: {}{}: {}", p.folder(),
                p.file() == null ? "" : p.file(), p.line() == null ? "" : ":" + p.line(), p.message()));
    }
}
