package vn.gbv.portal.course;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server without a courses folder (all courses written in the portal) still starts. */
class CourseImportOnStartMissingFolderTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsSkippedWithAWarning() {
        CourseImporter importer = mock(CourseImporter.class);
        var onStart = new CourseImportOnStart(importer, dir.resolve("no-such-folder"));

        assertThatCode(() -> onStart.run(null)).doesNotThrowAnyException();
        verifyNoInteractions(importer);
    }
}
