package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.cases.ResidencePeriods.Period;
import org.junit.jupiter.api.Test;

import static no.bosetting.cases.LivingSituation.AMOT;
import static no.bosetting.cases.LivingSituation.MAMOT;
import static no.bosetting.cases.LivingSituation.PRIVATE;
import static no.bosetting.cases.LivingSituation.RECEPTION_CENTRE;
import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules of the living-situation history (issue 20 item 3): no overlap, no gap, MAMOT inside its window. */
class ResidencePeriodsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static Period p(LivingSituation kind, String from, String to) {
        return new Period(kind, null, "0301", LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    @Test
    void periodsThatFollowEachOtherArePermitted() {
        assertThat(ResidencePeriods.problem(List.of(p(RECEPTION_CENTRE, "2026-01-01", "2026-02-01"), p(AMOT, "2026-02-01", null)), TODAY))
                .isEmpty();
    }

    @Test
    void anOverlapAGapAndAnOpenPeriodBeforeTheLastAreRefused() {
        assertThat(ResidencePeriods.problem(List.of(p(RECEPTION_CENTRE, "2026-01-01", "2026-03-01"), p(AMOT, "2026-02-01", null)), TODAY))
                .hasValueSatisfying(f -> assertThat(f.messageKey()).isEqualTo("error.residence.overlap"));
        assertThat(ResidencePeriods.problem(List.of(p(RECEPTION_CENTRE, "2026-01-01", "2026-02-01"), p(AMOT, "2026-02-10", null)), TODAY))
                .hasValueSatisfying(f -> assertThat(f.messageKey()).isEqualTo("error.residence.gap"));
        assertThat(ResidencePeriods.problem(List.of(p(RECEPTION_CENTRE, "2026-01-01", null), p(AMOT, "2026-02-10", null)), TODAY))
                .hasValueSatisfying(f -> assertThat(f.messageKey()).isEqualTo("error.residence.overlap"));
        assertThat(ResidencePeriods.problem(List.of(p(AMOT, "2026-07-01", null)), TODAY))
                .hasValueSatisfying(f -> assertThat(f.messageKey()).isEqualTo("error.date.future"));
    }

    @Test
    void mamotOnlyInsideItsWindowFrom16March2022To15February2024() {
        // Report 000 lines 2514–2516 (introduced 16 March 2022) and 2664–2666 (discontinued with effect from 15 February 2024).
        assertThat(ResidencePeriods.problem(List.of(p(MAMOT, "2022-03-16", "2024-02-15"), p(PRIVATE, "2024-02-15", null)), TODAY)).isEmpty();
        assertThat(ResidencePeriods.problem(List.of(p(MAMOT, "2022-03-15", "2023-01-01"), p(PRIVATE, "2023-01-01", null)), TODAY))
                .hasValueSatisfying(f -> {
                    assertThat(f.messageKey()).isEqualTo("error.residence.mamotWindow");
                    assertThat(f.field()).isEqualTo("kind");
                });
        assertThat(ResidencePeriods.problem(List.of(p(MAMOT, "2023-01-01", "2024-02-16"), p(PRIVATE, "2024-02-16", null)), TODAY))
                .hasValueSatisfying(f -> assertThat(f.messageKey()).isEqualTo("error.residence.mamotWindow"));
        // Still open today, long after the scheme ended.
        assertThat(ResidencePeriods.problem(List.of(p(MAMOT, "2023-01-01", null)), TODAY))
                .hasValueSatisfying(f -> assertThat(f.messageKey()).isEqualTo("error.residence.mamotWindow"));
        assertThat(ResidencePeriods.problem(List.of(p(MAMOT, "2023-01-01", null)), LocalDate.of(2024, 2, 15))).isEmpty();
    }

    @Test
    void aNewPeriodEndsTheCurrentOneAndACorrectionMovesTheBoundaryWithoutAGap() {
        List<Period> history = List.of(p(RECEPTION_CENTRE, "2026-01-01", "2026-02-01"), p(PRIVATE, "2026-02-01", null));
        List<Period> added = ResidencePeriods.withNew(history, p(AMOT, "2026-04-01", null));
        assertThat(added).extracting(Period::to).containsExactly(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-01"), null);
        assertThat(ResidencePeriods.problem(added, TODAY)).isEmpty();
        // A new period beginning before the current one overlaps it.
        assertThat(ResidencePeriods.problem(ResidencePeriods.withNew(history, p(AMOT, "2026-01-15", null)), TODAY))
                .hasValueSatisfying(f -> assertThat(f.messageKey()).isEqualTo("error.residence.overlap"));

        List<Period> corrected = ResidencePeriods.corrected(history, LocalDate.parse("2026-02-01"), p(AMOT, "2026-01-20", null)).orElseThrow();
        assertThat(corrected).containsExactly(p(RECEPTION_CENTRE, "2026-01-01", "2026-01-20"), p(AMOT, "2026-01-20", null));
        assertThat(ResidencePeriods.problem(corrected, TODAY)).isEmpty();
        // Moving the boundary past the period before overlaps it.
        assertThat(ResidencePeriods.problem(ResidencePeriods.corrected(history, LocalDate.parse("2026-02-01"),
                p(AMOT, "2025-12-20", null)).orElseThrow(), TODAY))
                .hasValueSatisfying(f -> assertThat(f.messageKey()).isEqualTo("error.residence.overlap"));
        assertThat(ResidencePeriods.corrected(history, LocalDate.parse("2026-03-01"), p(AMOT, "2026-03-01", null))).isEmpty();
    }

    @Test
    void closingByOwnChoiceNeedsTheInformedRecordTheOthersDoNot() {
        // Issue 20 item 4; report 000 lines 3987–4025.
        assertThat(CloseReason.MOVED_OUT_OF_RECEPTION.needsInformed()).isTrue();
        assertThat(CloseReason.OTHER.needsInformed()).isTrue();
        for (CloseReason r : List.of(CloseReason.DECEASED, CloseReason.PERMIT_REVOKED, CloseReason.LEFT_NORWAY, CloseReason.SELF_ESTABLISHED)) {
            assertThat(r.needsInformed()).as(r.name()).isFalse();
        }
    }
}
