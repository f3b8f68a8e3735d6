package no.bosetting.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeFormatTest {

    private final TimeFormat time = new TimeFormat();

    @Test
    void pointsInTimeAreShownInNorwegianTime() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 12, 6, 23, 40, 0, 0, ZoneOffset.UTC);
        assertThat(time.dateTime(utc)).isEqualTo("07.12.2026 00:40");
        assertThat(time.date(utc.toInstant())).isEqualTo("07.12.2026");
        assertThat(time.format(Instant.parse("2026-07-01T22:30:00Z"), "dd.MM.yyyy HH:mm")).isEqualTo("02.07.2026 00:30");
    }

    @Test
    void datesAreShownAsTheyAreAndNullIsEmpty() {
        assertThat(time.date(LocalDate.of(2026, 12, 6))).isEqualTo("06.12.2026");
        assertThat(time.dateTime(null)).isNull();
    }
}
