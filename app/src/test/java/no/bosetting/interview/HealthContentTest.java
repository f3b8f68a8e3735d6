package no.bosetting.interview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practical needs every proposed municipality sees carry no health information without consent (report 004
 * line 32): the split between a practical need and a health one.
 */
class HealthContentTest {

    @Test
    void diagnosesAndConditionsAreHealthContent() {
        assertThat(HealthContent.mentionsHealth("Barn med autisme, trenger tett oppfølging fra skole")).isTrue();
        assertThat(HealthContent.mentionsHealth("Nedsatt hørsel, trenger tolk ved møter")).isTrue();
        assertThat(HealthContent.mentionsHealth("DIABETES type 2")).isTrue();
        assertThat(HealthContent.mentionsHealth("Går til behandling hos psykolog")).isTrue();
        assertThat(HealthContent.mentionsHealth("PTSD")).isTrue();
    }

    @Test
    void practicalNeedsAreNot() {
        assertThat(HealthContent.mentionsHealth("Trenger bolig på bakkeplan")).isFalse();
        assertThat(HealthContent.mentionsHealth("Trenger bolig nær sykehus")).isFalse();
        assertThat(HealthContent.mentionsHealth("Rullestolbruker, trenger tilrettelagt bolig")).isFalse();
        assertThat(HealthContent.mentionsHealth("Trenger bolig uten trapper, gjerne med heis")).isFalse();
        // Words that merely contain a short health word are not health content.
        assertThat(HealthContent.mentionsHealth("Ønsker bolig i et kollegium nær skolen")).isFalse();
        assertThat(HealthContent.mentionsHealth(null)).isFalse();
    }
}
