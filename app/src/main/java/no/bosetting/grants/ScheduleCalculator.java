package no.bosetting.grants;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person's grant schedule, plain Java. The integration grant runs for the settlement year (year 1) and the next four
 * years (report 000 lines 3013–3016), the same whatever the month of settlement (report 003 lines 4522–4526: a
 * settlement in December brings the settlement year's full grant, and year 2 starts in January). It follows the person:
 * year 1 goes to the settlement municipality, each later year to the municipality the person lives in on 1 January of
 * that year (report 001 lines 796–798, "utbetales til den kommunen der personen til enhver tid er folkeregistert"), so
 * after a secondary move the years left go to the new municipality. The unaccompanied-minors grant comes on top for each
 * scheme year up to the year the person turns 20. AMOT and MAMOT give the monthly rate per person to the hosting
 * municipality (report 000 lines 2449–2457, 2591–2597), pro rata for the days of a month spent there.
 */
public final class ScheduleCalculator {

    /** Scheme years of the integration grant: the settlement year and four more. */
    public static final int SCHEME_YEARS = 5;
    /** The unaccompanied-minors grant runs up to the year the person turns this age. */
    public static final int MINOR_GRANT_UP_TO_AGE = 20;

    private ScheduleCalculator() {
    }

    public record Move(LocalDate on, String toMunicipality) {
    }

    /** A stay in AMOT or MAMOT in a hosting municipality, {@code to} exclusive (null: still there). */
    public record Stay(GrantKind kind, String municipalityNumber, LocalDate from, LocalDate to) {
    }

    /**
     * What the schedule is computed from. {@code settledOn} is the registered date; without it {@code plannedOn} gives
     * expected lines (an accepted household not yet settled); with neither the person has integration lines only from stays.
     */
    public record Facts(long personId, long caseId, LocalDate birthDate, GrantCategory category, LocalDate settledOn, LocalDate plannedOn,
                        String settlementMunicipality, List<Move> moves, List<Stay> stays, List<LocalDate> disabilityGrants) {

        public Facts(long personId, long caseId, LocalDate birthDate, GrantCategory category, LocalDate settledOn, LocalDate plannedOn,
                     String settlementMunicipality, List<Move> moves, List<Stay> stays) {
            this(personId, caseId, birthDate, category, settledOn, plannedOn, settlementMunicipality, moves, stays, List.of());
        }
    }

    public static List<ScheduleLine> compute(Facts f, RateBook rates, LocalDate today) {
        List<ScheduleLine> lines = new ArrayList<>();
        for (Stay s : f.stays()) {
            if (s.municipalityNumber() != null && s.kind().monthly()) {
                lines.addAll(monthly(s, f.settledOn(), rates, today));
            }
        }
        LocalDate base = f.settledOn() != null ? f.settledOn() : f.plannedOn();
        if (base != null && f.settlementMunicipality() != null && f.category() != null) {
            boolean expected = f.settledOn() == null;
            for (int n = 1; n <= SCHEME_YEARS; n++) {
                int year = base.getYear() + n - 1;
                LocalDate rateDay = n == 1 ? base : LocalDate.of(year, 1, 1);
                String municipality = n == 1 ? f.settlementMunicipality() : livingOn(f, rateDay);
                lines.add(line(GrantKind.INTEGRATION, f.category(), n, year, municipality, rates, rateDay, expected));
                if (f.category() == GrantCategory.UNACCOMPANIED_MINOR && year - f.birthDate().getYear() <= MINOR_GRANT_UP_TO_AGE) {
                    lines.add(line(GrantKind.UNACCOMPANIED_MINOR, null, n, year, municipality, rates, rateDay, expected));
                }
            }
            // The disability grant: once, in the scheme year it was granted, to the municipality the person lives in that day.
            for (LocalDate granted : f.disabilityGrants()) {
                int n = granted.getYear() - base.getYear() + 1;
                if (!expected && n >= 1 && n <= SCHEME_YEARS && !granted.isBefore(base)) {
                    lines.add(line(GrantKind.DISABILITY, null, n, granted.getYear(), livingOn(f, granted), rates, granted, false));
                }
            }
        }
        lines.sort(Comparator.comparing(ScheduleLine::calendarYear).thenComparing(l -> l.periodMonth() == null ? LocalDate.MAX : l.periodMonth())
                .thenComparing(ScheduleLine::kind));
        return lines;
    }

    /** Where the person lives on a day after settlement: the settlement municipality or the last move's destination on or before it. */
    static String livingOn(Facts f, LocalDate day) {
        String where = f.settlementMunicipality();
        for (Move m : f.moves().stream().sorted(Comparator.comparing(Move::on)).toList()) {
            if (!m.on().isAfter(day)) {
                where = m.toMunicipality();
            }
        }
        return where;
    }

    private static ScheduleLine line(GrantKind kind, GrantCategory category, int n, int year, String municipality, RateBook rates,
                                     LocalDate day, boolean expected) {
        Optional<GrantRate> rate = rates.rate(kind, category, n, day);
        return new ScheduleLine(kind, n, null, year, municipality, rate.map(GrantRate::amount).orElse(null), rate.map(GrantRate::id).orElse(null),
                expected);
    }

    /** Every month the stay touches, up to its end, the settlement date or today (whichever is first; all exclusive). */
    private static List<ScheduleLine> monthly(Stay s, LocalDate settledOn, RateBook rates, LocalDate today) {
        LocalDate end = s.to() != null ? s.to() : settledOn != null ? settledOn : today;
        if (settledOn != null && settledOn.isBefore(end)) {
            end = settledOn;
        }
        if (today.isBefore(end)) {
            end = today;
        }
        List<ScheduleLine> lines = new ArrayList<>();
        for (YearMonth m = YearMonth.from(s.from()); m.atDay(1).isBefore(end); m = m.plusMonths(1)) {
            LocalDate first = s.from().isAfter(m.atDay(1)) ? s.from() : m.atDay(1);
            LocalDate afterLast = end.isBefore(m.plusMonths(1).atDay(1)) ? end : m.plusMonths(1).atDay(1);
            long days = afterLast.toEpochDay() - first.toEpochDay();
            if (days <= 0) {
                continue;
            }
            Optional<GrantRate> rate = rates.rate(s.kind(), null, null, first);
            BigDecimal amount = rate.isEmpty() ? null : rate.get().amount().multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(m.lengthOfMonth()), 0, RoundingMode.HALF_UP);
            lines.add(new ScheduleLine(s.kind(), null, m.atDay(1), m.getYear(), s.municipalityNumber(), amount,
                    rate.map(GrantRate::id).orElse(null), false));
        }
        return lines;
    }
}
