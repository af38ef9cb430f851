package vn.gbv.portal.course;

import vn.gbv.portal.base.RefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.course.ImportReport.CourseResult;
import vn.gbv.portal.course.ImportReport.Outcome;

/**
 * Imports every course folder of a directory. Each folder is read, checked and, when valid and
 * changed, published as a new version in its own transaction: one broken course does not stop
 * the others and never replaces what is published. Each run is recorded with its problems.
 */
@Component
class CourseImporter {

    /** MariaDB named lock: on several nodes, one imports at a time; the others wait, then find nothing changed. */
    private static final String LOCK = "course-import";
    private static final int LOCK_WAIT_SECONDS = 60;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final LessonSanitizer lessons;
    private final CourseVersionWriter writer;
    private final AuditLog audit;
    private final Clock clock;

    CourseImporter(DataSource dataSource, JdbcTemplate jdbc, LessonSanitizer lessons, CourseVersionWriter writer,
                   AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.lessons = lessons;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    ImportReport importAll(Path dir, String startedBy) {
        if (!Files.isDirectory(dir)) {
            throw RefusedException.of("course.import.error.no-folder", dir.toAbsolutePath());
        }
        // The lock lives as long as the session that took it: one dedicated connection, held for the run.
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate session = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            Integer locked = session.queryForObject("SELECT GET_LOCK(?, ?)", Integer.class, LOCK, LOCK_WAIT_SECONDS);
            if (!Integer.valueOf(1).equals(locked)) {
                throw RefusedException.of("course.import.error.busy");
            }
            try {
                return importLocked(dir, startedBy);
            } finally {
                session.queryForObject("SELECT RELEASE_LOCK(?)", Integer.class, LOCK);
            }
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("The connection holding the course import lock failed", e);
        }
    }

    private ImportReport importLocked(Path dir, String startedBy) {
        Instant startedAt = clock.instant();
        long runId = insertRun(startedAt, startedBy);
        CourseFolderParser parser = new CourseFolderParser(lessons,
                new HashSet<>(jdbc.queryForList("SELECT code FROM programme_group", String.class)));
        List<ParsedFolder> parsed = withDuplicateCodes(courseFolders(dir).stream()
                .map(folder -> parse(parser, folder))
                .toList());
        List<CourseResult> results = parsed.stream().map(folder -> importOne(folder, startedBy)).toList();
        results.stream().filter(r -> r.outcome() == Outcome.FAILED).forEach(this::auditFailure);

        List<Object[]> rows = new ArrayList<>();
        for (CourseResult result : results) {
            result.problems().forEach(p -> rows.add(problemRow(runId, "ERROR", p)));
            String kind = result.outcome() == Outcome.SKIPPED ? "NOTICE" : "WARNING";
            result.warnings().forEach(p -> rows.add(problemRow(runId, kind, p)));
        }
        jdbc.batchUpdate("""
                INSERT INTO course_import_problem (run_id, kind, course_folder, file, line, message)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
        Instant finishedAt = clock.instant();
        ImportReport report = new ImportReport(runId, startedBy, startedAt, finishedAt, results);
        jdbc.update("UPDATE course_import_run SET finished_at = ?, summary = ? WHERE id = ?",
                Timestamp.from(finishedAt), summary(report), runId);
        return report;
    }

    private static Object[] problemRow(long runId, String kind, CourseProblem p) {
        return new Object[] {runId, kind, fit(p.folder(), 200), fit(p.file(), 300), p.line(), fit(p.message(), 2000)};
    }

    private static ParsedFolder parse(CourseFolderParser parser, Path folder) {
        try {
            return parser.parse(CourseFolderSnapshot.read(folder));
        } catch (UncheckedIOException e) {
            // A folder that cannot be read (permissions, a file removed while reading) fails only this course.
            String name = folder.getFileName().toString();
            CourseProblems problems = new CourseProblems(name);
            problems.add(null, null, "folder-unreadable", e.getCause().getMessage());
            return new ParsedFolder(name, null, null, null, null, problems.all());
        }
    }

    private CourseResult importOne(ParsedFolder folder, String startedBy) {
        Optional<CourseDraft> valid = folder.valid();
        if (valid.isEmpty()) {
            return new CourseResult(folder.folder(), folder.code(), Outcome.FAILED, null, folder.problems());
        }
        CourseDraft draft = valid.get();
        Optional<String> takenOverBy = portalOwner(draft.card().code());
        if (takenOverBy.isPresent()) {
            // The portal wins: a course taken over (or written) in the portal is never overwritten by its folder.
            CourseProblems notice = new CourseProblems(folder.folder());
            notice.add(null, null, "skipped-portal-owned", draft.card().code(),
                    takenOverBy.get().isEmpty() ? "—" : takenOverBy.get());
            return new CourseResult(folder.folder(), folder.code(), Outcome.SKIPPED, null, List.of(), notice.all());
        }
        List<CourseProblem> warnings = ItemWritingChecks.asProblems(draft);
        Optional<Integer> unchanged = currentVersionWithHash(draft.card().code(), draft.contentHash());
        if (unchanged.isPresent()) {
            keepFiles(draft);
            return new CourseResult(folder.folder(), folder.code(), Outcome.UNCHANGED, unchanged.get(), List.of(),
                    warnings);
        }
        try {
            int versionNo = writer.publish(draft, CourseVersionWriter.Source.FOLDER, startedBy);
            return new CourseResult(folder.folder(), folder.code(), Outcome.IMPORTED, versionNo, List.of(), warnings);
        } catch (DataAccessException e) {
            // The database refused this course (its transaction is rolled back): reported like any
            // other problem of the course, so that the other courses are still imported.
            CourseProblems problems = new CourseProblems(folder.folder());
            problems.add(null, null, "database", e.getMostSpecificCause().getMessage());
            return new CourseResult(folder.folder(), folder.code(), Outcome.FAILED, null, problems.all());
        }
    }

    /** A published version is recorded by the writer, in its transaction; a failure here, on its own. */
    private void auditFailure(CourseResult failed) {
        audit.record("course.import-failed", AuditLog.Entity.COURSE, null,
                failed.code() == null ? failed.folder() : failed.code(), null,
                Changes.of().field("audit.field.folder", null, failed.folder())
                        .field("audit.field.problems", null, failed.problems().size()).after());
    }

    /**
     * A version imported before versions kept their files (V12) gets them from its unchanged
     * folder, so that it can be exported and taken over.
     */
    private void keepFiles(CourseDraft draft) {
        List<Long> missing = jdbc.queryForList("""
                SELECT c.current_version_id FROM course c
                WHERE c.code = ? AND NOT EXISTS (SELECT 1 FROM course_version_file f
                                                 WHERE f.course_version_id = c.current_version_id)""",
                Long.class, draft.card().code());
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("INSERT IGNORE INTO course_version_file (course_version_id, path, bytes) VALUES (?, ?, ?)",
                    new ArrayList<>(draft.files().entrySet()), 20, (ps, file) -> {
                        ps.setLong(1, missing.getFirst());
                        ps.setString(2, file.getKey());
                        ps.setBytes(3, file.getValue());
                    });
        }
    }

    /** Who took the course over when the portal owns it ("" when it was written in the portal). */
    private Optional<String> portalOwner(String code) {
        return jdbc.queryForList("SELECT COALESCE(taken_over_by, '') FROM course WHERE code = ? AND owner = 'PORTAL'",
                String.class, code).stream().findFirst();
    }

    private Optional<Integer> currentVersionWithHash(String code, String contentHash) {
        return jdbc.queryForList("""
                SELECT v.version_no FROM course c JOIN course_version v ON v.id = c.current_version_id
                WHERE c.code = ? AND v.content_hash = ?""", Integer.class, code, contentHash).stream().findFirst();
    }

    /** Two folders with the same code: neither is imported, since either could be the one meant. */
    private static List<ParsedFolder> withDuplicateCodes(List<ParsedFolder> parsed) {
        Map<String, List<String>> foldersByCode = parsed.stream().filter(p -> p.code() != null)
                .collect(Collectors.groupingBy(ParsedFolder::code,
                        Collectors.mapping(ParsedFolder::folder, Collectors.toList())));
        List<ParsedFolder> checked = new ArrayList<>();
        for (ParsedFolder folder : parsed) {
            List<String> same = folder.code() == null ? List.of() : foldersByCode.get(folder.code());
            if (same.size() > 1) {
                CourseProblems problems = new CourseProblems(folder.folder());
                String others = same.stream().filter(f -> !f.equals(folder.folder())).collect(Collectors.joining(", "));
                problems.add("course.yaml", folder.codeLine(), "code-duplicate", folder.code(), others);
                checked.add(folder.withProblem(problems.all().getFirst()));
            } else {
                checked.add(folder);
            }
        }
        return checked;
    }

    /** Every folder of the courses directory is a course; files there (README.md) and hidden folders are not. */
    private static List<Path> courseFolders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the courses folder " + dir, e);
        }
    }

    private long insertRun(Instant startedAt, String startedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "INSERT INTO course_import_run (started_at, started_by) VALUES (?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            statement.setTimestamp(1, Timestamp.from(startedAt));
            statement.setString(2, fit(startedBy, 100));
            return statement;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    /** For operators reading the table; the portal shows the report itself, translated. */
    private static String summary(ImportReport report) {
        return "imported %d, unchanged %d, failed %d".formatted(report.count(Outcome.IMPORTED),
                report.count(Outcome.UNCHANGED), report.count(Outcome.FAILED));
    }

    private static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
