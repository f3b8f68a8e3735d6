package no.bosetting.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import no.bosetting.cases.CloseReason;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.ResidencePeriods;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.municipalities.Municipality;
import no.bosetting.shared.Identifiers;
import no.bosetting.shared.TimeConfig;

import static no.bosetting.demo.DemoTime.at;
import static no.bosetting.demo.Draws.pick;
import static no.bosetting.demo.Draws.pickIndex;

/**
 * Plans the households: a 2023-shaped year of permits placed in the twelve months before "now", who is in each
 * household, where it lives, when its permit is imported, when it is interviewed and ready for allocation, and the
 * few cases that close before settlement or find a dwelling themselves. Pure: only the arguments and the random streams.
 */
final class HouseholdPlanner {

    private final long seed;
    private final int size;
    private final Instant now;
    private final LocalDate today;
    private final List<Municipality> municipalities;
    private final Map<String, Municipality> byNumber;
    private final List<DemoPlan.Centre> centres;

    HouseholdPlanner(long seed, PlanBasis basis, List<DemoPlan.Centre> centres) {
        this.seed = seed;
        this.size = basis.size();
        this.now = basis.now();
        this.today = basis.today();
        this.municipalities = basis.municipalities();
        this.byNumber = basis.byNumber();
        this.centres = centres;
    }

    private enum Composition { SINGLE_WOMAN, SINGLE_MAN, SINGLE_PARENT, COUPLE, COUPLE_WITH_CHILDREN, THREE_GENERATIONS, MINOR }

    List<HouseholdDraft> households(SplittableRandom r) {
        List<LocalDate> dates = permitDates(r);
        Set<String> dNumbers = new HashSet<>();
        long duf = 10_000_000L + Math.floorMod(seed, 1000L) * 10_000L;
        List<HouseholdDraft> drafts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            HouseholdDraft d = new HouseholdDraft();
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

    private void living(HouseholdDraft d, Composition c, SplittableRandom r) {
        LivingSituation[] s = {LivingSituation.RECEPTION_CENTRE, LivingSituation.EMERGENCY_ACCOMMODATION, LivingSituation.AMOT,
                LivingSituation.MAMOT, LivingSituation.PRIVATE};
        if (c == Composition.MINOR || d.permitType == PermitType.RESETTLEMENT) {
            d.living = LivingSituation.RECEPTION_CENTRE;
        } else if (d.permitType == PermitType.COLLECTIVE_PROTECTION) {
            d.living = pick(r, s, new double[]{60, 10, 7, 3, 20});
            // MAMOT existed only from 16.03.2022 to 15.02.2024 (report 000 lines 2514, 2664–2666): AMOT outside it.
            if (d.living == LivingSituation.MAMOT && (d.permitDate.isBefore(ResidencePeriods.MAMOT_FIRST)
                    || d.permitDate.isAfter(ResidencePeriods.MAMOT_LAST))) {
                d.living = LivingSituation.AMOT;
            }
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

    InterviewAnswers interview(HouseholdDraft d, SplittableRandom r) {
        DemoPlan.Person main = d.persons.get(0);
        boolean minor = d.unaccompaniedMinor();
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

    void timelines(List<HouseholdDraft> drafts, SplittableRandom r) {
        int closeEvery = Math.max(20, Math.min(67, size / 45));
        for (HouseholdDraft d : drafts) {
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
    void keepResidentsUnderMappingAtStaffedCentres(List<HouseholdDraft> drafts) {
        int wanted = size >= 1000 ? 3 : 2;
        for (int c = 0; c < DemoCatalogue.STAFFED_CENTRES; c++) {
            int centre = c;
            long have = drafts.stream().filter(d -> Integer.valueOf(centre).equals(d.centre) && d.interviewAt == null
                    && d.closeAt == null).count();
            for (int i = drafts.size() - 1; i >= 0 && have < wanted; i--) {
                HouseholdDraft d = drafts.get(i);
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
     * self-settlement); the allocation rounds approve it when the household is ready, if the municipality's
     * places within its number and its ASB cap leave room ({@link AllocationPlanner}).
     */
    void markSelfSettlers(List<HouseholdDraft> drafts, Map<String, SelfSettlementPlanner.Setting> asb, SplittableRandom r) {
        List<String> targets = new ArrayList<>(asb.keySet());
        double[] w = targets.stream().mapToDouble(m -> Math.sqrt(byNumber.get(m).population())
                * (SelfSettlementPlanner.DEMO_MUNICIPALITIES.contains(m) ? 4 : 1)).toArray();
        List<HouseholdDraft> pool = drafts.stream().filter(d -> !d.unaccompaniedMinor() && d.permitType != PermitType.RESETTLEMENT
                && d.eligibleAt != null && d.closeAt == null && d.eligibleAt.isBefore(now.minus(Duration.ofDays(10)))).toList();
        double p = pool.isEmpty() ? 0 : Math.min(1.0, Math.max(5, size / 75.0) / pool.size());
        for (HouseholdDraft d : pool) {
            if (r.nextDouble() < p && !targets.isEmpty()) {
                d.selfSettlement = d.familyMunicipality != null && asb.containsKey(d.familyMunicipality) ? d.familyMunicipality
                        : targets.get(pickIndex(r, w));
            }
        }
    }
}
