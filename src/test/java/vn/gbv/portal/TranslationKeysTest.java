package vn.gbv.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationKeysTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
