package no.bosetting.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import no.bosetting.municipalities.Municipality;
import no.bosetting.proposals.RejectionReason;
import no.bosetting.shared.TimeConfig;

import static no.bosetting.demo.DemoTime.at;
import static no.bosetting.demo.DemoTime.max;
import static no.bosetting.demo.DemoTime.workingDaysAfter;
import static no.bosetting.demo.Draws.pick;
import static no.bosetting.demo.Draws.pickIndex;

/**
 * Plans the weekly allocation rounds: which ready households are proposed to which municipality, how each
 * municipality answers, when the accepted households are settled or decline, and the agreed self-settlements
 * approved in the rounds; in the last rounds, each demo municipality's work-list examples ({@link Pick}). Runs
 * twice: first without decisions ({@code capacity} null), to measure how many persons the year places so the decided
 * numbers can be scaled to it; then with them, proposing only where the place rule finds room in the plan's
 * {@link PlaceForecast}.
 */
final class AllocationPlanner {

    private static final int LARGE_HOUSEHOLD = 6;
    private static final int LARGE_HOUSEHOLD_MIN_POPULATION = 15_000;

    /** How the municipality answers a proposal within the plan; pending when the answer lies after now. */
    private enum Answer { ACCEPT, REJECT, PENDING }

    private record Outcome(Answer answer, Instant answerAt, LocalDate planned, Instant registerAt, Instant declineAt,
                           RejectionReason code, String text) {
        int year(LocalDate fallback) {
            return planned != null ? planned.getYear() : fallback.getYear();
        }
    }

    /**
     * A household shown as an example in a demo municipality's work list (the first four kinds, forced in the last
     * rounds), or an ordinary acceptance still offered at the end of the year; {@code answerAt} null while pending.
     */
    record Pick(int household, String municipalityNumber, Pick.Kind kind, Instant round, Instant answerAt) {

        enum Kind { DUE_SOON, OVERDUE, ACCEPTED_FUTURE, ACCEPTED_UNREGISTERED, ACCEPTED }

        /** The picks of the given kinds, in that order of kinds, the most recent answer first within each. */
        static List<Pick> ordered(List<Pick> picks, Kind... kinds) {
            List<Pick> result = new ArrayList<>();
            for (Kind kind : kinds) {
                picks.stream().filter(p -> p.kind() == kind)
                        .sorted(Comparator.comparing(Pick::answerAt).reversed().thenComparingInt(Pick::household))
                        .forEach(result::add);
            }
            return result;
        }
    }

    private final int size;
    private final Instant now;
    private final LocalDate today;
    private final List<Municipality> municipalities;
    private final Map<String, Municipality> byNumber;
    private final Map<String, Integer> indexOf;
    private final Set<String> demoMunicipalities;
    private final List<HouseholdDraft> drafts;
    /** The places the plan gives out against the decided numbers; null in the first pass, which has no decisions. */
    private final PlaceForecast forecast;
    private final Map<String, Double> popularity;
    private final SplittableRandom r;
    private final Map<Integer, Set<String>> proposedTo = new HashMap<>();
    private final Map<Integer, Instant> eligible = new HashMap<>();
    final Map<Integer, Integer> placedByYear = new TreeMap<>();
    final List<DemoPlan.Event> events = new ArrayList<>();
    private final int declineEvery;
    private int acceptedCount;
    private final Map<String, SelfSettlementPlanner.Setting> asb;
    private final SplittableRandom asbRandom;
    final Set<Integer> asbApproved = new TreeSet<>();
    final List<Pick> picks = new ArrayList<>();

    AllocationPlanner(PlanBasis basis, List<HouseholdDraft> drafts, List<DemoPlan.RecordCapacity> capacity,
                      Map<String, Double> popularity, SplittableRandom r, Map<String, SelfSettlementPlanner.Setting> asb,
                      SplittableRandom asbRandom) {
        this.size = basis.size();
        this.now = basis.now();
        this.today = basis.today();
        this.municipalities = basis.municipalities();
        this.byNumber = basis.byNumber();
        this.indexOf = basis.indexOf();
        this.demoMunicipalities = basis.demoMunicipalities();
        this.declineEvery = Math.max(20, Math.min(67, size / 45));
        this.asb = asb;
        this.asbRandom = asbRandom;
        this.drafts = drafts;
        this.forecast = capacity == null ? null : new PlaceForecast(capacity, indexOf,
                municipalities.stream().map(Municipality::number).toList());
        this.popularity = popularity;
        this.r = r;
        for (HouseholdDraft d : drafts) {
            if (d.eligibleAt != null) {
                eligible.put(d.index, d.eligibleAt);
            }
        }
    }

    void run() {
        List<Instant> rounds = rounds();
        for (int i = 0; i < rounds.size(); i++) {
            Instant round = rounds.get(i);
            int roundsAgo = rounds.size() - 1 - i;
            List<HouseholdDraft> pool = new ArrayList<>();
            for (HouseholdDraft d : drafts) {
                Instant e = eligible.get(d.index);
                if (e != null && !e.isAfter(round)) {
                    pool.add(d);
                }
            }
            pool.sort(Comparator.comparingInt((HouseholdDraft d) -> d.unaccompaniedMinor() ? 0 : d.withChildren() ? 1 : 2)
                    .thenComparing(d -> d.permitDate).thenComparingInt(d -> d.index));
            Map<String, List<Integer>> lists = new TreeMap<>();
            forced(roundsAgo).ifPresent(f -> {
                int per = size >= 1000 && (f == Pick.Kind.DUE_SOON) ? 2 : 1;
                // Small households first, so the places kept free cover as many examples as possible.
                List<HouseholdDraft> smallFirst = new ArrayList<>(pool);
                smallFirst.sort(Comparator.comparingInt(HouseholdDraft::size));
                for (String m : demoMunicipalities) {
                    for (int k = 0; k < per; k++) {
                        Outcome o = forcedOutcome(f, round);
                        for (HouseholdDraft d : List.copyOf(smallFirst)) {
                            if (propose(d, round, m, o, lists, true)) {
                                picks.add(new Pick(d.index, m, f, round, o.answerAt()));
                                pool.remove(d);
                                smallFirst.remove(d);
                                break;
                            }
                        }
                    }
                }
            });
            for (HouseholdDraft d : pool) {
                if (d.selfSettlement != null && forecast != null && selfSettle(d, round)) {
                    continue;
                }
                Outcome o = outcome(d, round);
                String m = choose(d, round, o);
                if (m != null) {
                    propose(d, round, m, o, lists, false);
                }
            }
            lists.forEach((m, households) -> events.add(new DemoPlan.SendList(round, m, List.copyOf(households))));
        }
    }

    /**
     * Agreed self-settlement: the household registered its dwelling before the round, the municipality
     * checked and forwarded it, and the agency approves it within a few working days, if the places as the agency
     * weighs them (within the number and the municipality's cap) leave room in the plan. Tried once per household.
     */
    private boolean selfSettle(HouseholdDraft d, Instant round) {
        String m = d.selfSettlement;
        d.selfSettlement = null;
        SplittableRandom a = asbRandom;
        LocalDate roundDate = LocalDate.ofInstant(round, TimeConfig.OSLO);
        LocalDate leaseStart = clampYear(roundDate.plusDays(10 + a.nextInt(20)), roundDate);
        Instant approveAt = workingDaysAfter(round, 1 + a.nextInt(4));
        Instant registerAt = max(round.minus(Duration.ofDays(12 + a.nextInt(6))), d.importAt.plus(Duration.ofHours(3)));
        if (!approveAt.isBefore(now.minus(Duration.ofHours(1))) || !registerAt.isBefore(approveAt.minus(Duration.ofDays(2)))
                || !leaseStart.isAfter(LocalDate.ofInstant(approveAt, TimeConfig.OSLO))) {
            return false;
        }
        int year = leaseStart.getYear();
        int index = indexOf.get(m);
        if (!forecast.hasDecision(index, year) || !suits(index, d) || forecast.selfSettlementPlaces(index, year,
                keptFree(index, year), asb.get(m).capPercent()).left() < d.size()) {
            return false;
        }
        forecast.giveBySelfSettlement(index, year, d);
        eligible.remove(d.index);
        asbApproved.add(d.index);
        placedByYear.merge(year, d.size(), Integer::sum);
        SelfSettlementPlanner.Setting s = asb.get(m);
        int rooms = Math.max(1, Math.min(5, (d.size() + 1) / 2));
        Instant forwardAt = registerAt.plus(Duration.between(registerAt, approveAt).dividedBy(2));
        events.add(new DemoPlan.RegisterSelfSettlement(registerAt, d.index, m,
                pick(a, List.of("Storgata", "Kirkeveien", "Parkveien", "Bjørkeveien", "Solbakken")) + " " + (1 + a.nextInt(60))
                        + ", " + byNumber.get(m).name(),
                pick(a, List.of("Kari Eksempelsen", "Demo Eiendom AS", "Per Demosen", "Fiktiv Utleie AS")), null,
                leaseStart,
                s.rentLimit() - 500 * (1 + a.nextInt(6)), rooms, a.nextDouble() < 0.2));
        events.add(new DemoPlan.StartSelfSettlementCheck(registerAt.plus(Duration.ofHours(20)), d.index));
        events.add(new DemoPlan.ForwardSelfSettlement(forwardAt, d.index,
                LocalDate.ofInstant(forwardAt, TimeConfig.OSLO).minusDays(1)));
        events.add(new DemoPlan.ApproveSelfSettlement(approveAt, d.index));
        Instant settleAt = at(leaseStart.plusDays(a.nextInt(4)), LocalTime.of(10, 0));
        if (settleAt.isBefore(now)) {
            events.add(new DemoPlan.RegisterSettlement(settleAt, d.index, leaseStart));
        }
        return true;
    }

    /** The work-list example the last rounds force in every demo municipality, by how many rounds ago. */
    private Optional<Pick.Kind> forced(int roundsAgo) {
        return switch (roundsAgo) {
            case 0 -> Optional.of(Pick.Kind.DUE_SOON);
            case 1 -> Optional.of(Pick.Kind.OVERDUE);
            case 2 -> Optional.of(Pick.Kind.ACCEPTED_FUTURE);
            case 3 -> size >= 1000 ? Optional.of(Pick.Kind.ACCEPTED_UNREGISTERED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Tuesdays at 10:00, the most recent one 1-7 days before today. */
    private List<Instant> rounds() {
        LocalDate last = today.minusDays(1);
        while (last.getDayOfWeek() != DayOfWeek.TUESDAY) {
            last = last.minusDays(1);
        }
        LocalDate first = drafts.get(0).permitDate;
        List<Instant> rounds = new ArrayList<>();
        for (LocalDate d = last; !d.isBefore(first); d = d.minusWeeks(1)) {
            rounds.add(0, at(d, LocalTime.of(10, 0)));
        }
        return rounds;
    }

    private Outcome forcedOutcome(Pick.Kind f, Instant round) {
        LocalDate roundDate = LocalDate.ofInstant(round, TimeConfig.OSLO);
        Instant answerAt = at(roundDate.plusDays(1 + r.nextInt(3)), LocalTime.of(9, 0).plusMinutes(r.nextInt(360)));
        return switch (f) {
            case DUE_SOON, OVERDUE -> new Outcome(Answer.PENDING, null, null, null, null, null, null);
            case ACCEPTED_FUTURE -> {
                LocalDate planned = clampYear(today.plusDays(3 + r.nextInt(19)), roundDate);
                yield new Outcome(Answer.ACCEPT, answerAt, max(planned, LocalDate.ofInstant(answerAt, TimeConfig.OSLO)),
                        null, null, null, null);
            }
            case ACCEPTED_UNREGISTERED -> new Outcome(Answer.ACCEPT, answerAt,
                    clampYear(LocalDate.ofInstant(answerAt, TimeConfig.OSLO).plusDays(7), roundDate), null, null, null, null);
            case ACCEPTED -> throw new IllegalArgumentException("An ordinary acceptance is not forced");
        };
    }

    private Outcome outcome(HouseholdDraft d, Instant round) {
        LocalDate roundDate = LocalDate.ofInstant(round, TimeConfig.OSLO);
        int days = r.nextDouble() < 0.08 ? 10 + r.nextInt(7) : 1 + (int) (Math.pow(r.nextDouble(), 1.5) * 9);
        Instant answerAt = at(roundDate.plusDays(days), LocalTime.of(8, 30).plusMinutes(r.nextInt(450)));
        if (!answerAt.isBefore(now)) {
            return new Outcome(Answer.PENDING, null, null, null, null, null, null);
        }
        LocalDate answerDate = LocalDate.ofInstant(answerAt, TimeConfig.OSLO);
        double rejectP = d.size() >= LARGE_HOUSEHOLD ? 0.3 : d.adaptation ? 0.2 : 0.08;
        if (r.nextDouble() < rejectP) {
            RejectionReason code = d.size() >= 5 && r.nextDouble() < 0.6 ? RejectionReason.NO_SUITABLE_DWELLING
                    : pick(r, RejectionReason.values(), new double[]{30, 15, 15, 15, 15, 10});
            return new Outcome(Answer.REJECT, answerAt, null, null, null, code, pick(r, DemoCatalogue.REJECTION_TEXTS.get(code)));
        }
        LocalDate planned = clampYear(answerDate.plusDays(7 + r.nextInt(22)), answerDate);
        if (!answerAt.isAfter(now.minus(Duration.ofDays(7))) && ++acceptedCount % declineEvery == declineEvery / 2) {
            Instant declineAt = at(answerDate.plusDays(2 + r.nextInt(4)), LocalTime.of(13, 0));
            return new Outcome(Answer.ACCEPT, answerAt, planned, null, declineAt.isBefore(now) ? declineAt : null, null, null);
        }
        Instant registerAt = null;
        if (r.nextDouble() >= 0.02) {
            int late = r.nextDouble() < 0.7 ? r.nextInt(4) : 4 + r.nextInt(9);
            Instant candidate = at(planned.plusDays(late), LocalTime.of(9, 0).plusMinutes(r.nextInt(360)));
            if (!candidate.isAfter(answerAt)) {
                candidate = answerAt.plus(Duration.ofHours(1));
            }
            registerAt = candidate.isBefore(now) ? candidate : null;
        }
        return new Outcome(Answer.ACCEPT, answerAt, planned, registerAt, null, null, null);
    }

    /** No place beyond the year with decisions: a planned date next year is moved to 31 December. */
    private LocalDate clampYear(LocalDate planned, LocalDate from) {
        LocalDate lastDay = LocalDate.of(today.getYear(), 12, 31);
        return planned.isAfter(lastDay) ? max(lastDay, from) : planned;
    }

    private String choose(HouseholdDraft d, Instant round, Outcome o) {
        int year = o.year(LocalDate.ofInstant(round, TimeConfig.OSLO));
        Set<String> already = proposedTo.getOrDefault(d.index, Set.of());
        List<String> candidates = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < municipalities.size(); i++) {
            Municipality m = municipalities.get(i);
            if (already.contains(m.number()) || !fits(i, year, d, false)) {
                continue;
            }
            candidates.add(m.number());
            // Weighing by what is left keeps the municipalities filling at an even pace (jevn bosetting).
            double base = forecast != null ? forecast.places(i, year).remaining() : CapacityPlanner.weight(m);
            weights.add(base * popularity.get(m.number()));
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (d.familyMunicipality != null && candidates.contains(d.familyMunicipality) && r.nextDouble() < 0.45) {
            return d.familyMunicipality;
        }
        return candidates.get(pickIndex(r, weights.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /**
     * Whether the plan proposes the household to the municipality: it suits the municipality, and the place rule
     * ({@link no.bosetting.decisions.PlacesUsed#roomFor}) finds room for it among the places the plan has given out —
     * outside the forced picks without the places the plan keeps free. The first pass has no decisions and no rule.
     */
    private boolean fits(int index, int year, HouseholdDraft d, boolean forced) {
        if (!suits(index, d)) {
            return false;
        }
        return forecast == null || forecast.hasDecision(index, year)
                && forecast.places(index, year, forced ? 0 : keptFree(index, year)).roomFor(d.size(), d.unaccompaniedMinor());
    }

    /**
     * A large household goes only to a municipality of some size; in the first pass, which has no decisions, an
     * unaccompanied minor only to a larger municipality (the decisions say who takes minors in the second).
     */
    private boolean suits(int index, HouseholdDraft d) {
        Municipality m = municipalities.get(index);
        if (d.size() >= LARGE_HOUSEHOLD && m.population() < LARGE_HOUSEHOLD_MIN_POPULATION) {
            return false;
        }
        return forecast != null || !d.unaccompaniedMinor() || m.population() >= 20_000;
    }

    /**
     * Outside the forced picks the plan keeps part of a demo municipality's number free, so its work lists can
     * show new proposals at the end of the year.
     */
    private int keptFree(int index, int year) {
        if (!demoMunicipalities.contains(municipalities.get(index).number())) {
            return 0;
        }
        int decided = forecast.decidedPersons(index, year);
        return Math.min(Math.max(20, decided / 6), decided / 2);
    }

    private boolean propose(HouseholdDraft d, Instant round, String m, Outcome o, Map<String, List<Integer>> lists, boolean forced) {
        int year = o.year(LocalDate.ofInstant(round, TimeConfig.OSLO));
        if (proposedTo.getOrDefault(d.index, Set.of()).contains(m) || !fits(indexOf.get(m), year, d, forced)) {
            return false;
        }
        lists.computeIfAbsent(m, k -> new ArrayList<>()).add(d.index);
        proposedTo.computeIfAbsent(d.index, k -> new HashSet<>()).add(m);
        if (o.answer() == Answer.REJECT) {
            events.add(new DemoPlan.Reject(o.answerAt(), d.index, m, o.code(), o.text()));
            eligible.put(d.index, o.answerAt().plus(Duration.ofDays(3 + r.nextInt(8))));
            return true;
        }
        eligible.remove(d.index);
        if (forecast != null) {
            forecast.give(indexOf.get(m), year, d);
        }
        if (o.answer() == Answer.ACCEPT) {
            events.add(new DemoPlan.Accept(o.answerAt(), d.index, m, o.planned()));
            if (!forced && o.declineAt() == null && o.registerAt() == null) {
                // Still offered at the end of the year: a candidate for a reconsideration in the demo.
                picks.add(new Pick(d.index, m, Pick.Kind.ACCEPTED, round, o.answerAt()));
            }
            if (o.declineAt() != null) {
                events.add(new DemoPlan.DeclineOffer(o.declineAt(), d.index,
                        "Husstanden takket nei til tilbudet og vil bosette seg på egen hånd; informert om at retten til introduksjonsprogram faller bort."));
            } else {
                placedByYear.merge(o.planned().getYear(), d.size(), Integer::sum);
                if (o.registerAt() != null) {
                    events.add(new DemoPlan.RegisterSettlement(o.registerAt(), d.index, o.planned()));
                }
            }
        }
        return true;
    }
}
