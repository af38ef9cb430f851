package vn.gbv.portal.course;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML file of a course, read with SnakeYAML's node API (compose, not load) so that every
 * problem names its line. Values are typed by SnakeYAML's own resolver and constructor.
 */
final class YamlFile {

    private final String file;
    private final CourseProblems problems;
    private final ScalarValues values = new ScalarValues();

    YamlFile(String file, CourseProblems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The file's top-level mapping, or empty when the file is not valid YAML (the problem is recorded). */
    Optional<Mapping> read(String text, Set<String> keys) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Integer line = e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 1;
            Integer column = e.getProblemMark() == null ? null : e.getProblemMark().getColumn() + 1;
            problems.add(file, line, "yaml-syntax", line, column, e.getProblem());
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(file, null, "yaml-unreadable", e.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            problems.add(file, 1, "yaml-empty");
            return Optional.empty();
        }
        return mapping(root, keys);
    }

    /** A mapping of this file (the whole file, a question, an option) with its keys checked. */
    Optional<Mapping> mapping(Node node, Set<String> keys) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(file, line(node), "yaml-not-mapping");
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problems.add(file, line(keyNode), "yaml-bad-key");
                continue;
            }
            String key = scalar.getValue();
            if (!keys.contains(key)) {
                problems.add(file, line(keyNode), "yaml-unknown-key", key, String.join(", ", new TreeSet<>(keys)));
            } else if (entries.containsKey(key)) {
                problems.add(file, line(keyNode), "yaml-duplicate-key", key);
            } else {
                entries.put(key, tuple);
            }
        }
        return Optional.of(new Mapping(mapping, entries));
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** A mapping whose keys were checked against the allowed ones. */
    final class Mapping {

        private final MappingNode node;
        private final Map<String, NodeTuple> entries;

        private Mapping(MappingNode node, Map<String, NodeTuple> entries) {
            this.node = node;
            this.entries = entries;
        }

        int line() {
            return YamlFile.line(node);
        }

        /** The line of a key, or of the mapping when the key is absent. */
        int line(String key) {
            NodeTuple tuple = entries.get(key);
            return tuple == null ? line() : YamlFile.line(tuple.getKeyNode());
        }

        private Optional<Node> value(String key) {
            NodeTuple tuple = entries.get(key);
            if (tuple == null || isNull(tuple.getValueNode())) {
                return Optional.empty();
            }
            return Optional.of(tuple.getValueNode());
        }

        /** Text as written (so that {@code version: 2026.10} stays "2026.10"), trimmed. */
        Optional<String> text(String key, boolean required, int maxLength) {
            Optional<Node> value = value(key);
            if (value.isEmpty()) {
                missing(key, required);
                return Optional.empty();
            }
            if (!(value.get() instanceof ScalarNode scalar)) {
                problems.add(file, YamlFile.line(value.get()), "yaml-not-text", key);
                return Optional.empty();
            }
            String text = scalar.getValue().strip();
            if (text.isEmpty()) {
                missing(key, required);
                return Optional.empty();
            }
            if (text.length() > maxLength) {
                problems.add(file, YamlFile.line(scalar), "yaml-too-long", key, maxLength, text.length());
                return Optional.empty();
            }
            return Optional.of(text);
        }

        Optional<Integer> integer(String key, boolean required) {
            Optional<Node> value = value(key);
            if (value.isEmpty()) {
                missing(key, required);
                return Optional.empty();
            }
            if (value.get() instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())
                    && values.of(scalar) instanceof Integer number) {
                return Optional.of(number);
            }
            problems.add(file, YamlFile.line(value.get()), "yaml-not-integer", key);
            return Optional.empty();
        }

        Optional<Boolean> bool(String key, boolean required) {
            Optional<Node> value = value(key);
            if (value.isEmpty()) {
                missing(key, required);
                return Optional.empty();
            }
            if (value.get() instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())
                    && values.of(scalar) instanceof Boolean flag) {
                return Optional.of(flag);
            }
            problems.add(file, YamlFile.line(value.get()), "yaml-not-boolean", key);
            return Optional.empty();
        }

        /** The items of a list; empty when the key is absent or not a list (the problem is recorded). */
        Optional<List<Node>> list(String key, boolean required) {
            Optional<Node> value = value(key);
            if (value.isEmpty()) {
                missing(key, required);
                return Optional.empty();
            }
            if (!(value.get() instanceof SequenceNode sequence)) {
                problems.add(file, YamlFile.line(value.get()), "yaml-not-list", key);
                return Optional.empty();
            }
            return Optional.of(sequence.getValue());
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        private void missing(String key, boolean required) {
            if (required) {
                problems.add(file, line(key), "yaml-missing", key);
            }
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
        }
    }

    /** SnakeYAML's own construction of a plain value (int, bool), so YAML rules decide what is a number. */
    private static final class ScalarValues extends SafeConstructor {

        ScalarValues() {
            super(new LoaderOptions());
        }

        Object of(ScalarNode node) {
            return constructObject(node);
        }
    }
}
