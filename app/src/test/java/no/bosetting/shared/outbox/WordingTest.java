package no.bosetting.shared.outbox;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wording is stored as a key and JSON arguments and worded again, nested and joined, in any language. */
class WordingTest {

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final Locale UK = Locale.forLanguageTag("uk");

    private final StaticMessageSource messages = new StaticMessageSource();

    {
        messages.addMessage("t.request", NB, "Anmodning om bosetting i {0}: {1}");
        messages.addMessage("t.request", UK, "Запит на поселення у {0} році: {1}");
        messages.addMessage("t.persons", NB, "{0} personer");
        messages.addMessage("t.persons", UK, "осіб: {0}");
        messages.addMessage("t.plain", NB, "Nytt svar fra IMDi");
        messages.addMessage("t.plain", UK, "Нова відповідь від IMDi");
        messages.addMessage("t.list", NB, "Ny fordelingsliste med {0,choice,1#1 husstand|1<{0,number,integer} husstander}");
    }

    @Test
    void aNestedWordingIsStoredAndWordedAgainInTheReadersLanguage() {
        Wording w = Wording.of("t.request", 2026, Wording.of("t.persons", "1 200"));
        assertThat(w.in(messages, NB)).isEqualTo("Anmodning om bosetting i 2026: 1 200 personer");

        Wording stored = Wording.stored(w.key(), w.argsJson());
        assertThat(stored).isEqualTo(w);
        assertThat(stored.in(messages, UK)).as("a year is never grouped").isEqualTo("Запит на поселення у 2026 році: осіб: 1 200");
        assertThat(Wording.stored(null, null)).as("a row from before the keys").isNull();
    }

    @Test
    void aJoinPutsItsPartsTogetherAndAnArgumentIsNeverAPattern() {
        Wording w = Wording.join("• ", Wording.of("t.plain"), "\n", "{0} 'as typed'");
        assertThat(Wording.stored(w.key(), w.argsJson()).in(messages, UK)).isEqualTo("• Нова відповідь від IMDi\n{0} 'as typed'");
        assertThat(Wording.of("t.persons", (Object) null).in(messages, NB)).isEqualTo(" personer");
        assertThatThrownBy(() -> Wording.of("t.persons", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountStaysANumberSoOneAndManyAreWordedApart() {
        Wording one = Wording.of("t.list", Wording.count(1));
        Wording many = Wording.of("t.list", Wording.count(12));
        assertThat(Wording.stored(one.key(), one.argsJson()).in(messages, NB)).isEqualTo("Ny fordelingsliste med 1 husstand");
        assertThat(Wording.stored(many.key(), many.argsJson()).in(messages, NB)).isEqualTo("Ny fordelingsliste med 12 husstander");
        assertThat(many.argsJson()).isEqualTo("[12]");
        // A row stored when the count was text (before the message told one from many) is still worded.
        assertThat(Wording.stored("t.list", "[\"3\"]").in(messages, NB)).isEqualTo("Ny fordelingsliste med 3 husstander");
    }
}
