package vn.gbv.portal.base;

import java.nio.file.Path;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Another app holds the embedded database's data directory. */
class DataDirInUseException extends IllegalStateException {

    final transient Path root;

    DataDirInUseException(Path root, Path lockFile) {
        super("Another instance of the portal is already running with its embedded database in " + root
                + " (it holds " + lockFile + "). Stop that one first, or give this one another folder with"
                + " PORTAL_EMBEDDED_DB_DIR.");
        this.root = root;
    }

    /** Says so at start-up as the one reason, instead of a chain of bean creation errors (META-INF/spring.factories). */
    static class Analyzer extends AbstractFailureAnalyzer<DataDirInUseException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DataDirInUseException cause) {
            return new FailureAnalysis(cause.getMessage(),
                    "Stop the portal that uses " + cause.root + ", or start this one with another data folder,"
                            + " e.g. PORTAL_EMBEDDED_DB_DIR=./data-2 ./mvnw spring-boot:run", cause);
        }
    }
}
