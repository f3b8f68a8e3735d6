package no.bosetting.demo;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;

/**
 * Plans the settled households of the history's years (issue 22 item 1) from {@link HistoryShape}: per year and
 * municipality the settled persons, scaled and rounded at random so the totals keep their proportions, split into
 * households (Ukrainians with collective protection as many as IMDi counted; the rest asylum and resettlement), each
 * with a settlement date in its year and a permit some months before it. Pure: only the arguments and the seed.
 */
final class HistoryPlanner {

    /** Average months from permit to settlement by real year (figures.md "Speed": 5.9 in 2021, 2.2 in 2022, under 3 after). */
    private static final Map<Integer, Double> MONTHS_TO_SETTLEMENT = Map.of(2021, 5.9, 2022, 2.2, 2023, 3.0, 2024, 2.8, 2025, 2.8);
    /**
     * When the Ukrainians of 2022 were settled, per month (weights): none before the war, a few in March, the surge from
     * April (figures.md: "Arrivals in 2022: >1,000 a week, at times >2,000 in the first months, then ~500 a week").
     */
    private static final double[] UKRAINIANS_2022_BY_MONTH = {0, 0, 1, 8, 13, 13, 11, 10, 10, 9, 8, 8};
    private static final String[] OTHER_CITIZENSHIPS = {"SYR", "AFG", "ERI", "SOM", "COD", "IRQ", "SYR", "ERI"};

    /** One settled household of the history. */
    record Household(int year, int realYear, String municipality, String reference, PermitType permitType,
                     LocalDate permitDate, LocalDate settlementDate, List<PermitImportRequest.PersonData> persons) {

        int size() {
            return persons.size();
        }
    }

    /** A year of the history: the year it is seeded as, the real year whose shape it has, and the persons per municipality. */
    record PlannedYear(int year, HistoryShape.Year shape, Map<String, Integer> settled, Map<String, Integer> decided, int need,
                       List<Household> households) {

        int persons() {
            return households.stream().mapToInt(Household::size).sum();
        }
    }

    private final long seed;
    private final double scale;
    private final LocalDate today;
    private long duf;

    HistoryPlanner(long seed, double scale, LocalDate today) {
        this.seed = seed;
        this.scale = scale;
        this.today = today;
        this.duf = 50_000_000L + Math.floorMod(seed, 40L) * 1_000_000L;
    }

    /**
     * The {@code years} years before this one, oldest first; the last has 2025's shape, the one five years back 2021's.
     * Only municipalities {@code included} accepts get households and decisions.
     */
    List<PlannedYear> plan(int years, Predicate<String> included) {
        List<PlannedYear> result = new ArrayList<>();
        int current = today.getYear();
        List<HistoryShape.Year> shapes = HistoryShape.years();
        for (int year = current - years; year < current; year++) {
            HistoryShape.Year shape = shapes.get(shapes.size() - (current - year));
            result.add(year(year, shape, included));
        }
        return result;
    }

    private PlannedYear year(int year, HistoryShape.Year shape, Predicate<String> included) {
        SplittableRandom r = new SplittableRandom(seed * 7_919L + year);
        Map<String, Integer> settled = new java.util.TreeMap<>();
        Map<String, Integer> decided = new java.util.TreeMap<>();
        List<Household> households = new ArrayList<>();
        shape.municipalities().entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> included.test(e.getKey()))
                .forEach(e -> {
                    HistoryShape.Figures f = e.getValue();
                    int ukrainians = scaled(f.ukrainians(), r);
                    int others = scaled(f.settled() - f.ukrainians(), r);
                    int persons = ukrainians + others;
                    // The place rule never lets a municipality settle beyond its decision; where IMDi counted more
                    // settled than decided (families reunified, decisions raised late), the decision is raised to it.
                    int decision = Math.max(scaled(f.decided(), r), persons);
                    if (decision > 0) {
                        decided.put(e.getKey(), decision);
                    }
                    if (persons > 0) {
                        settled.put(e.getKey(), persons);
                    }
                    households(year, shape.realYear(), e.getKey(), ukrainians, true, r, households);
                    households(year, shape.realYear(), e.getKey(), others, false, r, households);
                });
        int need = (int) Math.round(shape.nationalRequest() * scale);
        return new PlannedYear(year, shape, settled, decided, need, households);
    }

    /** {@code value × scale}, rounded up or down at random in proportion to the fraction, so sums keep their shape. */
    private int scaled(int value, SplittableRandom r) {
        double exact = value * scale;
        int whole = (int) Math.floor(exact);
        return whole + (r.nextDouble() < exact - whole ? 1 : 0);
    }

    private void households(int year, int realYear, String m, int persons, boolean ukrainian, SplittableRandom r, List<Household> out) {
        int left = persons;
        while (left > 0) {
            int size = Math.min(left, ukrainian ? Draws.pick(r, new Integer[] {1, 2, 3, 4, 5}, new double[] {35, 30, 22, 10, 3})
                    : Draws.pick(r, new Integer[] {1, 2, 3, 4, 5, 6}, new double[] {45, 15, 12, 12, 10, 6}));
            left -= size;
            LocalDate settlement = settlementDate(year, realYear, ukrainian, r);
            double months = MONTHS_TO_SETTLEMENT.getOrDefault(realYear, 3.0) * (ukrainian ? 0.8 : 1.2);
            LocalDate permit = settlement.minusDays(Math.max(30, Math.round(months * 30.4 * (0.5 + r.nextDouble()))));
            if (ukrainian && permit.isBefore(LocalDate.of(year, 3, 11)) && realYear == 2022) {
                permit = LocalDate.of(year, 3, 11).plusDays(r.nextInt(10)); // collective protection from March 2022
                settlement = DemoTime.max(settlement, permit.plusDays(30));
            }
            String citizenship = ukrainian ? "UKR" : OTHER_CITIZENSHIPS[r.nextInt(OTHER_CITIZENSHIPS.length)];
            PermitType type = ukrainian ? PermitType.COLLECTIVE_PROTECTION
                    : r.nextDouble() < 0.3 ? PermitType.RESETTLEMENT : PermitType.ASYLUM;
            String reference = HistoryDemo.referencePrefix(seed) + year + "-" + String.format("%06d", out.size() + 1);
            out.add(new Household(year, realYear, m, reference, type, permit, settlement, persons(size, citizenship, permit, r)));
        }
    }

    /** A date in the year, never today or later; the Ukrainians of 2022 follow the surge. */
    private LocalDate settlementDate(int year, int realYear, boolean ukrainian, SplittableRandom r) {
        LocalDate date;
        if (ukrainian && realYear == 2022) {
            double[] w = UKRAINIANS_2022_BY_MONTH;
            Integer[] months = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
            int month = Draws.pick(r, months, w);
            LocalDate first = LocalDate.of(year, Month.of(month), 1);
            date = first.plusDays(r.nextInt(first.lengthOfMonth()));
            if (month == 3) {
                date = DemoTime.max(date, LocalDate.of(year, 3, 25)); // the first settled a few weeks after the permits
            }
        } else {
            LocalDate first = LocalDate.of(year, 1, 8);
            date = first.plusDays(r.nextInt(350));
        }
        LocalDate last = DemoTime.min(LocalDate.of(year, 12, 22), today.minusDays(1));
        return DemoTime.min(date, last);
    }

    private List<PermitImportRequest.PersonData> persons(int size, String citizenship, LocalDate permit, SplittableRandom r) {
        String group = DemoCatalogue.nameGroup(citizenship);
        List<String> women = DemoCatalogue.FEMALE_NAMES.get(group);
        List<String> men = DemoCatalogue.MALE_NAMES.get(group);
        boolean ukrainian = "UKR".equals(citizenship);
        List<String> families = ukrainian ? DemoCatalogue.UKRAINIAN_FAMILY_NAMES : DemoCatalogue.OTHER_FAMILY_NAMES;
        String family = families.get(r.nextInt(families.size()));
        // Ukrainian adults 2022: 79 % women (figures.md "Who"); others about half.
        boolean mainWoman = r.nextDouble() < (ukrainian ? 0.79 : 0.45);
        boolean couple = size >= 2 && r.nextDouble() < (ukrainian ? 0.2 : 0.5);
        List<PermitImportRequest.PersonData> people = new ArrayList<>();
        LocalDate mainBirth = permit.minusYears(24 + r.nextInt(30)).minusDays(r.nextInt(365));
        people.add(person(mainWoman ? women : men, family, mainBirth, mainWoman ? "F" : "M", citizenship, Relation.MAIN, permit, r));
        if (couple) {
            people.add(person(mainWoman ? men : women, family, mainBirth.plusDays(r.nextInt(2_000) - 1_000), mainWoman ? "M" : "F",
                    citizenship, Relation.SPOUSE, permit, r));
        }
        while (people.size() < size) {
            boolean girl = r.nextBoolean();
            people.add(person(girl ? women : men, family, permit.minusYears(1 + r.nextInt(16)).minusDays(r.nextInt(365)), girl ? "F" : "M",
                    citizenship, Relation.CHILD, permit, r));
        }
        return people;
    }

    private PermitImportRequest.PersonData person(List<String> names, String family, LocalDate birth, String sex, String citizenship,
                                                  Relation relation, LocalDate permit, SplittableRandom r) {
        String dufNumber = String.format("%04d%08d", permit.getYear(), duf++);
        return new PermitImportRequest.PersonData(dufNumber, null, null, names.get(r.nextInt(names.size())), family, birth, sex,
                citizenship, relation, null, null);
    }
}
