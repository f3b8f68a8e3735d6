package no.bosetting.interview.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.bosetting.interview.QuestionSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the interview pages and rules use exists in bokmål and in English. */
class InterviewMessagesTest {

    /** {@code #{key}} and {@code #{key(args)}} in templates. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
    /** Message keys the Java code hands to the message source. */
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:error|interview)\\.[A-Za-z0-9_.]+)\"");

    private final Properties nb = load("i18n/interview.properties");
    private final Properties en = load("i18n/interview_en.properties");

    @Test
    void everyKeyInTheInterviewTemplatesExistsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath:templates/interview/*.html")) {
            try (InputStream in = template.getInputStream()) {
                Matcher m = TEMPLATE_KEY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        // Built from a value in the templates: #{'questionSet.' + ${version}}.
        for (QuestionSet set : QuestionSet.values()) {
            keys.add("questionSet." + set.version());
        }
        assertThat(keys).contains("interview.title", "interview.healthDetails", "questionSet.2022-04-UA");
        assertThat(nb.stringPropertyNames()).containsAll(keys);
        assertThat(en.stringPropertyNames()).containsAll(keys);
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(en.stringPropertyNames()).isEqualTo(nb.stringPropertyNames());
        nb.stringPropertyNames().forEach(k -> assertThat(nb.getProperty(k)).as(k).isNotBlank());
        en.stringPropertyNames().forEach(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
    }

    /** The rules emit keys from the shared bundles too (dates, text length); all must resolve in both languages. */
    @Test
    void everyKeyTheInterviewCodeEmitsExistsInBothLanguages() throws IOException {
        Properties allNb = new Properties();
        Properties allEn = new Properties();
        for (String bundle : new String[]{"common", "cases", "interview"}) {
            allNb.putAll(load("i18n/" + bundle + ".properties"));
            allEn.putAll(load("i18n/" + bundle + "_en.properties"));
        }
        Set<String> keys = new TreeSet<>();
        for (Path source : new Path[]{Path.of("src/main/java/no/bosetting/interview/Interviews.java"),
                Path.of("src/main/java/no/bosetting/interview/web/InterviewWebController.java"),
                Path.of("src/main/java/no/bosetting/interview/web/InterviewForm.java")}) {
            Matcher m = JAVA_KEY.matcher(Files.readString(source));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        assertThat(keys).contains("error.health.noConsent", "error.interview.closedCase", "error.date.invalid",
                "interview.recordedReady");
        assertThat(allNb.stringPropertyNames()).containsAll(keys);
        assertThat(allEn.stringPropertyNames()).containsAll(keys);
    }

    private static Properties load(String path) {
        Properties p = new Properties();
        InputStream in = InterviewMessagesTest.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing " + path);
        }
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
