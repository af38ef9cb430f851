package vn.gbv.portal.course;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.commonmark.node.Image;
import org.yaml.snakeyaml.nodes.Node;
import vn.gbv.portal.course.CourseDraft.AssetDraft;
import vn.gbv.portal.course.CourseDraft.Card;
import vn.gbv.portal.course.CourseDraft.LessonDraft;
import vn.gbv.portal.course.CourseDraft.ModuleDraft;
import vn.gbv.portal.course.CourseDraft.OptionDraft;
import vn.gbv.portal.course.CourseDraft.QuestionDraft;
import vn.gbv.portal.course.CourseDraft.QuestionType;
import vn.gbv.portal.course.CourseDraft.QuizDraft;

/**
 * Reads one course folder in the format of courses/README.md and checks every rule there.
 * Problems name the file (relative to the course folder) and the line where one is known.
 */
final class CourseFolderParser {

    static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final List<String> TOPICS =
            List.of("gbv-basics", "social-work", "legal", "digital-safety", "workplace", "self-care");
    static final Map<String, String> IMAGE_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
            "svg", "image/svg+xml", "webp", "image/webp");

    private static final String COURSE_YAML = "course.yaml";
    private static final String MODULE_YAML = "module.yaml";
    private static final String QUIZ_YAML = "quiz.yaml";
    private static final Set<String> COURSE_KEYS =
            Set.of("code", "title", "summary", "topic", "group", "groups", "audience", "estimatedMinutes", "version");
    private static final Set<String> MODULE_KEYS = Set.of("title", "summary");
    private static final Set<String> QUIZ_KEYS = Set.of("title", "passPercent", "drawCount", "maxAttempts", "questions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "text", "options", "answer", "explanation");
    private static final Set<String> OPTION_KEYS = Set.of("text", "correct");
    // Column sizes of V2__courses_and_learning.sql
    private static final int FOLDER_MAX = 200;
    private static final int ASSET_PATH_MAX = 300;
    private static final int TITLE_MAX = 255;
    /** The two options a true/false question is stored with. */
    static final String TRUE_TEXT = "Đúng";
    static final String FALSE_TEXT = "Sai";

    private final LessonSanitizer lessons;
    private final Set<String> groupCodes;

    /** {@code groupCodes}: the programme groups a course may name. */
    CourseFolderParser(LessonSanitizer lessons, Set<String> groupCodes) {
        this.lessons = lessons;
        this.groupCodes = Set.copyOf(groupCodes);
    }

    ParsedFolder parse(CourseFolderSnapshot snapshot) {
        return new FolderParse(snapshot).run();
    }

    static boolean isImage(String path) {
        return IMAGE_TYPES.containsKey(extension(path));
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The state of reading one folder. */
    private final class FolderParse {

        private final CourseFolderSnapshot snapshot;
        private final CourseProblems problems;
        private final List<AssetDraft> assets = new ArrayList<>();
        private String code;
        private Integer codeLine;

        FolderParse(CourseFolderSnapshot snapshot) {
            this.snapshot = snapshot;
            this.problems = new CourseProblems(snapshot.folder());
        }

        ParsedFolder run() {
            snapshot.oversized().forEach((path, size) ->
                    problems.add(path, null, "file-too-large", path, size / (1024 * 1024)));
            snapshot.notRegular().forEach(path -> problems.add(path, null, "not-a-file", path));

            SortedMap<String, List<String>> byFolder = new TreeMap<>();
            for (String path : snapshot.files().keySet()) {
                int slash = path.indexOf('/');
                if (slash < 0) {
                    if (!path.equals(COURSE_YAML) && !path.equals(QUIZ_YAML)) {
                        assetOrUnknown(path);
                    }
                } else {
                    byFolder.computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>()).add(path);
                }
            }

            Optional<Card> card = card();
            QuizDraft finalQuiz = snapshot.files().containsKey(QUIZ_YAML) ? quiz(QUIZ_YAML).orElse(null) : null;
            List<ModuleDraft> modules = new ArrayList<>();
            byFolder.forEach((folder, paths) -> {
                if (isModule(folder, paths)) {
                    module(folder, paths).ifPresent(modules::add);
                } else {
                    paths.forEach(this::assetOrUnknown);
                }
            });
            if (byFolder.keySet().stream().noneMatch(folder -> isModule(folder, byFolder.get(folder)))) {
                problems.add(null, null, "no-modules");
            }

            String hash = snapshot.contentHash();
            CourseDraft draft = problems.isEmpty() && card.isPresent()
                    ? new CourseDraft(snapshot.folder(), hash, card.get(), modules, finalQuiz, assets, snapshot.files())
                    : null;
            return new ParsedFolder(snapshot.folder(), code, codeLine, hash, draft, problems.all());
        }

        private boolean isModule(String folder, List<String> paths) {
            return paths.stream().anyMatch(path -> {
                String rest = path.substring(folder.length() + 1);
                return !rest.contains("/")
                        && (rest.equals(MODULE_YAML) || rest.equals(QUIZ_YAML) || extension(rest).equals("md"));
            });
        }

        private void assetOrUnknown(String path) {
            if (!isImage(path)) {
                problems.add(path, null, "unknown-file", path);
            } else if (path.length() > ASSET_PATH_MAX) {
                problems.add(path, null, "name-too-long", path, ASSET_PATH_MAX);
            } else {
                assets.add(new AssetDraft(path, IMAGE_TYPES.get(extension(path)), snapshot.files().get(path)));
            }
        }

        private Optional<String> text(String path) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(snapshot.files().get(path)))
                        .toString();
                // Some editors on Windows start UTF-8 files with a byte order mark.
                return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
            } catch (CharacterCodingException e) {
                problems.add(path, null, "not-utf8");
                return Optional.empty();
            }
        }

        private Optional<YamlFile.Mapping> yaml(String path, Set<String> keys) {
            return text(path).flatMap(text -> new YamlFile(path, problems).read(text, keys));
        }

        private Optional<Card> card() {
            if (!snapshot.files().containsKey(COURSE_YAML)) {
                problems.add(COURSE_YAML, null, "course-yaml-missing");
                return Optional.empty();
            }
            Optional<YamlFile.Mapping> read = yaml(COURSE_YAML, COURSE_KEYS);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            YamlFile.Mapping yaml = read.get();
            Optional<String> codeValue = yaml.text("code", true, 80);
            codeValue.ifPresent(value -> {
                if (CODE.matcher(value).matches()) {
                    code = value;
                    codeLine = yaml.line("code");
                } else {
                    problems.add(COURSE_YAML, yaml.line("code"), "code-format", value);
                }
            });
            Optional<String> title = yaml.text("title", true, TITLE_MAX);
            Optional<String> summary = yaml.text("summary", true, 2000);
            Optional<String> topic = yaml.text("topic", true, 40);
            topic.filter(t -> !TOPICS.contains(t)).ifPresent(t ->
                    problems.add(COURSE_YAML, yaml.line("topic"), "topic-unknown", t, String.join(", ", TOPICS)));
            List<String> groups = groups(yaml);
            Optional<String> audience = yaml.text("audience", false, 500);
            Optional<Integer> minutes = yaml.integer("estimatedMinutes", true);
            minutes.filter(m -> m < 1).ifPresent(m ->
                    problems.add(COURSE_YAML, yaml.line("estimatedMinutes"), "minutes-range", m));
            Optional<String> label = yaml.text("version", false, 40);
            if (code == null || title.isEmpty() || summary.isEmpty() || topic.isEmpty() || minutes.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Card(code, title.get(), summary.get(), topic.get(), groups,
                    audience.orElse(null), minutes.get(), label.orElse(null)));
        }

        /** {@code group: code} or {@code groups: [code, ...]}: the programme groups the course counts for. */
        private List<String> groups(YamlFile.Mapping yaml) {
            if (yaml.has("group") && yaml.has("groups")) {
                problems.add(COURSE_YAML, yaml.line("groups"), "group-and-groups");
                return List.of();
            }
            List<String> named = new ArrayList<>();
            if (yaml.has("group")) {
                yaml.text("group", false, 40).ifPresent(named::add);
            } else {
                yaml.list("groups", false).ifPresent(items -> items.forEach(item -> {
                    if (item instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar && !scalar.getValue().isBlank()) {
                        named.add(scalar.getValue().strip());
                    } else {
                        problems.add(COURSE_YAML, YamlFile.line(item), "group-not-code");
                    }
                }));
            }
            String line = yaml.has("group") ? "group" : "groups";
            named.stream().filter(g -> !groupCodes.contains(g)).forEach(g -> problems.add(COURSE_YAML, yaml.line(line),
                    "group-unknown", g, String.join(", ", new TreeSet<>(groupCodes))));
            return named.stream().filter(groupCodes::contains).distinct().toList();
        }

        private Optional<ModuleDraft> module(String folder, List<String> paths) {
            if (folder.length() > FOLDER_MAX) {
                problems.add(folder, null, "name-too-long", folder, FOLDER_MAX);
            }
            String moduleYaml = folder + "/" + MODULE_YAML;
            String quizYaml = folder + "/" + QUIZ_YAML;
            Optional<YamlFile.Mapping> yaml = Optional.empty();
            if (paths.contains(moduleYaml)) {
                yaml = yaml(moduleYaml, MODULE_KEYS);
            } else {
                problems.add(moduleYaml, null, "module-yaml-missing", folder);
            }
            Optional<String> title = yaml.flatMap(y -> y.text("title", true, TITLE_MAX));
            Optional<String> summary = yaml.flatMap(y -> y.text("summary", false, 2000));

            List<LessonDraft> moduleLessons = new ArrayList<>();
            boolean hasLessonFiles = false;
            QuizDraft quiz = null;
            for (String path : paths) {
                String rest = path.substring(folder.length() + 1);
                if (path.equals(moduleYaml)) {
                    continue;
                }
                if (path.equals(quizYaml)) {
                    quiz = quiz(path).orElse(null);
                } else if (!rest.contains("/") && extension(rest).equals("md")) {
                    hasLessonFiles = true;
                    lesson(folder, path).ifPresent(moduleLessons::add);
                } else {
                    assetOrUnknown(path);
                }
            }
            if (!hasLessonFiles) {
                problems.add(folder, null, "module-no-lessons", folder);
            }
            QuizDraft moduleQuiz = quiz;
            return title.map(t -> new ModuleDraft(folder, t, summary.orElse(null), moduleLessons, moduleQuiz));
        }

        private Optional<LessonDraft> lesson(String folder, String path) {
            String name = fileName(path);
            if (name.length() > FOLDER_MAX) {
                problems.add(path, null, "name-too-long", name, FOLDER_MAX);
            }
            Optional<String> read = text(path);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            org.commonmark.node.Node document = lessons.parse(read.get());
            Optional<String> title = lessons.titleHeading(document).map(lessons::text).filter(t -> !t.isBlank());
            if (title.isEmpty()) {
                problems.add(path, 1, "lesson-no-title");
            } else if (title.get().length() > TITLE_MAX) {
                problems.add(path, lessons.titleHeading(document).map(LessonSanitizer::line).orElse(null),
                        "lesson-title-too-long", title.get().length());
            }
            for (Image image : lessons.images(document)) {
                checkImage(folder, path, image);
            }
            return title.filter(t -> t.length() <= TITLE_MAX).map(t -> new LessonDraft(name, t, read.get()));
        }

        private void checkImage(String folder, String lessonPath, Image image) {
            String destination = image.getDestination();
            Integer line = LessonSanitizer.line(image);
            Optional<String> target = LessonSanitizer.coursePath(folder, destination);
            if (target.isEmpty()) {
                problems.add(lessonPath, line, "image-not-local", destination);
            } else if (!snapshot.files().containsKey(target.get())) {
                problems.add(lessonPath, line, "image-missing", destination, target.get());
            } else if (!isImage(target.get())) {
                problems.add(lessonPath, line, "image-not-image", destination);
            }
        }

        private Optional<QuizDraft> quiz(String path) {
            Optional<YamlFile.Mapping> read = yaml(path, QUIZ_KEYS);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            YamlFile.Mapping yaml = read.get();
            Optional<String> title = yaml.text("title", true, TITLE_MAX);
            Optional<Integer> passPercent = yaml.integer("passPercent", true);
            passPercent.filter(p -> p < 1 || p > 100).ifPresent(p ->
                    problems.add(path, yaml.line("passPercent"), "quiz-pass-percent", p));
            Optional<Integer> drawCount = yaml.integer("drawCount", true);
            Optional<Integer> maxAttempts = yaml.has("maxAttempts") ? yaml.integer("maxAttempts", true) : Optional.of(0);
            maxAttempts.filter(m -> m < 0).ifPresent(m ->
                    problems.add(path, yaml.line("maxAttempts"), "quiz-max-attempts", m));
            Optional<List<Node>> items = yaml.list("questions", true);
            List<QuestionDraft> questions = new ArrayList<>();
            Map<String, Integer> keyLines = new HashMap<>();
            items.ifPresent(list -> {
                if (list.isEmpty()) {
                    problems.add(path, yaml.line("questions"), "quiz-no-questions");
                }
                for (int i = 0; i < list.size(); i++) {
                    question(path, list.get(i), i + 1, keyLines).ifPresent(questions::add);
                }
            });
            drawCount.filter(d -> items.isPresent() && (d < 1 || d > items.get().size())).ifPresent(d ->
                    problems.add(path, yaml.line("drawCount"), "quiz-draw-count", d, items.get().size()));
            if (title.isEmpty() || passPercent.isEmpty() || drawCount.isEmpty() || maxAttempts.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new QuizDraft(title.get(), passPercent.get(), drawCount.get(), maxAttempts.get(),
                    questions));
        }

        private Optional<QuestionDraft> question(String path, Node node, int number,
                                                 Map<String, Integer> keyLines) {
            YamlFile reader = new YamlFile(path, problems);
            Optional<YamlFile.Mapping> read = reader.mapping(node, QUESTION_KEYS);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            YamlFile.Mapping yaml = read.get();
            Optional<String> key = yaml.text("id", true, 80);
            String name = key.orElse("#" + number);
            key.ifPresent(k -> {
                Integer first = keyLines.putIfAbsent(comparable(k), yaml.line());
                if (first != null) {
                    problems.add(path, yaml.line("id"), "question-duplicate-id", k, first);
                }
            });
            Optional<QuestionType> type = yaml.text("type", true, 20).flatMap(t -> {
                Optional<QuestionType> known = QuestionType.fromYaml(t);
                if (known.isEmpty()) {
                    problems.add(path, yaml.line("type"), "question-type", name, t);
                }
                return known;
            });
            Optional<String> text = yaml.text("text", true, 2000);
            // No explanation is allowed (a warning of ItemWritingChecks, never a refusal); stored as "".
            Optional<String> explanation = Optional.of(yaml.text("explanation", false, 4000).orElse(""));
            Optional<List<OptionDraft>> options = type.flatMap(t -> t == QuestionType.TRUE_FALSE
                    ? trueFalseOptions(path, yaml, name)
                    : choiceOptions(path, reader, yaml, name, t));
            if (key.isEmpty() || type.isEmpty() || text.isEmpty() || explanation.isEmpty() || options.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new QuestionDraft(key.get(), type.get(), text.get(), explanation.get(), options.get()));
        }

        private Optional<List<OptionDraft>> trueFalseOptions(String path, YamlFile.Mapping yaml, String name) {
            if (yaml.has("options")) {
                problems.add(path, yaml.line("options"), "question-options-not-allowed", name);
            }
            // The database keeps true/false as two options so that scoring is one mechanism.
            return yaml.bool("answer", true).map(answer -> List.of(
                    new OptionDraft(TRUE_TEXT, answer), new OptionDraft(FALSE_TEXT, !answer)));
        }

        private Optional<List<OptionDraft>> choiceOptions(String path, YamlFile reader, YamlFile.Mapping yaml,
                                                          String name, QuestionType type) {
            if (yaml.has("answer")) {
                problems.add(path, yaml.line("answer"), "question-answer-not-allowed", name, type.yamlName());
            }
            Optional<List<Node>> items = yaml.list("options", true);
            if (items.isEmpty()) {
                return Optional.empty();
            }
            List<OptionDraft> options = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < items.get().size(); i++) {
                Optional<YamlFile.Mapping> option = reader.mapping(items.get().get(i), OPTION_KEYS);
                if (option.isEmpty()) {
                    complete = false;
                    continue;
                }
                Optional<String> text = option.get().text("text", true, 1000);
                Optional<Boolean> correct = option.get().has("correct")
                        ? option.get().bool("correct", true) : Optional.of(false);
                if (text.isEmpty() || correct.isEmpty()) {
                    complete = false;
                } else {
                    options.add(new OptionDraft(text.get(), correct.get()));
                }
            }
            if (!complete) {
                return Optional.empty();
            }
            int line = yaml.line("options");
            long right = options.stream().filter(OptionDraft::correct).count();
            if (options.size() < 2) {
                problems.add(path, line, "question-too-few-options", name, options.size());
                return Optional.empty();
            }
            if (type == QuestionType.SINGLE && right != 1) {
                problems.add(path, line, "question-single-correct", name, right);
                return Optional.empty();
            }
            if (type == QuestionType.MULTIPLE && right < 1) {
                problems.add(path, line, "question-multiple-correct", name);
                return Optional.empty();
            }
            return Optional.of(options);
        }
    }

    /**
     * Question keys as the database compares them (utf8mb4_unicode_ci ignores case and accents),
     * so that two ids that differ only there are reported here rather than failing at insert.
     */
    private static String comparable(String key) {
        String plain = Normalizer.normalize(key, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
