package no.bosetting.shared.web;

import java.util.Locale;

import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 6: counts take singular or plural ("1 dager igjen", "1 husstander, 1 personer" were shown), and the
 * numbers in them are grouped as {@code @num} groups them ("12 000" with a no-break space in Norwegian).
 */
@IntegrationTest
class PluralsInMessagesTest {

    private static final Locale NB = Locale.forLanguageTag("nb");

    @Autowired
    MessageSource messages;

    @Test
    void oneIsSingularOtherCountsArePluralInBokmaalAndEnglish() {
        assertThat(messages.getMessage("proposal.daysLeft", new Object[]{1}, NB)).isEqualTo("1 dag igjen");
        assertThat(messages.getMessage("proposal.daysLeft", new Object[]{7}, NB)).isEqualTo("7 dager igjen");
        assertThat(messages.getMessage("proposal.daysLeft", new Object[]{1}, Locale.ENGLISH)).isEqualTo("1 day left");
        assertThat(messages.getMessage("proposal.overdue", new Object[]{1}, NB)).isEqualTo("Frist passert for 1 dag siden");
        assertThat(messages.getMessage("common.days", new Object[]{0}, NB)).isEqualTo("0 dager");
        assertThat(messages.getMessage("run.municipalityHeading", new Object[]{"Bodø", 1, 1}, NB)).isEqualTo("Bodø: 1 husstand, 1 person");
        assertThat(messages.getMessage("run.municipalityHeading", new Object[]{"Bodø", 2, 5}, Locale.ENGLISH))
                .isEqualTo("Bodø: 2 households, 5 persons");
        assertThat(messages.getMessage("send.totals", new Object[]{1, 12000, 1}, NB))
                .isEqualTo("1 husstand med 12\u00a0000 personer til 1 kommune.");
        assertThat(messages.getMessage("app.deadline.daysLeft", new Object[]{1}, NB)).isEqualTo("1 dag igjen.");
    }
}
