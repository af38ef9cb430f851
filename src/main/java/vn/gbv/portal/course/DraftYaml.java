package vn.gbv.portal.course;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The editor's forms over the YAML files of a draft (course.yaml, module.yaml, quiz.yaml): read
 * into plain maps and written back in block style, in the format of courses/README.md. Whatever
 * the form writes is checked by the importer's own parser when the draft is published.
 */
final class DraftYaml {

    private DraftYaml() {
    }

    /** The file's top-level mapping, keys in file order; empty when the file is not a YAML mapping. */
    static Optional<Map<String, Object>> read(byte[] bytes) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(bytes, StandardCharsets.UTF_8));
            if (root instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                return Optional.of(copy);
            }
            return Optional.empty();
        } catch (YAMLException | ClassCastException e) {
            return Optional.empty();
        }
    }

    static byte[] write(Map<String, Object> map) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(200);
        return new Yaml(new Representer(options), options).dump(map).getBytes(StandardCharsets.UTF_8);
    }

    static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    /** Sets a value, dropping the key when the text is blank (an optional field left empty). */
    static void put(Map<String, Object> map, String key, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            map.remove(key);
        } else {
            map.put(key, value instanceof String s ? s.strip() : value);
        }
    }

    /** A quiz as the editor's form holds it. */
    static final class QuizForm {
        String title = "";
        Integer passPercent = 70;
        Integer drawCount = 1;
        Integer maxAttempts = 0;
        final List<QuestionForm> questions = new ArrayList<>();

        static QuizForm of(Map<String, Object> map) {
            QuizForm quiz = new QuizForm();
            quiz.title = text(map, "title");
            quiz.passPercent = integer(map.get("passPercent"));
            quiz.drawCount = integer(map.get("drawCount"));
            quiz.maxAttempts = integer(map.get("maxAttempts"));
            if (map.get("questions") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> q) {
                        quiz.questions.add(QuestionForm.of(q));
                    }
                }
            }
            return quiz;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("title", title);
            map.put("passPercent", passPercent);
            map.put("drawCount", drawCount);
            map.put("maxAttempts", maxAttempts);
            map.put("questions", questions.stream().map(QuestionForm::toMap).toList());
            return map;
        }
    }

    /** A question: {@code answer} for true/false, {@code options} for single and multiple. */
    static final class QuestionForm {
        String id = "";
        String type = "single";
        String text = "";
        Boolean answer = Boolean.TRUE;
        String explanation = "";
        final List<OptionForm> options = new ArrayList<>();

        static QuestionForm of(Map<?, ?> map) {
            QuestionForm q = new QuestionForm();
            q.id = map.get("id") == null ? "" : String.valueOf(map.get("id"));
            q.type = map.get("type") == null ? "single" : String.valueOf(map.get("type"));
            q.text = map.get("text") == null ? "" : String.valueOf(map.get("text")).strip();
            q.answer = map.get("answer") instanceof Boolean b ? b : Boolean.TRUE;
            q.explanation = map.get("explanation") == null ? "" : String.valueOf(map.get("explanation")).strip();
            if (map.get("options") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> o) {
                        q.options.add(new OptionForm(o.get("text") == null ? "" : String.valueOf(o.get("text")),
                                Boolean.TRUE.equals(o.get("correct"))));
                    }
                }
            }
            return q;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", id);
            map.put("type", type);
            map.put("text", text);
            if ("truefalse".equals(type)) {
                map.put("answer", answer);
            } else {
                List<Map<String, Object>> list = new ArrayList<>();
                for (OptionForm option : options) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("text", option.text);
                    if (option.correct) {
                        o.put("correct", true);
                    }
                    list.add(o);
                }
                map.put("options", list);
            }
            if (explanation != null && !explanation.isBlank()) {
                map.put("explanation", explanation.strip());
            }
            return map;
        }
    }

    static final class OptionForm {
        String text;
        boolean correct;

        OptionForm(String text, boolean correct) {
            this.text = text;
            this.correct = correct;
        }
    }

    private static Integer integer(Object value) {
        return value instanceof Integer i ? i : null;
    }
}
