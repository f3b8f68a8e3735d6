package no.bosetting.shared.outbox;

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
import java.util.stream.Stream;

import no.bosetting.cases.CloseReason;
import no.bosetting.reconsideration.ReconsiderationGround;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key the code words a stored text from — a notification ({@code *.notice.*}), a proposal's change summary under
 * two-step control ({@code approval.summary.*} and the close reasons it names) — exists in Norwegian and English, the
 * notifications a refugee reads (recipients {@code duf:} and {@code person:}) in Ukrainian too, and each is written for
 * how Spring reads it: with arguments through {@link java.text.MessageFormat} (an apostrophe doubled), without as it
 * stands.
 */
class NotificationWordingKeysTest {

    private static final Pattern NOTICE_KEY = Pattern.compile("\"([a-z][A-Za-z]*\\.(?:notice|summary)\\.[A-Za-z0-9_.]*)\"");

    /** The change summaries of every kind of proposal (approvals.ApprovalRunner.summary). */
    private static final Set<String> SUMMARY_KEYS = Set.of("approval.summary.CLOSE_CASE", "approval.summary.WITHDRAW_OFFER",
            "approval.summary.GRANT", "approval.summary.REFUSE", "approval.summary.BEYOND_PLACES",
            "approval.summary.HOUSEHOLD_MEMBER", "approval.summary.HOUSEHOLD_MINOR");

    /** What a refugee is notified of: worded in Ukrainian on Min side. */
    private static final Set<String> REFUGEE_KEYS = Set.of("message.notice.reply.subject", "message.notice.reply.body",
            "app.notice.lapsed.subject", "app.notice.lapsed.body", "app.notice.accepted.subject", "app.notice.accepted.body",
            "app.notice.refused.subject", "app.notice.refused.body", "decision.notice.offer.subject", "decision.notice.offer.body",
            "work.notice.detailAndDue", "work.notice.due", "work.notice.digest.subject", "work.notice.digest.more",
            "work.notice.digest.seeList", "work.applicationDeadline", "work.applicationDeadline.detail.one",
            "work.applicationDeadline.detail.other");

    @Test
    void everyNotificationAndChangeSummaryKeyExistsInNorwegianAndEnglishAndARefugeesInUkrainian() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = NOTICE_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    if (m.group(1).endsWith(".")) {
                        continue; // a prefix, completed below
                    }
                    keys.add(m.group(1));
                }
            }
        }
        for (ReconsiderationGround ground : ReconsiderationGround.values()) {
            keys.add("reconsideration.notice.ground." + ground.name());
        }
        for (CloseReason reason : CloseReason.values()) {
            keys.add("close." + reason.name()); // named, worded, in a closing's change summary
        }
        assertThat(keys).containsAll(SUMMARY_KEYS);
        assertThat(keys).hasSizeGreaterThan(50).contains("message.notice.reply.subject", "proposal.notice.list.subject",
                "work.notice.digest.subject", "planning.notice.persons.other");

        Properties nb = bundles("");
        Properties en = bundles("_en");
        Properties uk = bundles("_uk");
        assertThat(nb.stringPropertyNames()).containsAll(keys);
        assertThat(en.stringPropertyNames()).containsAll(keys);
        assertThat(keys).containsAll(REFUGEE_KEYS.stream().filter(k -> k.contains(".notice.")).toList());
        assertThat(uk.stringPropertyNames()).containsAll(REFUGEE_KEYS);

        for (Properties bundle : new Properties[]{nb, en, uk}) {
            for (String key : keys) {
                String text = bundle.getProperty(key);
                if (text == null) {
                    continue;
                }
                if (text.contains("{0")) {
                    assertThat(text.replace("''", "")).as(key + " has arguments: an apostrophe is written twice").doesNotContain("'");
                } else {
                    assertThat(text).as(key + " has no arguments: an apostrophe is written once").doesNotContain("''");
                }
            }
        }
    }

    private static Properties bundles(String suffix) throws IOException {
        Properties application = load("application.properties");
        Properties all = new Properties();
        for (String basename : application.getProperty("spring.messages.basename").split(",")) {
            String path = basename.trim() + suffix + ".properties";
            if (NotificationWordingKeysTest.class.getClassLoader().getResource(path) != null) {
                all.putAll(load(path));
            }
        }
        return all;
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = NotificationWordingKeysTest.class.getClassLoader().getResourceAsStream(path);
             InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
