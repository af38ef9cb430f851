package vn.gbv.portal.course;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.gbv.portal.security.CurrentUser;

/** Imports the courses folder ({@code portal.courses.dir}) on an administrator's demand. */
@Service
public class CourseImportService {

    private final CourseImporter importer;
    private final Path coursesDir;

    CourseImportService(CourseImporter importer, @Value("${portal.courses.dir:./courses}") Path coursesDir) {
        this.importer = importer;
        this.coursesDir = coursesDir;
    }

    /**
     * Imports every course folder now: valid, changed courses become new versions; broken ones
     * are reported and their published version stays.
     *
     * @throws vn.gbv.portal.base.RefusedException when the folder is missing or another import holds the lock
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportReport importNow() {
        return importer.importAll(coursesDir, CurrentUser.username().orElseThrow());
    }
}
