package vn.gbv.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Both languages have the same keys, and no value is empty. */
class TranslationKeysTest {

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Properties vi = load("vaadin-i18n/translations_vi.properties");
        Properties en = load("vaadin-i18n/translations.properties");

        Set<String> missingInEnglish = new TreeSet<>(vi.stringPropertyNames());
        missingInEnglish.removeAll(en.stringPropertyNames());
        Set<String> missingInVietnamese = new TreeSet<>(en.stringPropertyNames());
        missingInVietnamese.removeAll(vi.stringPropertyNames());

        assertThat(missingInEnglish).as("keys missing in translations.properties").isEmpty();
        assertThat(missingInVietnamese).as("keys missing in translations_vi.properties").isEmpty();
        assertThat(vi.stringPropertyNames()).allSatisfy(key -> {
            assertThat(vi.getProperty(key)).as("vi " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
        });
    }

    @Test
    void vietnameseFileIsReadAsUtf8WithDiacritics() throws IOException {
        assertThat(load("vaadin-i18n/translations_vi.properties").getProperty("nav.logout")).isEqualTo("Đăng xuất");
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties vi = load("vaadin-i18n/translations_vi.properties");
        Pattern literalKey = Pattern.compile("(?:getTranslation|translate)\\([^\"()]*?\"([a-z][a-z0-9_.-]+)\"\\s*[,)]");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(source));
                while (m.find()) {
                    found++;
                    if (!vi.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).as("literal keys found in the code").isGreaterThan(100);
        assertThat(missing).as("keys used in code but missing in the translations").isEmpty();
    }

    /** Keys that services hand to views through {@code RefusedException}: each must be translated. */
    @Test
    void everyRefusalKeyExists() throws IOException {
        Properties vi = load("vaadin-i18n/translations_vi.properties");
        Pattern refusal = Pattern.compile(
                "RefusedException\\.(?:of\\(\\s*|onField\\(\\s*(?:\"[^\"]*\"|[A-Za-z_.]+)\\s*,\\s*)\"([a-z][a-z0-9_.-]+)\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = refusal.matcher(Files.readString(source));
                while (m.find()) {
                    found++;
                    if (!vi.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).as("refusal keys found in the code").isGreaterThan(1);
        assertThat(missing).as("refusal keys missing in the translations").isEmpty();
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationKeysTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
