package no.bosetting.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import no.bosetting.shared.FieldProblem;

/**
 * The rules of a household's living-situation history, written once: the periods follow each other without a gap
 * and without an overlap (a period ends the day the next begins, only the last is open), none begins in the future,
 * and MAMOT lies inside the scheme's window. Pure: the commands in {@link LivingSituations} build the history they
 * would store and ask {@link #problem} before storing anything.
 */
public final class ResidencePeriods {

    /**
     * MAMOT was introduced on 16 March 2022 by instruction of the Ministry of Justice and discontinued with effect from
     * 15 February 2024 (report 000 lines 2514–2516 and 2664–2666; digest report-000 §2 "MAMOT"). A MAMOT period begins
     * on or after the first day and has ended by the last.
     */
    public static final LocalDate MAMOT_FIRST = LocalDate.of(2022, 3, 16);
    public static final LocalDate MAMOT_LAST = LocalDate.of(2024, 2, 15);

    /** The living situations a person records (settled in the municipality comes with the settlement dates only). */
    public static final List<LivingSituation> RECORDABLE = List.of(LivingSituation.RECEPTION_CENTRE,
            LivingSituation.EMERGENCY_ACCOMMODATION, LivingSituation.AMOT, LivingSituation.MAMOT, LivingSituation.PRIVATE,
            LivingSituation.SELF_ESTABLISHED, LivingSituation.TEMPORARY_SCHEME);

    private ResidencePeriods() {
    }

    /** One period of the household's history; {@code to} is the day the next period begins, null for the current one. */
    public record Period(LivingSituation kind, Long receptionCentreId, String municipalityNumber, LocalDate from, LocalDate to) {

        public boolean open() {
            return to == null;
        }

        /** Whether the kind is tied to a reception centre (the centre itself or its emergency accommodation). */
        public static boolean atCentre(LivingSituation kind) {
            return kind == LivingSituation.RECEPTION_CENTRE || kind == LivingSituation.EMERGENCY_ACCOMMODATION;
        }

        String describe() {
            return kind.name() + (receptionCentreId != null ? " mottak " + receptionCentreId : "")
                    + (municipalityNumber != null && receptionCentreId == null ? " " + municipalityNumber : "")
                    + " " + from.format(ConsequenceInformed.NORWEGIAN_DATE) + "–"
                    + (to == null ? "" : to.format(ConsequenceInformed.NORWEGIAN_DATE));
        }
    }

    /**
     * The first problem with a whole history (oldest first), on the field {@code from} (the date the user gave) or
     * {@code kind}: an overlap, a gap, a period beginning in the future or not before its end, an open period that is not
     * the last, or MAMOT outside its window.
     */
    public static Optional<FieldProblem> problem(List<Period> history, LocalDate today) {
        Optional<FieldProblem> sequence = sequenceProblem(history, today);
        if (sequence.isPresent()) {
            return sequence;
        }
        return history.stream().filter(p -> p.kind() == LivingSituation.MAMOT && !insideMamotWindow(p, today)).findFirst()
                .map(p -> FieldProblem.of("kind", "error.residence.mamotWindow", format(MAMOT_FIRST), format(MAMOT_LAST)));
    }

    /** The first problem with the order of the periods alone: an overlap, a gap, a period beginning in the future. */
    public static Optional<FieldProblem> sequenceProblem(List<Period> history, LocalDate today) {
        List<Period> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(Period::from));
        for (Period p : sorted) {
            if (p.from().isAfter(today)) {
                return Optional.of(FieldProblem.of("from", "error.date.future"));
            }
            // A period made to end on or before its first day: the date given overlaps that period.
            if (p.to() != null && !p.to().isAfter(p.from())) {
                return Optional.of(FieldProblem.of("from", "error.residence.overlap", format(p.from())));
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            Period p = sorted.get(i);
            if (i > 0) {
                Period before = sorted.get(i - 1);
                if (before.to() == null || before.to().isAfter(p.from()) || p.from().equals(before.from())) {
                    return Optional.of(FieldProblem.of("from", "error.residence.overlap", format(before.from())));
                }
                if (before.to().isBefore(p.from())) {
                    return Optional.of(FieldProblem.of("from", "error.residence.gap", format(before.to()), format(p.from())));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a MAMOT period lies inside the scheme's window: begun on or after its first day, ended by its last. */
    public static boolean insideMamotWindow(Period p, LocalDate today) {
        LocalDate end = p.to() != null ? p.to() : today;
        return !p.from().isBefore(MAMOT_FIRST) && !end.isAfter(MAMOT_LAST);
    }

    /** The history with a new current period from {@code next.from()}: the current period ends that day. */
    public static List<Period> withNew(List<Period> history, Period next) {
        List<Period> result = new ArrayList<>();
        for (Period p : history) {
            result.add(p.open() ? new Period(p.kind(), p.receptionCentreId(), p.municipalityNumber(), p.from(), next.from()) : p);
        }
        result.add(next);
        return result;
    }

    /**
     * The history with the period that began {@code oldFrom} corrected: its kind and place, and its first day; the
     * period before it then ends on the new first day, so the correction cannot open a gap. Empty when no period
     * began that day.
     */
    public static Optional<List<Period>> corrected(List<Period> history, LocalDate oldFrom, Period correction) {
        if (history.stream().noneMatch(p -> p.from().equals(oldFrom))) {
            return Optional.empty();
        }
        List<Period> result = new ArrayList<>();
        for (Period p : history) {
            if (p.from().equals(oldFrom)) {
                result.add(new Period(correction.kind(), correction.receptionCentreId(), correction.municipalityNumber(),
                        correction.from(), p.to()));
            } else if (oldFrom.equals(p.to())) {
                result.add(new Period(p.kind(), p.receptionCentreId(), p.municipalityNumber(), p.from(), correction.from()));
            } else {
                result.add(p);
            }
        }
        return Optional.of(result);
    }

    static String describe(List<Period> history) {
        return String.join("; ", history.stream().sorted(Comparator.comparing(Period::from)).map(Period::describe).toList());
    }

    private static String format(LocalDate d) {
        return d.format(ConsequenceInformed.NORWEGIAN_DATE);
    }
}
