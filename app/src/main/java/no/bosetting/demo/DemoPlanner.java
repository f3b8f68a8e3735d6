package no.bosetting.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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

import no.bosetting.cases.CloseReason;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.demo.DemoPlan.Event;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.municipalities.Municipality;
import no.bosetting.proposals.RejectionReason;
import no.bosetting.shared.Identifiers;
import no.bosetting.shared.TimeConfig;

/**
 * Computes a {@link DemoPlan} from a seed: a 2023-shaped year of permits placed in the twelve
 * months before "now", and the commands that carry each household from permit to settlement. Pure:
 * no database, no clock, only the arguments. The allocation is simulated with the same capacity rule
 * the application enforces, so replaying the plan through the real commands does not hit refusals.
 */
final class DemoPlanner {

    /** Persons settled per 1,000 inhabitants in 2022 by centrality class 1..6 (figures.md). */
    private static final double[] RATE_PER_1000 = {3.5, 4.0, 5.1, 8.1, 10.7, 14.5};
    private static final double DECIDED_OVER_PLACED = 1.2;
    private static final int MIN_DECISION = 10;
    private static final int MINOR_MUNICIPALITIES = 57;
    private static final int LARGE_HOUSEHOLD = 6;
    private static final int LARGE_HOUSEHOLD_MIN_POPULATION = 15_000;

    private final long seed;
    private final int size;
    private final Instant now;
    private final LocalDate today;
    private final List<Municipality> municipalities;
    private final Map<String, Municipality> byNumber = new HashMap<>();
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final List<DemoPlan.Centre> centres = new ArrayList<>();
    private final Set<String> demoMunicipalities = new TreeSet<>(DemoCatalogue.demoMunicipalities());

    private DemoPlanner(long seed, int size, Instant now, List<Municipality> municipalities) {
        if (size < 1) {
            throw new IllegalArgumentException("At least one household is needed, got " + size);
        }
        this.seed = seed;
        this.size = size;
        this.now = now;
        this.today = LocalDate.ofInstant(now, TimeConfig.OSLO);
        this.municipalities = municipalities.stream().sorted(Comparator.comparing(Municipality::number)).toList();
        for (int i = 0; i < this.municipalities.size(); i++) {
            byNumber.put(this.municipalities.get(i).number(), this.municipalities.get(i));
            indexOf.put(this.municipalities.get(i).number(), i);
        }
        for (String number : demoMunicipalities) {
            requireMunicipality(number);
        }
        for (DemoCatalogue.CentreDefinition d : DemoCatalogue.CENTRES) {
            requireMunicipality(d.municipalityNumber());
            String staff = DemoCatalogue.LOGINS.stream().filter(l -> d.shortName().equals(l.centreShortName()))
                    .map(DemoCatalogue.Login::username).findFirst().orElse(null);
            centres.add(new DemoPlan.Centre(d.shortName(), DemoCatalogue.centreName(d), d.kind(), d.municipalityNumber(), staff));
        }
    }

    /** The plan for {@code size} households ending at {@code now}; equal arguments give an equal plan. */
    public static DemoPlan plan(long seed, int size, Instant now, List<Municipality> municipalities) {
        return new DemoPlanner(seed, size, now, municipalities).build();
    }

    private void requireMunicipality(String number) {
        if (!byNumber.containsKey(number)) {
            throw new IllegalStateException("Demo data refers to municipality " + number + ", which is not in the reference data");
        }
    }

    private SplittableRandom rng(int stream) {
        return new SplittableRandom(seed * 1_000_003L + stream);
    }

    private DemoPlan build() {
        List<Draft> drafts = households(rng(1));
        timelines(drafts, rng(2));
        keepResidentsUnderMappingAtStaffedCentres(drafts);
        List<DemoPlan.Household> households = new ArrayList<>();
        SplittableRandom answers = rng(5);
        for (Draft d : drafts) {
            households.add(new DemoPlan.Household(d.index, d.reference, d.permitType, d.permitDate, d.living, d.centre,
                    d.municipality, List.copyOf(d.persons), d.interviewAt == null ? null : interview(d, answers)));
        }
        Instant capacityAt = at(drafts.get(0).permitDate.minusDays(3), LocalTime.of(9, 0));
        Map<String, Double> popularity = popularity(rng(3));
        Simulation unlimited = new Simulation(drafts, null, popularity, rng(4), Map.of());
        unlimited.run();
        List<DemoPlan.RecordCapacity> capacity = capacity(unlimited.placedByYear, capacityAt, rng(6));
        List<String> deciding = capacity.stream().filter(c -> c.year() == today.getYear())
                .map(DemoPlan.RecordCapacity::municipalityNumber).distinct().toList();
        Map<String, DemoExtras.AsbSetting> asb = DemoExtras.settings(deciding, byNumber, rng(7));
        markSelfSettlers(drafts, asb, rng(8));
        Simulation real = new Simulation(drafts, capacity, popularity, rng(4), asb);
        real.run();

        List<Sequenced> sequenced = new ArrayList<>();
        capacity.forEach(c -> sequenced.add(new Sequenced(c, 0, sequenced.size())));
        for (Draft d : drafts) {
            sequenced.add(new Sequenced(new DemoPlan.ImportPermit(d.importAt, d.index), 1, sequenced.size()));
            if (d.interviewAt != null) {
                sequenced.add(new Sequenced(new DemoPlan.HoldInterview(d.interviewAt, d.index), 2, sequenced.size()));
            }
            if (d.closeAt != null) {
                sequenced.add(new Sequenced(new DemoPlan.CloseCase(d.closeAt, d.index, d.closeReason, d.closeText), 8,
                        sequenced.size()));
            }
        }
        for (Sequenced s : real.events) {
            sequenced.add(new Sequenced(s.event(), s.order(), sequenced.size()));
        }
        sequenced.sort(Comparator.comparing((Sequenced s) -> s.event().at()).thenComparingInt(Sequenced::order)
                .thenComparingInt(Sequenced::seq));
        List<Event> main = sequenced.stream().map(Sequenced::event).filter(e -> e.at().isBefore(now)).toList();
        // The newer modules (self-settlement, applications, messages, reconsideration) on top of the year.
        for (Event e : new DemoExtras(rng(10), now, households, main, byNumber, asb, real.asbApproved, real.picks)
                .build(capacityAt.plus(Duration.ofHours(1)))) {
            sequenced.add(new Sequenced(e, 9, sequenced.size()));
        }
        sequenced.sort(Comparator.comparing((Sequenced s) -> s.event().at()).thenComparingInt(Sequenced::order)
                .thenComparingInt(Sequenced::seq));
        List<Event> events = sequenced.stream().map(Sequenced::event).filter(e -> e.at().isBefore(now)).toList();
        return new DemoPlan(seed, size, now, List.copyOf(centres), List.copyOf(households), events);
    }

    private record Sequenced(Event event, int order, int seq) {
    }

    // ---------------------------------------------------------------- households

    /** Mutable while the plan is built; frozen into {@link DemoPlan.Household}. */
    private static final class Draft {
        int index;
        String reference;
        PermitType permitType;
        LocalDate permitDate;
        LivingSituation living;
        Integer centre;
        String municipality;
        String familyMunicipality;
        boolean adaptation;
        final List<DemoPlan.Person> persons = new ArrayList<>();
        Instant importAt;
        Instant interviewAt;
        Instant eligibleAt;
        Instant closeAt;
        CloseReason closeReason;
        String closeText;
        /** Where the household asks for agreed self-settlement when it becomes ready, if it does. */
        String selfSettlement;

        int size() {
            return persons.size();
        }

        boolean minor() {
            return persons.size() == 1 && persons.get(0).relation() == Relation.MAIN
                    && persons.get(0).birthDate().plusYears(18).isAfter(permitDate);
        }

        boolean children() {
            return persons.stream().anyMatch(p -> p.relation() == Relation.CHILD);
        }
    }

    private enum Composition { SINGLE_WOMAN, SINGLE_MAN, SINGLE_PARENT, COUPLE, COUPLE_WITH_CHILDREN, THREE_GENERATIONS, MINOR }

    private List<Draft> households(SplittableRandom r) {
        List<LocalDate> dates = permitDates(r);
        Set<String> dNumbers = new HashSet<>();
        long duf = 10_000_000L + Math.floorMod(seed, 1000L) * 10_000L;
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Draft d = new Draft();
            d.index = i;
            d.reference = "DEMO-" + seed + "-" + String.format("%05d", i + 1);
            d.permitDate = dates.get(i);
            double t = r.nextDouble();
            d.permitType = t < 0.80 ? PermitType.COLLECTIVE_PROTECTION : t < 0.92 ? PermitType.ASYLUM : PermitType.RESETTLEMENT;
            String citizenship = citizenship(d.permitType, r);
            Composition c = composition(d.permitType, r);
            String family = familyName(citizenship, r);
            for (PersonSeed p : members(c, d.permitType, r)) {
                LocalDate birth = d.permitDate.minusYears(p.age()).minusDays(r.nextInt(365));
                String given = givenName(citizenship, p.sex(), r);
                String dNumber = p.age() >= 18 && r.nextDouble() < 0.35 ? dNumber(birth, r, dNumbers) : null;
                String dufNumber = String.format("%04d%08d", d.permitDate.getYear(), duf++);
                d.persons.add(new DemoPlan.Person(dufNumber, dNumber, given, family, birth, p.sex(), citizenship, p.relation()));
            }
            living(d, c, r);
            d.adaptation = r.nextDouble() < 0.12;
            drafts.add(d);
        }
        return drafts;
    }

    /** Weekly arrivals over the last 52 weeks with a seasonal swell and week-to-week noise; weekdays only. */
    private List<LocalDate> permitDates(SplittableRandom r) {
        LocalDate first = today.minusWeeks(52);
        double[] weights = new double[52];
        double phase = r.nextDouble() * Math.PI;
        double sum = 0;
        for (int w = 0; w < 52; w++) {
            double noise = Math.exp(r.nextGaussian() * 0.25);
            weights[w] = Math.max(0.3, (1 + 0.3 * Math.sin(2 * Math.PI * w / 52 + phase)) * noise);
            sum += weights[w];
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            double x = r.nextDouble() * sum;
            int week = 0;
            while (week < 51 && x >= weights[week]) {
                x -= weights[week];
                week++;
            }
            LocalDate date = first.plusWeeks(week).plusDays(r.nextInt(7));
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
                date = date.minusDays(1);
            } else if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
            if (!date.isBefore(today)) {
                date = today.minusDays(1 + r.nextInt(3));
            }
            dates.add(date);
        }
        dates.sort(Comparator.naturalOrder());
        return dates;
    }

    private static String citizenship(PermitType type, SplittableRandom r) {
        return switch (type) {
            case COLLECTIVE_PROTECTION -> "UKR";
            case ASYLUM -> pick(r, new String[]{"SYR", "AFG", "ERI", "SOM", "TUR", "IRN", "ETH"}, new double[]{30, 25, 20, 10, 6, 5, 4});
            case RESETTLEMENT -> pick(r, new String[]{"COD", "SYR", "AFG", "SSD"}, new double[]{35, 35, 15, 15});
        };
    }

    private static Composition composition(PermitType type, SplittableRandom r) {
        Composition[] c = Composition.values();
        return switch (type) {
            case COLLECTIVE_PROTECTION -> pick(r, c, new double[]{23, 9, 36, 11, 18, 2, 1});
            case ASYLUM -> pick(r, c, new double[]{10, 38, 12, 6, 24, 2, 8});
            case RESETTLEMENT -> pick(r, c, new double[]{8, 10, 22, 5, 50, 5, 0});
        };
    }

    private record PersonSeed(int age, String sex, Relation relation) {
    }

    private static List<PersonSeed> members(Composition c, PermitType type, SplittableRandom r) {
        boolean ukrainian = type == PermitType.COLLECTIVE_PROTECTION;
        List<PersonSeed> persons = new ArrayList<>();
        switch (c) {
            case SINGLE_WOMAN -> persons.add(new PersonSeed(adultAge(r, 19, 70), "F", Relation.MAIN));
            case SINGLE_MAN -> persons.add(new PersonSeed(adultAge(r, 19, 65), "M", Relation.MAIN));
            case MINOR -> persons.add(new PersonSeed(15 + r.nextInt(2), r.nextDouble() < 0.8 ? "M" : "F", Relation.MAIN));
            case COUPLE -> {
                int age = adultAge(r, 20, 72);
                persons.add(new PersonSeed(age, "F", Relation.MAIN));
                persons.add(new PersonSeed(Math.max(19, age + r.nextInt(7) - 2), "M", Relation.SPOUSE));
            }
            case SINGLE_PARENT, COUPLE_WITH_CHILDREN, THREE_GENERATIONS -> {
                int children = switch (c) {
                    case SINGLE_PARENT -> ukrainian ? pick(r, new Integer[]{1, 2, 3}, new double[]{55, 35, 10}) : 1 + r.nextInt(4);
                    case COUPLE_WITH_CHILDREN -> ukrainian ? pick(r, new Integer[]{1, 2, 3, 4}, new double[]{45, 35, 15, 5})
                            : pick(r, new Integer[]{1, 2, 3, 4, 5, 6, 7}, new double[]{12, 22, 24, 18, 12, 8, 4});
                    default -> r.nextInt(3);
                };
                List<Integer> childAges = new ArrayList<>();
                for (int i = 0; i < children; i++) {
                    childAges.add(r.nextInt(17));
                }
                int oldest = childAges.stream().mapToInt(Integer::intValue).max().orElse(0);
                int parentAge = Math.max(20, oldest + 20 + r.nextInt(18));
                String mainSex = c == Composition.SINGLE_PARENT && r.nextDouble() < (ukrainian ? 0.1 : 0.25) ? "M" : "F";
                persons.add(new PersonSeed(parentAge, mainSex, Relation.MAIN));
                if (c != Composition.SINGLE_PARENT) {
                    persons.add(new PersonSeed(Math.max(20, parentAge + r.nextInt(7) - 1), "M", Relation.SPOUSE));
                }
                if (c == Composition.THREE_GENERATIONS) {
                    persons.add(new PersonSeed(Math.min(95, parentAge + 22 + r.nextInt(10)), r.nextDouble() < 0.7 ? "F" : "M",
                            Relation.OTHER));
                }
                childAges.sort(Comparator.reverseOrder());
                for (int age : childAges) {
                    persons.add(new PersonSeed(age, r.nextBoolean() ? "F" : "M", Relation.CHILD));
                }
            }
            default -> throw new IllegalStateException("Unhandled composition " + c);
        }
        return persons;
    }

    private static int adultAge(SplittableRandom r, int min, int max) {
        // Skewed towards 25-45, as among adults arriving in 2022-2023.
        double u = (r.nextDouble() + r.nextDouble() + r.nextDouble()) / 3;
        return min + (int) Math.round(u * (max - min) * 0.85);
    }

    private static String familyName(String citizenship, SplittableRandom r) {
        List<String> names = "UKR".equals(citizenship) ? DemoCatalogue.UKRAINIAN_FAMILY_NAMES : DemoCatalogue.OTHER_FAMILY_NAMES;
        return names.get(r.nextInt(names.size()));
    }

    private static String givenName(String citizenship, String sex, SplittableRandom r) {
        String group = DemoCatalogue.nameGroup(citizenship);
        List<String> names = "F".equals(sex) ? DemoCatalogue.FEMALE_NAMES.get(group) : DemoCatalogue.MALE_NAMES.get(group);
        return names.get(r.nextInt(names.size()));
    }

    /** A valid D-number (day + 40) for the birth date, unique within the plan. */
    private static String dNumber(LocalDate birth, SplittableRandom r, Set<String> used) {
        String prefix = String.format("%02d%02d%02d", birth.getDayOfMonth() + 40, birth.getMonthValue(), birth.getYear() % 100);
        boolean born2000s = birth.getYear() >= 2000;
        int start = born2000s ? 500 + r.nextInt(250) : r.nextInt(500);
        for (int k = 0; k < 250; k++) {
            int individual = born2000s ? 500 + (start - 500 + k) % 250 : (start + k) % 500;
            String candidate = Identifiers.withCheckDigits(prefix + String.format("%03d", individual));
            if (candidate != null && used.add(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private void living(Draft d, Composition c, SplittableRandom r) {
        LivingSituation[] s = {LivingSituation.RECEPTION_CENTRE, LivingSituation.EMERGENCY_ACCOMMODATION, LivingSituation.AMOT,
                LivingSituation.MAMOT, LivingSituation.PRIVATE};
        if (c == Composition.MINOR || d.permitType == PermitType.RESETTLEMENT) {
            d.living = LivingSituation.RECEPTION_CENTRE;
        } else if (d.permitType == PermitType.COLLECTIVE_PROTECTION) {
            d.living = pick(r, s, new double[]{60, 10, 7, 3, 20});
        } else {
            d.living = pick(r, s, new double[]{85, 5, 3, 0, 7});
        }
        if (d.living == LivingSituation.RECEPTION_CENTRE || d.living == LivingSituation.EMERGENCY_ACCOMMODATION) {
            String kind = d.living.name();
            double[] w = new double[centres.size()];
            for (int i = 0; i < centres.size(); i++) {
                w[i] = centres.get(i).kind().equals(kind) ? DemoCatalogue.CENTRES.get(i).weight() : 0;
            }
            d.centre = pickIndex(r, w);
            boolean network = r.nextDouble() < (d.permitType == PermitType.COLLECTIVE_PROTECTION ? 0.45 : 0.25);
            d.familyMunicipality = network ? populationWeighted(r) : null;
        } else {
            // AMOT, MAMOT and private residents live with family or network in a municipality.
            d.municipality = populationWeighted(r);
            d.familyMunicipality = d.municipality;
        }
    }

    private String populationWeighted(SplittableRandom r) {
        double[] w = municipalities.stream().mapToDouble(Municipality::population).toArray();
        return municipalities.get(pickIndex(r, w)).number();
    }

    private InterviewAnswers interview(Draft d, SplittableRandom r) {
        DemoPlan.Person main = d.persons.get(0);
        boolean minor = d.minor();
        String familyText = d.familyMunicipality == null ? null
                : pick(r, DemoCatalogue.FAMILY) + " bor i " + byNumber.get(d.familyMunicipality).name();
        String network = r.nextDouble() < 0.5 ? "Venner og tidligere kolleger i " + byNumber.get(populationWeighted(r)).name() : null;
        String adaptation = d.adaptation ? pick(r, DemoCatalogue.ADAPTATION) : null;
        boolean consent = r.nextDouble() < 0.25;
        String health = consent && r.nextDouble() < 0.6 ? pick(r, DemoCatalogue.HEALTH) : null;
        String pets = r.nextDouble() < 0.07 ? pick(r, DemoCatalogue.PETS) : null;
        String education = minor ? "Grunnskole (pågår)" : pick(r, DemoCatalogue.EDUCATION);
        String work = minor ? null : pick(r, DemoCatalogue.WORK);
        boolean licence = !minor && r.nextDouble() < 0.45;
        boolean car = licence && r.nextDouble() < 0.1;
        String mother = DemoCatalogue.interpreterLanguage(main.citizenship());
        String languages = "UKR".equals(main.citizenship()) ? "ukrainsk, russisk" : mother;
        if (r.nextDouble() < 0.4) {
            languages += ", engelsk";
        }
        return new InterviewAnswers(LocalDate.ofInstant(d.interviewAt, TimeConfig.OSLO), mother, familyText,
                d.familyMunicipality, network, adaptation, consent, health, pets, education, work, licence, car, languages,
                minor ? pick(r, DemoCatalogue.MINOR_SITUATIONS) : null);
    }

    // ---------------------------------------------------------------- timelines

    private void timelines(List<Draft> drafts, SplittableRandom r) {
        int closeEvery = Math.max(20, Math.min(67, size / 45));
        for (Draft d : drafts) {
            Instant importAt = at(d.permitDate.plusDays(r.nextInt(3)), LocalTime.of(8, 0).plusMinutes(r.nextInt(480)));
            if (!importAt.isBefore(now)) {
                importAt = at(d.permitDate, LocalTime.of(8, 0).plusMinutes(r.nextInt(480)));
            }
            if (!importAt.isBefore(now)) {
                importAt = now.minus(Duration.ofMinutes(30));
            }
            d.importAt = importAt;
            LocalDate importDate = LocalDate.ofInstant(importAt, TimeConfig.OSLO);
            int interviewDays;
            if (d.permitType == PermitType.RESETTLEMENT) {
                // Resettlement refugees are interviewed abroad before the permit; only the recording remains.
                interviewDays = 1 + r.nextInt(7);
            } else if (r.nextDouble() < 0.03) {
                interviewDays = 40 + r.nextInt(60);
            } else {
                interviewDays = 7 + (int) Math.round((r.nextDouble() + r.nextDouble()) / 2 * 21);
            }
            Instant interviewAt = at(importDate.plusDays(interviewDays), LocalTime.of(9, 0).plusMinutes(r.nextInt(360)));
            d.interviewAt = interviewAt.isBefore(now) ? interviewAt : null;

            long ageDays = ChronoUnit.DAYS.between(importDate, today);
            if (d.index % closeEvery == closeEvery / 2 && ageDays >= 30) {
                long latest = Math.min(90, ageDays - 1);
                d.closeAt = at(importDate.plusDays(14 + r.nextLong(latest - 13)), LocalTime.of(11, 0));
                d.closeReason = pick(r, new CloseReason[]{CloseReason.MOVED_OUT_OF_RECEPTION, CloseReason.LEFT_NORWAY,
                        CloseReason.SELF_ESTABLISHED}, new double[]{50, 30, 20});
                d.closeText = switch (d.closeReason) {
                    case MOVED_OUT_OF_RECEPTION -> "Flyttet ut av mottaket før avtale om bosetting; informert om konsekvensen i samtale med tolk.";
                    case LEFT_NORWAY -> "Har reist tilbake til hjemlandet; informert skriftlig på eget språk.";
                    case SELF_ESTABLISHED -> "Har skaffet bolig og arbeid selv; informert om at retten til bosetting med offentlig hjelp faller bort.";
                    default -> "Saken avsluttes.";
                };
                if (d.interviewAt != null && !d.interviewAt.isBefore(d.closeAt)) {
                    d.interviewAt = null;
                }
                continue;
            }
            if (d.interviewAt == null) {
                continue;
            }
            double wait = r.nextDouble();
            long delayHours;
            if (wait < 0.80) {
                delayHours = 1 + r.nextInt(10 * 24);
            } else if (wait < 0.92) {
                delayHours = (14 + r.nextInt(46)) * 24L;
            } else {
                // Hard-to-place households (large, special needs) wait for months: the long-waiting list.
                delayHours = (60 + r.nextInt(240)) * 24L;
            }
            d.eligibleAt = d.interviewAt.plus(Duration.ofHours(delayHours));
        }
    }

    /** Every staffed demo centre gets residents still waiting for their interview. */
    private void keepResidentsUnderMappingAtStaffedCentres(List<Draft> drafts) {
        int wanted = size >= 1000 ? 3 : 2;
        for (int c = 0; c < DemoCatalogue.STAFFED_CENTRES; c++) {
            int centre = c;
            long have = drafts.stream().filter(d -> Integer.valueOf(centre).equals(d.centre) && d.interviewAt == null
                    && d.closeAt == null).count();
            for (int i = drafts.size() - 1; i >= 0 && have < wanted; i--) {
                Draft d = drafts.get(i);
                if (d.living == LivingSituation.RECEPTION_CENTRE && d.interviewAt == null && d.closeAt == null
                        && d.centre != null && d.centre >= DemoCatalogue.STAFFED_CENTRES) {
                    d.centre = centre;
                    have++;
                }
            }
        }
    }

    /**
     * About one household in 75 finds its own dwelling in a municipality that accepts ASB (agreed
     * self-settlement); the simulation approves it when the household is ready, if the municipality
     * has room within its number and its ASB cap.
     */
    private void markSelfSettlers(List<Draft> drafts, Map<String, DemoExtras.AsbSetting> asb, SplittableRandom r) {
        List<String> targets = new ArrayList<>(asb.keySet());
        double[] w = targets.stream().mapToDouble(m -> Math.sqrt(byNumber.get(m).population())
                * (DemoExtras.DEMO_ASB.contains(m) ? 4 : 1)).toArray();
        List<Draft> pool = drafts.stream().filter(d -> !d.minor() && d.permitType != PermitType.RESETTLEMENT
                && d.eligibleAt != null && d.closeAt == null && d.eligibleAt.isBefore(now.minus(Duration.ofDays(10)))).toList();
        double p = pool.isEmpty() ? 0 : Math.min(1.0, Math.max(5, size / 75.0) / pool.size());
        for (Draft d : pool) {
            if (r.nextDouble() < p && !targets.isEmpty()) {
                d.selfSettlement = d.familyMunicipality != null && asb.containsKey(d.familyMunicipality) ? d.familyMunicipality
                        : targets.get(pickIndex(r, w));
            }
        }
    }

    // ---------------------------------------------------------------- capacity

    private double weight(Municipality m) {
        return m.population() * RATE_PER_1000[Math.max(1, Math.min(6, m.centrality())) - 1] / 1000.0;
    }

    /** A few municipalities are attractive and are offered more households, so their numbers fill up first. */
    private Map<String, Double> popularity(SplittableRandom r) {
        Map<String, Double> p = new HashMap<>();
        for (Municipality m : municipalities) {
            p.put(m.number(), !demoMunicipalities.contains(m.number()) && r.nextDouble() < 0.06 ? 3.0 : 1.0);
        }
        return p;
    }

    private List<DemoPlan.RecordCapacity> capacity(Map<Integer, Integer> placedByYear, Instant capacityAt, SplittableRandom r) {
        int year = today.getYear();
        List<Municipality> deciding = new ArrayList<>();
        for (Municipality m : municipalities) {
            // About 15 % have no decision yet, so "no decision" shows in the overviews.
            boolean skip = r.nextDouble() < 0.15;
            if (!skip || demoMunicipalities.contains(m.number())) {
                deciding.add(m);
            }
        }
        int total = (int) Math.round(DECIDED_OVER_PLACED * placedByYear.getOrDefault(year, 0));
        Map<String, Integer> persons = proportional(deciding, total);
        List<Municipality> byPopulation = new ArrayList<>(deciding);
        // The largest demo municipalities always take unaccompanied minors, so their logins show that number.
        Set<String> minors = new HashSet<>(List.of("0301", "4601", "5501"));
        while (minors.size() < Math.min(MINOR_MUNICIPALITIES, deciding.size())) {
            double[] w = byPopulation.stream().mapToDouble(m -> minors.contains(m.number()) ? 0 : Math.sqrt(m.population())).toArray();
            minors.add(byPopulation.get(pickIndex(r, w)).number());
        }
        LocalDate capacityDate = LocalDate.ofInstant(capacityAt, TimeConfig.OSLO);
        List<DemoPlan.RecordCapacity> events = new ArrayList<>();
        for (Municipality m : deciding) {
            int current = persons.get(m.number());
            int previous = Math.max(MIN_DECISION, (int) Math.round(current * (0.85 + 0.3 * r.nextDouble())));
            int currentMinors = minors.contains(m.number()) ? Math.min(current, Math.max(2, (int) Math.round(current * 0.05))) : 0;
            int previousMinors = minors.contains(m.number()) ? Math.min(previous, Math.max(2, (int) Math.round(previous * 0.05))) : 0;
            LocalDate previousDecided = min(LocalDate.of(year - 1, 1, 10).plusDays(r.nextInt(60)), capacityDate);
            LocalDate currentDecided = min(LocalDate.of(year - 1, 10, 15).plusDays(r.nextInt(45)), capacityDate);
            events.add(new DemoPlan.RecordCapacity(capacityAt, m.number(), year - 1, previous, previousMinors, previousDecided));
            events.add(new DemoPlan.RecordCapacity(capacityAt, m.number(), year, current, currentMinors, currentDecided));
        }
        return events;
    }

    /** Splits {@code total} by weight with a floor of {@link #MIN_DECISION}; the floor is taken out before the split. */
    private Map<String, Integer> proportional(List<Municipality> deciding, int total) {
        Set<String> floored = new HashSet<>();
        Map<String, Integer> result = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            double rest = Math.max(0, total - (double) MIN_DECISION * floored.size());
            double sum = deciding.stream().filter(m -> !floored.contains(m.number())).mapToDouble(this::weight).sum();
            for (Municipality m : deciding) {
                if (floored.contains(m.number())) {
                    continue;
                }
                double share = sum == 0 ? 0 : rest * weight(m) / sum;
                if (share < MIN_DECISION) {
                    floored.add(m.number());
                    changed = true;
                }
            }
            if (!changed) {
                for (Municipality m : deciding) {
                    result.put(m.number(), floored.contains(m.number()) ? MIN_DECISION
                            : (int) Math.round(rest * weight(m) / sum));
                }
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- allocation

    private enum Kind { ACCEPT, REJECT, PENDING }

    private record Outcome(Kind kind, Instant answerAt, LocalDate planned, Instant registerAt, Instant declineAt,
                           RejectionReason code, String text) {
        int year(LocalDate fallback) {
            return planned != null ? planned.getYear() : fallback.getYear();
        }
    }

    /** Forced outcomes that make the demo municipalities' work lists show every situation. */
    private enum Forced { DUE_SOON, OVERDUE, ACCEPTED_FUTURE, ACCEPTED_UNREGISTERED }

    /**
     * Weekly allocation rounds. {@code capacity} null means unlimited (the first pass, which measures
     * how many persons the year places so the decided numbers can be scaled to it).
     */
    private final class Simulation {
        private final List<Draft> drafts;
        private final boolean limited;
        private final Map<String, Double> popularity;
        private final SplittableRandom r;
        /** Per year, per municipality index: {persons, unaccompanied minors}; null where there is no decision. */
        private final Map<Integer, int[][]> decided = new HashMap<>();
        private final Map<Integer, int[][]> reserved = new HashMap<>();
        private final Map<Integer, Set<String>> proposedTo = new HashMap<>();
        private final Map<Integer, Instant> eligible = new HashMap<>();
        final Map<Integer, Integer> placedByYear = new TreeMap<>();
        final List<Sequenced> events = new ArrayList<>();
        private final int declineEvery = Math.max(20, Math.min(67, size / 45));
        private int acceptedCount;
        private final Map<String, DemoExtras.AsbSetting> asb;
        private final SplittableRandom asbRandom = rng(9);
        private final Map<String, Integer> asbUsed = new HashMap<>();
        final Set<Integer> asbApproved = new TreeSet<>();
        final List<DemoExtras.Pick> picks = new ArrayList<>();

        Simulation(List<Draft> drafts, List<DemoPlan.RecordCapacity> capacity, Map<String, Double> popularity,
                   SplittableRandom r, Map<String, DemoExtras.AsbSetting> asb) {
            this.asb = asb;
            this.drafts = drafts;
            this.limited = capacity != null;
            this.popularity = popularity;
            this.r = r;
            if (capacity != null) {
                for (DemoPlan.RecordCapacity c : capacity) {
                    decided.computeIfAbsent(c.year(), y -> new int[municipalities.size()][])[indexOf.get(c.municipalityNumber())] =
                            new int[]{c.persons(), c.unaccompaniedMinors()};
                }
            }
            for (Draft d : drafts) {
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
                List<Draft> pool = new ArrayList<>();
                for (Draft d : drafts) {
                    Instant e = eligible.get(d.index);
                    if (e != null && !e.isAfter(round)) {
                        pool.add(d);
                    }
                }
                pool.sort(Comparator.comparingInt((Draft d) -> d.minor() ? 0 : d.children() ? 1 : 2)
                        .thenComparing(d -> d.permitDate).thenComparingInt(d -> d.index));
                Map<String, List<Integer>> lists = new TreeMap<>();
                forced(roundsAgo).ifPresent(f -> {
                    int per = size >= 1000 && (f == Forced.DUE_SOON) ? 2 : 1;
                    // Small households first, so the places kept free cover as many examples as possible.
                    List<Draft> smallFirst = new ArrayList<>(pool);
                    smallFirst.sort(Comparator.comparingInt(Draft::size));
                    for (String m : demoMunicipalities) {
                        for (int k = 0; k < per; k++) {
                            Outcome o = forcedOutcome(f, round);
                            for (Draft d : List.copyOf(smallFirst)) {
                                if (propose(d, round, m, o, lists, true)) {
                                    picks.add(new DemoExtras.Pick(d.index, m, f.name(), round, o.answerAt()));
                                    pool.remove(d);
                                    smallFirst.remove(d);
                                    break;
                                }
                            }
                        }
                    }
                });
                for (Draft d : pool) {
                    if (d.selfSettlement != null && limited && selfSettle(d, round)) {
                        continue;
                    }
                    Outcome o = outcome(d, round);
                    String m = choose(d, round, o);
                    if (m != null) {
                        propose(d, round, m, o, lists, false);
                    }
                }
                lists.forEach((m, households) -> events.add(new Sequenced(new DemoPlan.SendList(round, m, List.copyOf(households)), 3, 0)));
            }
        }

        /**
         * Agreed self-settlement: the household registered its dwelling before the round, the municipality
         * checked and forwarded it, and the agency approves it within a few working days, if the municipality
         * has room within its number and its ASB cap. Tried once per household.
         */
        private boolean selfSettle(Draft d, Instant round) {
            String m = d.selfSettlement;
            d.selfSettlement = null;
            SplittableRandom a = asbRandom;
            LocalDate roundDate = LocalDate.ofInstant(round, TimeConfig.OSLO);
            LocalDate leaseStart = clampYear(roundDate.plusDays(10 + a.nextInt(20)), roundDate);
            Instant approveAt = DemoExtras.workingDaysAfter(round, 1 + a.nextInt(4));
            Instant registerAt = max(round.minus(Duration.ofDays(12 + a.nextInt(6))), d.importAt.plus(Duration.ofHours(3)));
            if (!approveAt.isBefore(now.minus(Duration.ofHours(1))) || !registerAt.isBefore(approveAt.minus(Duration.ofDays(2)))
                    || !leaseStart.isAfter(LocalDate.ofInstant(approveAt, TimeConfig.OSLO))) {
                return false;
            }
            int year = leaseStart.getYear();
            int index = indexOf.get(m);
            int[][] forYear = decided.get(year);
            if (forYear == null || forYear[index] == null || !room(index, year, d, false)) {
                return false;
            }
            int cap = forYear[index][0] * asb.get(m).capPercent() / 100;
            String key = year + ":" + m;
            if (asbUsed.getOrDefault(key, 0) + d.size() > cap) {
                return false;
            }
            asbUsed.merge(key, d.size(), Integer::sum);
            int[] used = reserved.computeIfAbsent(year, y -> new int[municipalities.size()][2])[index];
            used[0] += d.size();
            eligible.remove(d.index);
            asbApproved.add(d.index);
            placedByYear.merge(year, d.size(), Integer::sum);
            DemoExtras.AsbSetting s = asb.get(m);
            int rooms = Math.max(1, Math.min(5, (d.size() + 1) / 2));
            Instant forwardAt = registerAt.plus(Duration.between(registerAt, approveAt).dividedBy(2));
            events.add(new Sequenced(new DemoPlan.RegisterSelfSettlement(registerAt, d.index, m,
                    pick(a, List.of("Storgata", "Kirkeveien", "Parkveien", "Bjørkeveien", "Solbakken")) + " " + (1 + a.nextInt(60))
                            + ", " + byNumber.get(m).name(),
                    pick(a, List.of("Kari Eksempelsen", "Demo Eiendom AS", "Per Demosen", "Fiktiv Utleie AS")), null,
                    leaseStart,
                    s.rentLimit() - 500 * (1 + a.nextInt(6)), rooms, a.nextDouble() < 0.2), 9, 0));
            events.add(new Sequenced(new DemoPlan.StartSelfSettlementCheck(registerAt.plus(Duration.ofHours(20)), d.index), 9, 0));
            events.add(new Sequenced(new DemoPlan.ForwardSelfSettlement(forwardAt, d.index,
                    LocalDate.ofInstant(forwardAt, TimeConfig.OSLO).minusDays(1)), 9, 0));
            events.add(new Sequenced(new DemoPlan.ApproveSelfSettlement(approveAt, d.index), 9, 0));
            Instant settleAt = at(leaseStart.plusDays(a.nextInt(4)), LocalTime.of(10, 0));
            if (settleAt.isBefore(now)) {
                events.add(new Sequenced(new DemoPlan.RegisterSettlement(settleAt, d.index, leaseStart), 6, 0));
            }
            return true;
        }

        private Optional<Forced> forced(int roundsAgo) {
            return switch (roundsAgo) {
                case 0 -> Optional.of(Forced.DUE_SOON);
                case 1 -> Optional.of(Forced.OVERDUE);
                case 2 -> Optional.of(Forced.ACCEPTED_FUTURE);
                case 3 -> size >= 1000 ? Optional.of(Forced.ACCEPTED_UNREGISTERED) : Optional.empty();
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

        private Outcome forcedOutcome(Forced f, Instant round) {
            LocalDate roundDate = LocalDate.ofInstant(round, TimeConfig.OSLO);
            Instant answerAt = at(roundDate.plusDays(1 + r.nextInt(3)), LocalTime.of(9, 0).plusMinutes(r.nextInt(360)));
            return switch (f) {
                case DUE_SOON, OVERDUE -> new Outcome(Kind.PENDING, null, null, null, null, null, null);
                case ACCEPTED_FUTURE -> {
                    LocalDate planned = clampYear(today.plusDays(3 + r.nextInt(19)), roundDate);
                    yield new Outcome(Kind.ACCEPT, answerAt, max(planned, LocalDate.ofInstant(answerAt, TimeConfig.OSLO)),
                            null, null, null, null);
                }
                case ACCEPTED_UNREGISTERED -> new Outcome(Kind.ACCEPT, answerAt,
                        clampYear(LocalDate.ofInstant(answerAt, TimeConfig.OSLO).plusDays(7), roundDate), null, null, null, null);
            };
        }

        private Outcome outcome(Draft d, Instant round) {
            LocalDate roundDate = LocalDate.ofInstant(round, TimeConfig.OSLO);
            int days = r.nextDouble() < 0.08 ? 10 + r.nextInt(7) : 1 + (int) (Math.pow(r.nextDouble(), 1.5) * 9);
            Instant answerAt = at(roundDate.plusDays(days), LocalTime.of(8, 30).plusMinutes(r.nextInt(450)));
            if (!answerAt.isBefore(now)) {
                return new Outcome(Kind.PENDING, null, null, null, null, null, null);
            }
            LocalDate answerDate = LocalDate.ofInstant(answerAt, TimeConfig.OSLO);
            double rejectP = d.size() >= LARGE_HOUSEHOLD ? 0.3 : d.adaptation ? 0.2 : 0.08;
            if (r.nextDouble() < rejectP) {
                RejectionReason code = d.size() >= 5 && r.nextDouble() < 0.6 ? RejectionReason.NO_SUITABLE_DWELLING
                        : pick(r, RejectionReason.values(), new double[]{30, 15, 15, 15, 15, 10});
                return new Outcome(Kind.REJECT, answerAt, null, null, null, code, pick(r, DemoCatalogue.REJECTION_TEXTS.get(code)));
            }
            LocalDate planned = clampYear(answerDate.plusDays(7 + r.nextInt(22)), answerDate);
            if (!answerAt.isAfter(now.minus(Duration.ofDays(7))) && ++acceptedCount % declineEvery == declineEvery / 2) {
                Instant declineAt = at(answerDate.plusDays(2 + r.nextInt(4)), LocalTime.of(13, 0));
                return new Outcome(Kind.ACCEPT, answerAt, planned, null, declineAt.isBefore(now) ? declineAt : null, null, null);
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
            return new Outcome(Kind.ACCEPT, answerAt, planned, registerAt, null, null, null);
        }

        /** No place beyond the year with decisions: a planned date next year is moved to 31 December. */
        private LocalDate clampYear(LocalDate planned, LocalDate from) {
            LocalDate lastDay = LocalDate.of(today.getYear(), 12, 31);
            return planned.isAfter(lastDay) ? max(lastDay, from) : planned;
        }

        private String choose(Draft d, Instant round, Outcome o) {
            int year = o.year(LocalDate.ofInstant(round, TimeConfig.OSLO));
            Set<String> already = proposedTo.getOrDefault(d.index, Set.of());
            List<String> candidates = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int i = 0; i < municipalities.size(); i++) {
                Municipality m = municipalities.get(i);
                if (already.contains(m.number()) || !room(i, year, d, false)) {
                    continue;
                }
                candidates.add(m.number());
                // Weighing by what is left keeps the municipalities filling at an even pace (jevn bosetting).
                double base = limited ? decided.get(year)[i][0] - reserved.get(year)[i][0] : weight(m);
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
         * Whether the municipality can take the household. Outside the forced picks the demo municipalities
         * keep some places free, so their work lists can show new proposals at the end of the year.
         */
        private boolean room(int index, int year, Draft d, boolean forced) {
            Municipality m = municipalities.get(index);
            if (d.size() >= LARGE_HOUSEHOLD && m.population() < LARGE_HOUSEHOLD_MIN_POPULATION) {
                return false;
            }
            if (!limited) {
                return !d.minor() || m.population() >= 20_000;
            }
            int[][] forYear = decided.get(year);
            int[] dec = forYear == null ? null : forYear[index];
            if (dec == null) {
                return false;
            }
            int[] used = reserved.computeIfAbsent(year, y -> new int[municipalities.size()][2])[index];
            int headroom = forced || !demoMunicipalities.contains(m.number()) ? 0 : Math.min(Math.max(20, dec[0] / 6), dec[0] / 2);
            return used[0] + d.size() <= dec[0] - headroom && (!d.minor() || used[1] + 1 <= dec[1]);
        }

        private boolean propose(Draft d, Instant round, String m, Outcome o, Map<String, List<Integer>> lists, boolean forced) {
            int year = o.year(LocalDate.ofInstant(round, TimeConfig.OSLO));
            if (proposedTo.getOrDefault(d.index, Set.of()).contains(m) || !room(indexOf.get(m), year, d, forced)) {
                return false;
            }
            lists.computeIfAbsent(m, k -> new ArrayList<>()).add(d.index);
            proposedTo.computeIfAbsent(d.index, k -> new HashSet<>()).add(m);
            if (o.kind() == Kind.REJECT) {
                events.add(new Sequenced(new DemoPlan.Reject(o.answerAt(), d.index, m, o.code(), o.text()), 4, 0));
                eligible.put(d.index, o.answerAt().plus(Duration.ofDays(3 + r.nextInt(8))));
                return true;
            }
            eligible.remove(d.index);
            int[] used = reserved.computeIfAbsent(year, y -> new int[municipalities.size()][2])[indexOf.get(m)];
            used[0] += d.size();
            used[1] += d.minor() ? 1 : 0;
            if (o.kind() == Kind.ACCEPT) {
                events.add(new Sequenced(new DemoPlan.Accept(o.answerAt(), d.index, m, o.planned()), 5, 0));
                if (!forced && o.declineAt() == null && o.registerAt() == null) {
                    // Still offered at the end of the year: a candidate for a reconsideration in the demo.
                    picks.add(new DemoExtras.Pick(d.index, m, "ACCEPTED", round, o.answerAt()));
                }
                if (o.declineAt() != null) {
                    events.add(new Sequenced(new DemoPlan.DeclineOffer(o.declineAt(), d.index,
                            "Husstanden takket nei til tilbudet og vil bosette seg på egen hånd; informert om at retten til introduksjonsprogram faller bort."),
                            7, 0));
                } else {
                    placedByYear.merge(o.planned().getYear(), d.size(), Integer::sum);
                    if (o.registerAt() != null) {
                        events.add(new Sequenced(new DemoPlan.RegisterSettlement(o.registerAt(), d.index, o.planned()), 6, 0));
                    }
                }
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, TimeConfig.OSLO).toInstant();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static <T> T pick(SplittableRandom r, T[] values, double[] weights) {
        return values[pickIndex(r, weights)];
    }

    private static int pickIndex(SplittableRandom r, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("No positive weight");
    }
}
