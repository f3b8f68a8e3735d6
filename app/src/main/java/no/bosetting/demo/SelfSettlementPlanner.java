package no.bosetting.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import no.bosetting.cases.PermitType;
import no.bosetting.demo.AllocationPlanner.Pick;
import no.bosetting.demo.DemoPlan.Household;
import no.bosetting.municipalities.Municipality;
import no.bosetting.selfsettlement.RefusalReason;

import static no.bosetting.demo.DemoTime.date;
import static no.bosetting.demo.DemoTime.workingDaysAfter;
import static no.bosetting.demo.DemoTime.workingDaysBefore;
import static no.bosetting.demo.Draws.pickIndex;

/**
 * Plans agreed self-settlement (ASB) around the year: the municipalities' settings, requests that ended
 * (refused, withdrawn, dwelling lost), requests open now in every state, opt-in windows and municipality-initiated
 * self-settlement. The approved requests are planned with the allocation rounds ({@link AllocationPlanner}).
 */
final class SelfSettlementPlanner {

    /** A municipality that accepts ASB, with the setting it saves. */
    record Setting(String municipalityNumber, String rulesText, int rentLimit, int capPercent) {
    }

    /** The municipalities with demo logins that accept ASB (the rest of the logins show the other side). */
    static final List<String> DEMO_MUNICIPALITIES = List.of("0301", "4601", "3205", "1804");
    private static final int MUNICIPALITIES = 18;

    private final PlannedYear year;
    private final Map<String, Setting> settings;

    SelfSettlementPlanner(PlannedYear year, Map<String, Setting> settings) {
        this.year = year;
        this.settings = settings;
    }

    /**
     * Picks the municipalities that accept ASB: the four demo municipalities that do and others with a
     * decision this year, about one in twenty, with rules, a rent limit and a cap of 25-50 %.
     */
    static Map<String, Setting> settings(List<String> deciding, Map<String, Municipality> byNumber, SplittableRandom r) {
        Map<String, Setting> result = new TreeMap<>();
        List<String> candidates = new ArrayList<>(deciding.stream().sorted().toList());
        candidates.removeAll(DemoCatalogue.demoMunicipalities());
        List<String> chosen = new ArrayList<>(DEMO_MUNICIPALITIES);
        while (chosen.size() < MUNICIPALITIES && !candidates.isEmpty()) {
            double[] w = candidates.stream().mapToDouble(m -> Math.sqrt(byNumber.get(m).population())).toArray();
            chosen.add(candidates.remove(pickIndex(r, w)));
        }
        for (String m : chosen) {
            Municipality mun = byNumber.get(m);
            int rent = switch (m) {
                case "0301" -> 17_500;
                case "4601" -> 14_500;
                case "3205" -> 14_000;
                default -> (mun.centrality() <= 2 ? 13_000 : mun.centrality() <= 4 ? 11_000 : 9_500) + 500 * r.nextInt(4);
            };
            int cap = 25 + 5 * r.nextInt(6);
            String rules = "Boligen må ligge i " + mun.name() + " kommune og være en selvstendig boenhet med eget kjøkken og bad. "
                    + "Husleien kan ikke overstige " + rent + " kr i måneden og må gi rett til bostøtte. "
                    + "Leiekontrakten skal være tidsbestemt på minst tre år etter husleieloven, uten forskuddsbetalt leie. "
                    + (r.nextBoolean() ? "Kommunen befarer boligen før vi godkjenner den. " : "Kommunen kan kreve befaring. ")
                    + "Husstanden må ikke ha fått avtale om bosetting i en annen kommune.";
            result.put(m, new Setting(m, rules, rent, cap));
        }
        return result;
    }

    /** The settings as saved at {@code at}; Tromsø says no for now and Bergen raises its cap in the spring. */
    void saveSettings(Instant at) {
        for (Setting s : settings.values()) {
            year.add(new DemoPlan.SaveSelfSettlementSetting(at, s.municipalityNumber(), true, s.rulesText(), s.rentLimit(),
                    s.capPercent()));
        }
        // Tromsø has looked at it and said no for now, and Bergen raised its cap in the spring: both show a history.
        year.add(new DemoPlan.SaveSelfSettlementSetting(at, "5501", false,
                "Tromsø kommune tar ikke imot avtalt selvbosetting i år på grunn av stort press i boligmarkedet.", null, 25));
        Setting bergen = settings.get("4601");
        Instant later = at.plus(Duration.ofDays(120));
        if (bergen != null && later.isBefore(year.now)) {
            year.add(new DemoPlan.SaveSelfSettlementSetting(later, "4601", true, bergen.rulesText(), bergen.rentLimit(),
                    Math.min(50, bergen.capPercent() + 10)));
        }
    }

    /** Requests from the past year that ended: refused (most), withdrawn, or the dwelling lost. */
    void endedRequests() {
        SplittableRandom r = year.r;
        int wanted = Math.max(10, (int) Math.round(70 * year.size() / 3000.0));
        List<Integer> order = year.shuffled();
        int made = 0;
        for (int i : order) {
            if (made >= wanted) {
                break;
            }
            Household h = year.households.get(i);
            if (!eligible(h) || year.taken(i) || !year.interviewed.containsKey(i)) {
                continue;
            }
            Instant reg = year.at(date(year.interviewed.get(i)).plusDays(1 + r.nextInt(6)), 9 + r.nextInt(7));
            Instant limit = year.earliest(year.earliest(year.firstAccepted.get(i), year.ended.get(i)),
                    year.now.minus(Duration.ofDays(14)));
            if (!reg.isBefore(limit.minus(Duration.ofDays(12))) || !reg.isAfter(year.imported.get(i))) {
                continue;
            }
            String m = municipality(h, false);
            LocalDate regDay = date(reg);
            // The first four are a withdrawal, a lost dwelling and refusals by the agency and by the municipality, so
            // every end state is in the demo whatever date the replay ends on (by chance alone a small demo missed one
            // about a third of the time).
            double outcome = made == 0 ? 0.05 : made == 1 ? 0.15 : made <= 3 ? Math.max(0.2, r.nextDouble()) : r.nextDouble();
            RefusalReason reason = year.pick(RefusalReason.values(), new double[]{38, 27, 13, 10, 6, 6});
            reason = made == 2 ? RefusalReason.ALREADY_ALLOCATED : made == 3 ? RefusalReason.LEASE_REQUIREMENTS : reason;
            boolean overRent = reason == RefusalReason.LEASE_REQUIREMENTS && r.nextBoolean();
            year.add(register(reg, i, m, regDay, overRent, made % 5 == 4));
            year.take(i);
            made++;
            if (outcome < 0.1) {
                year.add(new DemoPlan.WithdrawSelfSettlement(reg.plus(Duration.ofDays(2 + r.nextInt(8))), i));
                continue;
            }
            if (outcome < 0.2) {
                year.add(new DemoPlan.StartSelfSettlementCheck(reg.plus(Duration.ofDays(1)), i));
                year.add(new DemoPlan.SelfSettlementDwellingLost(reg.plus(Duration.ofDays(3 + r.nextInt(7))), i,
                        year.pick(List.of("Utleieren har leid ut boligen til en annen.", "Utleieren har trukket tilbudet om leiekontrakt.",
                                "Boligen ble solgt før kontrakten ble signert."))));
                continue;
            }
            boolean byAgency = reason == RefusalReason.ALREADY_ALLOCATED || reason == RefusalReason.NO_PERMIT
                    || reason == RefusalReason.MUNICIPALITY_FULL;
            Instant check = reg.plus(Duration.ofDays(1 + r.nextInt(3)));
            if (byAgency) {
                Instant forward = check.plus(Duration.ofHours(4 + r.nextInt(48)));
                year.add(new DemoPlan.StartSelfSettlementCheck(check, i));
                year.add(new DemoPlan.ForwardSelfSettlement(forward, i, date(forward).minusDays(1)));
                year.add(new DemoPlan.RefuseSelfSettlement(workingDaysAfter(forward, 1 + r.nextInt(5)), i, true, reason,
                        refusalText(reason)));
            } else {
                year.add(new DemoPlan.StartSelfSettlementCheck(check, i));
                year.add(new DemoPlan.RefuseSelfSettlement(check.plus(Duration.ofDays(1 + r.nextInt(5))), i, false, reason,
                        overRent ? "Husleien er over kommunens grense for avtalt selvbosetting." : refusalText(reason)));
            }
        }
    }

    /** Requests open now, mostly in the demo municipalities: new, under check, and waiting for the agency. */
    void openRequests() {
        SplittableRandom r = year.r;
        int scale = year.size() >= 1000 ? 2 : 1;
        int[] wanted = {2 * scale, 2 * scale, 3 * scale};
        int made = 0;
        for (int i : year.shuffled()) {
            int stage = made < wanted[0] ? 0 : made < wanted[0] + wanted[1] ? 1 : made < wanted[0] + wanted[1] + wanted[2] ? 2 : -1;
            if (stage < 0) {
                break;
            }
            Household h = year.households.get(i);
            if (!eligible(h) || year.taken(i) || !year.interviewed.containsKey(i) || year.firstProposed.containsKey(i)
                    || year.ended.containsKey(i)) {
                continue;
            }
            Instant reg = switch (stage) {
                case 0 -> year.now.minus(Duration.ofHours(20 + r.nextInt(72)));
                case 1 -> year.now.minus(Duration.ofDays(5 + r.nextInt(7)));
                default -> year.now.minus(Duration.ofDays(9 + r.nextInt(10)));
            };
            if (!reg.isAfter(year.interviewed.get(i))) {
                continue;
            }
            String m = municipality(h, true);
            year.add(register(reg, i, m, date(reg), false, made % 3 == 1));
            year.take(i);
            if (stage >= 1) {
                year.add(new DemoPlan.StartSelfSettlementCheck(reg.plus(Duration.ofDays(1)), i));
            }
            if (stage == 2) {
                // Forwarded one to six working days ago: some within the three-day target, some past it.
                int daysAgo = 1 + (made - wanted[0] - wanted[1]) * 5 / Math.max(1, wanted[2] - 1);
                Instant forward = workingDaysBefore(year.now, Math.min(6, daysAgo));
                if (!forward.isAfter(reg.plus(Duration.ofDays(1)))) {
                    forward = reg.plus(Duration.ofDays(2));
                }
                year.add(new DemoPlan.ForwardSelfSettlement(forward, i, date(forward).minusDays(1)));
            }
            made++;
        }
    }

    /** Households with a recent permit that chose to find a dwelling themselves; their windows are open now. */
    void optInWindows() {
        int wanted = year.size() >= 1000 ? 4 : 2;
        int made = 0;
        for (int i = year.households.size() - 1; i >= 0 && made < wanted; i--) {
            Household h = year.households.get(i);
            Instant imported = year.imported.get(i);
            if (!eligible(h) || year.taken(i) || imported == null || year.firstProposed.containsKey(i) || year.ended.containsKey(i)
                    || h.permitDate().isBefore(year.today.minusDays(8))) {
                continue;
            }
            // A household living privately waits for its application to be accepted before it is in mapping, so it has
            // no window to opt into yet (issue 20 item 5).
            if (h.livingSituation() == no.bosetting.cases.LivingSituation.PRIVATE) {
                continue;
            }
            Instant optIn = imported.plus(Duration.ofHours(2 + year.r.nextInt(20)));
            if (!optIn.isBefore(year.now)) {
                continue;
            }
            year.add(new DemoPlan.OptInSelfSettlement(optIn, i));
            year.take(i);
            made++;
        }
    }

    /** The municipality gives up to three accepted households about 14 days to find a dwelling themselves. */
    void municipalityInitiated(List<Pick> accepted) {
        int made = 0;
        // Households accepted but not yet registered first; a small demo has few accepted picks, so only one then.
        int wanted = 3;
        for (Pick p : Pick.ordered(accepted, Pick.Kind.ACCEPTED_UNREGISTERED, Pick.Kind.ACCEPTED)) {
            if (made >= wanted || year.offerTaken(p.household())) {
                continue;
            }
            Instant at = p.answerAt().plus(Duration.ofHours(20));
            if (at.isBefore(year.now)) {
                year.add(new DemoPlan.MarkMunicipalityInitiated(at, p.household(), p.municipalityNumber()));
                year.takeOffer(p.household());
                made++;
            }
        }
    }

    private DemoPlan.RegisterSelfSettlement register(Instant at, int household, String m, LocalDate day, boolean overRent,
                                                      boolean byMunicipality) {
        SplittableRandom r = year.r;
        Household h = year.households.get(household);
        Setting s = settings.get(m);
        int rooms = Math.max(1, Math.min(5, (h.size() + 1) / 2 + r.nextInt(2)));
        int rent = overRent ? s.rentLimit() + 1_000 + 500 * r.nextInt(6) : s.rentLimit() - 500 * (1 + r.nextInt(8));
        String landlord = year.pick(DemoCatalogue.LANDLORDS);
        String email = r.nextDouble() < 0.7 ? landlord.toLowerCase().replace(' ', '.').replace("ø", "o").replace("å", "a")
                .replace("æ", "ae") + "@example.no" : null;
        String address = year.pick(DemoCatalogue.STREETS) + " " + (1 + r.nextInt(80)) + (r.nextBoolean() ? " B" : "") + ", "
                + year.byNumber.get(m).name();
        return new DemoPlan.RegisterSelfSettlement(at, household, m, address, landlord, email,
                day.plusDays(12 + r.nextInt(30)), rent, rooms, byMunicipality);
    }

    private String municipality(Household h, boolean demoOnly) {
        SplittableRandom r = year.r;
        if (demoOnly || r.nextDouble() < 0.45) {
            return DEMO_MUNICIPALITIES.get(r.nextInt(DEMO_MUNICIPALITIES.size()));
        }
        if (h.municipalityNumber() != null && settings.containsKey(h.municipalityNumber())) {
            return h.municipalityNumber();
        }
        List<String> all = new ArrayList<>(settings.keySet());
        return all.get(pickIndex(r, all.stream().mapToDouble(m -> Math.sqrt(year.byNumber.get(m).population())).toArray()));
    }

    /** Unaccompanied minors and resettlement refugees are settled by the agency, never by agreement. */
    private static boolean eligible(Household h) {
        return !h.unaccompaniedMinor() && h.permitType() != PermitType.RESETTLEMENT;
    }

    /** The agency's or the municipality's words for a refusal of agreed self-settlement. */
    static String refusalText(RefusalReason reason) {
        return switch (reason) {
            case ALREADY_ALLOCATED -> "Husstanden er allerede foreslått for bosetting i en annen kommune, som har sagt ja.";
            case LEASE_REQUIREMENTS -> "Leiekontrakten er ikke tidsbestemt på minst tre år og krever forskuddsbetalt leie.";
            case NO_PERMIT -> "Vedtaket om oppholdstillatelse gjelder ikke hele husstanden ennå; ny forespørsel kan sendes når alle har tillatelse.";
            case CONCENTRATION -> "Kommunen ønsker ikke flere bosatte i dette boligområdet for å unngå opphopning av levekårsutfordringer.";
            case MUNICIPALITY_FULL -> "Kommunens vedtak for året er brukt opp, og ingen nabokommune som tar imot avtalt selvbosetting har plass.";
            case OTHER -> "Boligen er en hybel i utleiers bolig og ikke en selvstendig boenhet.";
            case NOT_PARTICIPATING -> "Kommunen tar ikke imot avtalt selvbosetting.";
        };
    }
}
