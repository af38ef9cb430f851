package vn.gbv.portal.course;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.audit.Changes;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.course.AuthoringQueries.AuthoringRow;
import vn.gbv.portal.course.AuthoringQueries.CourseInfo;
import vn.gbv.portal.course.AuthoringQueries.DraftRow;
import vn.gbv.portal.course.AuthoringQueries.Item;
import vn.gbv.portal.course.AuthoringQueries.VersionRow;
import vn.gbv.portal.security.CurrentUser;

/**
 * Trainers write courses in the portal. A draft is the course's folder kept in the database
 * (course.yaml, module.yaml, lessons in Markdown, quiz.yaml, images), so that publishing runs the
 * importer's own parser and checks on it and writes a version with the importer's writer, and an
 * export is those files as a ZIP. Drafts are shared by trainers, saved on every change, and
 * guarded by an optimistic lock: a save made on an older state is refused, never silently lost.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'TRAINER')")
public class AuthoringService {

    static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");

    /** A course opened in the editor: its files, editable when {@code draft} is present. */
    record Editor(String code, String folder, boolean folderOwned, Optional<DraftRow> draft,
                  SortedMap<String, byte[]> files, long previewId) {

        boolean readOnly() {
            return draft.isEmpty();
        }
    }

    /** What the checks found: problems refuse publishing, warnings never do. */
    record Check(List<CourseProblem> problems, List<CourseProblem> warnings) {
    }

    /** A publication: the new version, or the problems that refused it (nothing published). */
    record Published(Integer versionNo, List<CourseProblem> problems) {
    }

    /** A lesson or question that differs between two versions, with its line diff. */
    record Difference(String place, boolean question, List<LineDiff.Line> lines) {
    }

    private final AuthoringQueries queries;
    private final LessonSanitizer lessons;
    private final CourseVersionWriter writer;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Path coursesDir;

    AuthoringService(AuthoringQueries queries, LessonSanitizer lessons, CourseVersionWriter writer, JdbcTemplate jdbc,
                     AuditLog audit, Clock clock, @Value("${portal.courses.dir:./courses}") Path coursesDir) {
        this.queries = queries;
        this.lessons = lessons;
        this.writer = writer;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.coursesDir = coursesDir;
    }

    /** A programme group a course may count for. */
    record Group(String code, String nameVi, String nameEn) {
    }

    @Transactional(readOnly = true)
    public List<Group> groups() {
        return jdbc.query("SELECT code, name_vi, name_en FROM programme_group ORDER BY code",
                (rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    @Transactional(readOnly = true)
    public List<AuthoringRow> courses() {
        return queries.courses();
    }

    /**
     * Opens a course: a portal course in its draft (made from the current version when nobody is
     * editing it), a folder course read-only until a trainer takes it over.
     */
    public Editor open(String code) {
        Optional<CourseInfo> course = queries.course(code);
        Optional<DraftRow> draft = queries.draft(code);
        if (draft.isPresent()) {
            String folder = course.map(CourseInfo::folder).orElse(code);
            return new Editor(code, folder, false, draft, queries.draftFiles(draft.get().id()), -draft.get().id());
        }
        CourseInfo info = course.filter(c -> c.currentVersionId() != null)
                .orElseThrow(() -> RefusedException.of("authoring.error.no-course", code));
        SortedMap<String, byte[]> files = versionFiles(info);
        if (!info.portalOwned()) {
            return new Editor(code, info.folder(), true, Optional.empty(), files, info.currentVersionId());
        }
        long id = queries.createDraft(code, info.currentVersionId(), user(), files);
        return new Editor(code, info.folder(), false, queries.draft(id), files, -id);
    }

    /** Starts a new course: a draft with one module, one lesson and one quiz, ready to be written. */
    public void createCourse(String code, String title) {
        String wanted = code == null ? "" : code.strip();
        if (!CourseFolderParser.CODE.matcher(wanted).matches() || wanted.length() > 80) {
            throw RefusedException.onField("code", "authoring.error.code-format", wanted);
        }
        if (title == null || title.isBlank()) {
            throw RefusedException.onField("title", "authoring.error.title-required");
        }
        if (queries.course(wanted).isPresent() || queries.draft(wanted).isPresent()) {
            throw RefusedException.onField("code", "authoring.error.code-taken", wanted);
        }
        queries.createDraft(wanted, null, user(), skeleton(wanted, title.strip()));
        audit.record("course.draft-create", AuditLog.Entity.COURSE, null, wanted, null,
                Changes.of().field("audit.field.title", null, title.strip()).after());
    }

    /**
     * A trainer takes a folder course over: from now on the portal owns it and import-on-start
     * skips its folder. Its draft starts from the current version's files.
     */
    public void takeOver(String code) {
        CourseInfo info = queries.lockCourse(code).filter(c -> c.currentVersionId() != null)
                .orElseThrow(() -> RefusedException.of("authoring.error.no-course", code));
        if (info.portalOwned()) {
            throw RefusedException.of("authoring.error.already-portal", code);
        }
        SortedMap<String, byte[]> files = versionFiles(info);
        queries.takeOver(info.id(), user(), clock.instant());
        if (queries.draft(code).isEmpty()) {
            queries.createDraft(code, info.currentVersionId(), user(), files);
        }
        audit.record("course.take-over", AuditLog.Entity.COURSE, info.id(), code,
                Changes.of().field("authoring.audit.owner", "FOLDER", null).before(),
                Changes.of().field("authoring.audit.owner", null, "PORTAL")
                        .field("audit.field.folder", null, info.folder()).after());
    }

    /** Saves one file of a draft; returns the draft's new lock. */
    public long save(long draftId, long expectedLock, String path, byte[] bytes) {
        checkPath(path);
        if (bytes.length > CourseFolderSnapshot.MAX_FILE_BYTES) {
            throw RefusedException.of("authoring.error.file-too-large", path);
        }
        lock(draftId, expectedLock);
        queries.putFile(draftId, path, bytes);
        return expectedLock + 1;
    }

    /** Saves several files at once (a new module, a renamed lesson): all or none. */
    public long saveAll(long draftId, long expectedLock, Map<String, byte[]> put, List<String> remove) {
        put.keySet().forEach(AuthoringService::checkPath);
        remove.forEach(AuthoringService::checkPath);
        lock(draftId, expectedLock);
        remove.forEach(path -> queries.removeFile(draftId, path));
        put.forEach((path, bytes) -> queries.putFile(draftId, path, bytes));
        return expectedLock + 1;
    }

    /**
     * Adds an image next to a module's lessons ({@code module/images/name.ext}) after checking its
     * type, size and dimensions. Returns the path relative to the course folder.
     */
    public String addImage(long draftId, long expectedLock, String module, String fileName, byte[] bytes) {
        ImageCheck.Image image = ImageCheck.check(fileName, bytes);
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String safe = java.text.Normalizer.normalize(base.replace('đ', 'd').replace('Đ', 'D'),
                        java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String path = (module == null || module.isBlank() ? "" : module + "/") + "images/"
                + (safe.isEmpty() ? "hinh" : safe) + "." + image.extension();
        save(draftId, expectedLock, path, bytes);
        return path;
    }

    /** The importer's checks on the draft, without publishing. */
    @Transactional(readOnly = true)
    public Check check(long draftId) {
        DraftRow draft = queries.draft(draftId).orElseThrow(() -> RefusedException.of("authoring.error.no-draft"));
        ParsedFolder parsed = parse(draft);
        List<CourseProblem> warnings = parsed.valid().map(ItemWritingChecks::asProblems).orElse(List.of());
        return new Check(parsed.problems(), warnings);
    }

    /**
     * Publishes the draft as the course's next version when the importer's checks pass; otherwise
     * returns their problems and writes nothing. The draft is closed once published.
     */
    public Published publish(long draftId, long expectedLock) {
        DraftRow draft = queries.draft(draftId).orElseThrow(() -> RefusedException.of("authoring.error.no-draft"));
        if (draft.lockVersion() != expectedLock) {
            throw RefusedException.of("authoring.error.conflict", draft.updatedBy());
        }
        Optional<CourseInfo> course = queries.lockCourse(draft.code());
        if (course.isPresent() && !course.get().portalOwned()) {
            throw RefusedException.of("authoring.error.folder-owned", draft.code());
        }
        ParsedFolder parsed = parse(draft);
        if (parsed.valid().isEmpty()) {
            return new Published(null, parsed.problems());
        }
        int versionNo = writer.publish(parsed.valid().get(), CourseVersionWriter.Source.PORTAL, user());
        queries.deleteDraft(draftId);
        return new Published(versionNo, List.of());
    }

    /** Drops a draft: what was published stays as it was. */
    public void discard(long draftId) {
        DraftRow draft = queries.draft(draftId).orElseThrow(() -> RefusedException.of("authoring.error.no-draft"));
        queries.deleteDraft(draftId);
        audit.record("course.draft-discard", AuditLog.Entity.COURSE, null, draft.code(), null, null);
    }

    /** The lesson's HTML exactly as the player will show it (the same sanitiser). */
    @Transactional(readOnly = true)
    public String preview(String markdown, String lessonDir, long previewId) {
        return lessons.toHtml(markdown == null ? "" : markdown, lessonDir, previewId);
    }

    /** A draft's image, for the preview; trainers only, like the draft. */
    @Transactional(readOnly = true)
    public Optional<byte[]> draftFile(long draftId, String path) {
        return queries.draftFile(draftId, path);
    }

    /**
     * A version (the current one when {@code versionNo} is null) as a ZIP in the courses/ folder
     * form: one folder, named as the course's folder, with the version's files.
     */
    @Transactional(readOnly = true)
    public byte[] export(String code, Integer versionNo) {
        CourseInfo info = queries.course(code).filter(c -> c.currentVersionId() != null)
                .orElseThrow(() -> RefusedException.of("authoring.error.no-course", code));
        SortedMap<String, byte[]> files;
        if (versionNo == null) {
            files = versionFiles(info);
        } else {
            VersionRow version = queries.version(code, versionNo)
                    .orElseThrow(() -> RefusedException.of("authoring.error.no-version", code, versionNo));
            files = queries.versionFiles(version.id());
            if (files.isEmpty()) {
                throw RefusedException.of("authoring.error.no-files", code, versionNo);
            }
        }
        String folder = info.folder() == null ? code : info.folder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + "/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Transactional(readOnly = true)
    public List<VersionRow> versions(String code) {
        return queries.versions(code);
    }

    /** What changed in lesson text and questions from one version to another. */
    @Transactional(readOnly = true)
    public List<Difference> diff(String code, int fromNo, int toNo) {
        VersionRow from = queries.version(code, fromNo)
                .orElseThrow(() -> RefusedException.of("authoring.error.no-version", code, fromNo));
        VersionRow to = queries.version(code, toNo)
                .orElseThrow(() -> RefusedException.of("authoring.error.no-version", code, toNo));
        List<Difference> out = new ArrayList<>();
        compare(queries.lessons(from.id()), queries.lessons(to.id()), false, out);
        compare(queries.questions(from.id()), queries.questions(to.id()), true, out);
        return out;
    }

    private static void compare(List<Item> before, List<Item> after, boolean question, List<Difference> out) {
        Map<String, String> old = new LinkedHashMap<>();
        before.forEach(i -> old.put(i.place(), i.text()));
        Map<String, String> now = new LinkedHashMap<>();
        after.forEach(i -> now.put(i.place(), i.text()));
        List<String> places = new ArrayList<>(now.keySet());
        old.keySet().stream().filter(p -> !now.containsKey(p)).forEach(places::add);
        for (String place : places) {
            List<LineDiff.Line> lines = LineDiff.diff(old.getOrDefault(place, ""), now.getOrDefault(place, ""));
            if (LineDiff.changed(lines)) {
                out.add(new Difference(place, question, lines));
            }
        }
    }

    private ParsedFolder parse(DraftRow draft) {
        String folder = queries.course(draft.code()).map(CourseInfo::folder).orElse(draft.code());
        CourseFolderParser parser = new CourseFolderParser(lessons,
                new HashSet<>(jdbc.queryForList("SELECT code FROM programme_group", String.class)));
        ParsedFolder parsed = parser.parse(CourseFolderSnapshot.of(folder, queries.draftFiles(draft.id())));
        if (parsed.code() != null && !parsed.code().equals(draft.code())) {
            CourseProblems problems = new CourseProblems(folder);
            problems.add("course.yaml", parsed.codeLine(), "code-changed", parsed.code(), draft.code());
            return parsed.withProblem(problems.all().getFirst());
        }
        return parsed;
    }

    /**
     * The files of the course's current version; a version imported before they were kept is read
     * from its folder when the folder still has the same content.
     */
    private SortedMap<String, byte[]> versionFiles(CourseInfo info) {
        SortedMap<String, byte[]> files = queries.versionFiles(info.currentVersionId());
        if (!files.isEmpty()) {
            return files;
        }
        Path dir = info.folder() == null ? null : coursesDir.resolve(info.folder());
        if (dir != null && Files.isDirectory(dir)) {
            CourseFolderSnapshot snapshot = CourseFolderSnapshot.read(dir);
            if (snapshot.contentHash().equals(info.contentHash())) {
                return new TreeMap<>(snapshot.files());
            }
        }
        throw RefusedException.of("authoring.error.no-files-current", info.code());
    }

    private void lock(long draftId, long expectedLock) {
        if (!queries.bumpLock(draftId, expectedLock, user(), clock.instant())) {
            String by = queries.draft(draftId).map(DraftRow::updatedBy).orElse("?");
            throw RefusedException.of("authoring.error.conflict", by);
        }
    }

    /** A path inside the course folder: relative, '/' separated, no '..', no hidden part. */
    static void checkPath(String path) {
        if (path == null || path.isBlank() || path.length() > 300 || path.startsWith("/") || path.contains("\\")) {
            throw RefusedException.of("authoring.error.path", String.valueOf(path));
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.startsWith(".")) {
                throw RefusedException.of("authoring.error.path", path);
            }
        }
    }

    static SortedMap<String, byte[]> skeleton(String code, String title) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("code", code);
        card.put("title", title);
        card.put("summary", "Mô tả ngắn về khóa học.");
        card.put("topic", "gbv-basics");
        card.put("group", "knowledge");
        card.put("audience", "Cán bộ, cộng tác viên làm công tác xã hội");
        card.put("estimatedMinutes", 30);
        files.put("course.yaml", DraftYaml.write(card));
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("title", "Học phần 1");
        module.put("summary", "Nội dung chính của học phần.");
        files.put("01-hoc-phan/module.yaml", DraftYaml.write(module));
        files.put("01-hoc-phan/01-bai-hoc.md", """
                # Bài học đầu tiên

                Viết nội dung bài học ở đây, theo cú pháp Markdown.
                """.getBytes(StandardCharsets.UTF_8));
        DraftYaml.QuizForm quiz = new DraftYaml.QuizForm();
        quiz.title = "Kiểm tra học phần 1";
        quiz.passPercent = 70;
        quiz.drawCount = 1;
        quiz.maxAttempts = 0;
        DraftYaml.QuestionForm question = new DraftYaml.QuestionForm();
        question.id = "cau-1";
        question.type = "truefalse";
        question.text = "Nhận định cần kiểm tra.";
        question.answer = Boolean.TRUE;
        question.explanation = "Giải thích vì sao nhận định đúng.";
        quiz.questions.add(question);
        files.put("01-hoc-phan/quiz.yaml", DraftYaml.write(quiz.toMap()));
        return files;
    }

    private static String user() {
        return CurrentUser.username().orElse(AuditLog.SYSTEM);
    }
}
