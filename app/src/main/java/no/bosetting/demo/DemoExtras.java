package no.bosetting.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import no.bosetting.applications.ApplicationForm;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitType;
import no.bosetting.demo.DemoPlan.Event;
import no.bosetting.demo.DemoPlan.Household;
import no.bosetting.municipalities.Municipality;
import no.bosetting.reconsideration.ReconsiderationGround;
import no.bosetting.reconsideration.RequesterKind;
import no.bosetting.selfsettlement.RefusalReason;
import no.bosetting.shared.TimeConfig;

/**
 * Plans the demo's use of the newer modules on top of the replayed year: agreed self-settlement
 * (settings, requests in every state, opt-in windows, municipality-initiated self-settlement),
 * applications from private residents, message threads and reconsiderations. Pure like
 * {@link DemoPlanner}: it reads the households and the year's events and only picks moments at which
 * the real commands accept the step (a request before the household is offered, a message while the
 * municipality is involved, a reconsideration on an offered decision).
 */
final class DemoExtras {

    /** A municipality that accepts ASB, with the setting it saves. */
    record AsbSetting(String municipalityNumber, String rulesText, int rentLimit, int capPercent) {
    }

    /** A forced pick of the last rounds for a demo municipality; {@code answerAt} null while pending. */
    record Pick(int household, String municipalityNumber, String kind, Instant round, Instant answerAt) {
    }

    /** The municipalities with demo logins that accept ASB (the rest of the logins show the other side). */
    static final List<String> DEMO_ASB = List.of("0301", "4601", "3205", "1804");
    private static final int ASB_MUNICIPALITIES = 18;

    private static final String[] STREETS = {"Storgata", "Kirkeveien", "Skolegata", "Parkveien", "Bjørkeveien", "Fjordgata",
            "Løkkeveien", "Solbakken", "Granveien", "Nordre gate", "Sjøgata", "Eksempelveien"};
    private static final String[] LANDLORDS = {"Kari Eksempelsen", "Ola Prøvesen", "Demo Eiendom AS", "Fiktiv Utleie AS",
            "Anne Testdal", "Per Demosen", "Eksempel Boligutleie AS", "Ingrid Prøvelien"};

    private final SplittableRandom r;
    private final Instant now;
    private final LocalDate today;
    private final List<Household> households;
    private final Map<String, Municipality> byNumber;
    private final Map<String, AsbSetting> asb;
    private final Set<Integer> asbApproved;
    private final List<Pick> picks;
    private final int size;
    private final List<Event> out = new ArrayList<>();
    private final Set<Integer> used = new HashSet<>();

    private final Map<Integer, Instant> importAt = new HashMap<>();
    private final Map<Integer, Instant> interviewAt = new HashMap<>();
    private final Map<Integer, Instant> firstProposal = new HashMap<>();
    private final Map<Integer, Instant> firstAccept = new HashMap<>();
    private final Map<Integer, Instant> end = new HashMap<>();

    DemoExtras(SplittableRandom r, Instant now, List<Household> households, List<Event> events, Map<String, Municipality> byNumber,
               Map<String, AsbSetting> asb, Set<Integer> asbApproved, List<Pick> picks) {
        this.r = r;
        this.now = now;
        this.today = LocalDate.ofInstant(now, TimeConfig.OSLO);
        this.households = households;
        this.byNumber = byNumber;
        this.asb = asb;
        this.asbApproved = asbApproved;
        this.picks = picks;
        this.size = households.size();
        for (Event e : events) {
            if (e instanceof DemoPlan.ImportPermit i) {
                importAt.put(i.household(), i.at());
            } else if (e instanceof DemoPlan.HoldInterview i) {
                interviewAt.put(i.household(), i.at());
            } else if (e instanceof DemoPlan.SendList l) {
                l.households().forEach(h -> firstProposal.merge(h, l.at(), DemoExtras::earlier));
            } else if (e instanceof DemoPlan.Accept a) {
                firstAccept.merge(a.household(), a.at(), DemoExtras::earlier);
            } else if (e instanceof DemoPlan.RegisterSettlement s) {
                end.merge(s.household(), s.at(), DemoExtras::earlier);
            } else if (e instanceof DemoPlan.DeclineOffer d) {
                end.merge(d.household(), d.at(), DemoExtras::earlier);
            } else if (e instanceof DemoPlan.CloseCase c) {
                end.merge(c.household(), c.at(), DemoExtras::earlier);
            }
        }
        used.addAll(asbApproved);
        picks.forEach(p -> used.add(p.household()));
    }

    /**
     * Picks the municipalities that accept ASB: the four demo municipalities that do and others with a
     * decision this year, about one in twenty, with rules, a rent limit and a cap of 25-50 %.
     */
    static Map<String, AsbSetting> settings(List<String> deciding, Map<String, Municipality> byNumber, SplittableRandom r) {
        Map<String, AsbSetting> result = new TreeMap<>();
        List<String> candidates = new ArrayList<>(deciding.stream().sorted().toList());
        candidates.removeAll(DemoCatalogue.demoMunicipalities());
        List<String> chosen = new ArrayList<>(DEMO_ASB);
        while (chosen.size() < ASB_MUNICIPALITIES && !candidates.isEmpty()) {
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
            result.put(m, new AsbSetting(m, rules, rent, cap));
        }
        return result;
    }

    List<Event> build(Instant settingsAt) {
        settingEvents(settingsAt);
        historicRequests();
        openRequests();
        optInWindows();
        List<Pick> accepted = picks.stream().filter(p -> p.answerAt() != null).toList();
        municipalityInitiated(accepted);
        reconsiderations(accepted);
        applications();
        messages();
        return out;
    }

    // ---------------------------------------------------------------- ASB

    private void settingEvents(Instant at) {
        for (AsbSetting s : asb.values()) {
            out.add(new DemoPlan.SaveSelfSettlementSetting(at, s.municipalityNumber(), true, s.rulesText(), s.rentLimit(), s.capPercent()));
        }
        // Tromsø has looked at it and said no for now, and Bergen raised its cap in the spring: both show a history.
        out.add(new DemoPlan.SaveSelfSettlementSetting(at, "5501", false,
                "Tromsø kommune tar ikke imot avtalt selvbosetting i år på grunn av stort press i boligmarkedet.", null, 25));
        AsbSetting bergen = asb.get("4601");
        Instant later = at.plus(Duration.ofDays(120));
        if (bergen != null && later.isBefore(now)) {
            out.add(new DemoPlan.SaveSelfSettlementSetting(later, "4601", true, bergen.rulesText(), bergen.rentLimit(),
                    Math.min(50, bergen.capPercent() + 10)));
        }
    }

    /** Requests from the past year that ended: refused (most), withdrawn, or the dwelling lost. */
    private void historicRequests() {
        int wanted = Math.max(10, (int) Math.round(70 * size / 3000.0));
        List<Integer> order = shuffled();
        int made = 0;
        for (int i : order) {
            if (made >= wanted) {
                break;
            }
            Household h = households.get(i);
            if (!asbEligible(h) || used.contains(i) || !interviewAt.containsKey(i)) {
                continue;
            }
            Instant reg = at(LocalDate.ofInstant(interviewAt.get(i), TimeConfig.OSLO).plusDays(1 + r.nextInt(6)), 9 + r.nextInt(7));
            Instant limit = min(min(firstAccept.get(i), end.get(i)), now.minus(Duration.ofDays(14)));
            if (!reg.isBefore(limit.minus(Duration.ofDays(12))) || !reg.isAfter(importAt.get(i))) {
                continue;
            }
            String m = asbMunicipality(h, false);
            LocalDate regDay = LocalDate.ofInstant(reg, TimeConfig.OSLO);
            // The first four are a withdrawal, a lost dwelling and refusals by the agency and by the municipality, so
            // every end state is in the demo whatever date the replay ends on (by chance alone a small demo missed one
            // about a third of the time).
            double outcome = made == 0 ? 0.05 : made == 1 ? 0.15 : r.nextDouble();
            RefusalReason reason = pick(RefusalReason.values(), new double[]{38, 27, 13, 10, 6, 6});
            reason = made == 2 ? RefusalReason.ALREADY_ALLOCATED : made == 3 ? RefusalReason.LEASE_REQUIREMENTS : reason;
            boolean overRent = reason == RefusalReason.LEASE_REQUIREMENTS && r.nextBoolean();
            out.add(register(reg, i, m, regDay, overRent, made % 5 == 4));
            used.add(i);
            made++;
            if (outcome < 0.1) {
                out.add(new DemoPlan.WithdrawSelfSettlement(reg.plus(Duration.ofDays(2 + r.nextInt(8))), i));
                continue;
            }
            if (outcome < 0.2) {
                out.add(new DemoPlan.StartSelfSettlementCheck(reg.plus(Duration.ofDays(1)), i));
                out.add(new DemoPlan.SelfSettlementDwellingLost(reg.plus(Duration.ofDays(3 + r.nextInt(7))), i,
                        pick(List.of("Utleieren har leid ut boligen til en annen.", "Utleieren har trukket tilbudet om leiekontrakt.",
                                "Boligen ble solgt før kontrakten ble signert."))));
                continue;
            }
            boolean byAgency = reason == RefusalReason.ALREADY_ALLOCATED || reason == RefusalReason.NO_PERMIT
                    || reason == RefusalReason.MUNICIPALITY_FULL;
            Instant check = reg.plus(Duration.ofDays(1 + r.nextInt(3)));
            if (byAgency) {
                Instant forward = check.plus(Duration.ofHours(4 + r.nextInt(48)));
                out.add(new DemoPlan.StartSelfSettlementCheck(check, i));
                out.add(new DemoPlan.ForwardSelfSettlement(forward, i, LocalDate.ofInstant(forward, TimeConfig.OSLO).minusDays(1)));
                out.add(new DemoPlan.RefuseSelfSettlement(workingDaysAfter(forward, 1 + r.nextInt(5)), i, true, reason,
                        refusalText(reason)));
            } else {
                out.add(new DemoPlan.StartSelfSettlementCheck(check, i));
                out.add(new DemoPlan.RefuseSelfSettlement(check.plus(Duration.ofDays(1 + r.nextInt(5))), i, false, reason,
                        overRent ? "Husleien er over kommunens grense for avtalt selvbosetting." : refusalText(reason)));
            }
        }
    }

    /** Requests open now, mostly in the demo municipalities: new, under check, and waiting for the agency. */
    private void openRequests() {
        int scale = size >= 1000 ? 2 : 1;
        int[] wanted = {2 * scale, 2 * scale, 3 * scale};
        int made = 0;
        for (int i : shuffled()) {
            int stage = made < wanted[0] ? 0 : made < wanted[0] + wanted[1] ? 1 : made < wanted[0] + wanted[1] + wanted[2] ? 2 : -1;
            if (stage < 0) {
                break;
            }
            Household h = households.get(i);
            if (!asbEligible(h) || used.contains(i) || !interviewAt.containsKey(i) || firstProposal.containsKey(i) || end.containsKey(i)) {
                continue;
            }
            Instant reg = switch (stage) {
                case 0 -> now.minus(Duration.ofHours(20 + r.nextInt(72)));
                case 1 -> now.minus(Duration.ofDays(5 + r.nextInt(7)));
                default -> now.minus(Duration.ofDays(9 + r.nextInt(10)));
            };
            if (!reg.isAfter(interviewAt.get(i))) {
                continue;
            }
            String m = asbMunicipality(h, true);
            out.add(register(reg, i, m, LocalDate.ofInstant(reg, TimeConfig.OSLO), false, made % 3 == 1));
            used.add(i);
            if (stage >= 1) {
                out.add(new DemoPlan.StartSelfSettlementCheck(reg.plus(Duration.ofDays(1)), i));
            }
            if (stage == 2) {
                // Forwarded one to six working days ago: some within the three-day target, some past it.
                int daysAgo = 1 + (made - wanted[0] - wanted[1]) * 5 / Math.max(1, wanted[2] - 1);
                Instant forward = workingDaysBefore(now, Math.min(6, daysAgo));
                if (!forward.isAfter(reg.plus(Duration.ofDays(1)))) {
                    forward = reg.plus(Duration.ofDays(2));
                }
                out.add(new DemoPlan.ForwardSelfSettlement(forward, i, LocalDate.ofInstant(forward, TimeConfig.OSLO).minusDays(1)));
            }
            made++;
        }
    }

    /** Households with a recent permit that chose to find a dwelling themselves; their windows are open now. */
    private void optInWindows() {
        int wanted = size >= 1000 ? 4 : 2;
        int made = 0;
        for (int i = households.size() - 1; i >= 0 && made < wanted; i--) {
            Household h = households.get(i);
            Instant imported = importAt.get(i);
            if (!asbEligible(h) || used.contains(i) || imported == null || firstProposal.containsKey(i) || end.containsKey(i)
                    || h.permitDate().isBefore(today.minusDays(8))) {
                continue;
            }
            Instant optIn = imported.plus(Duration.ofHours(2 + r.nextInt(20)));
            if (!optIn.isBefore(now)) {
                continue;
            }
            out.add(new DemoPlan.OptInSelfSettlement(optIn, i));
            used.add(i);
            made++;
        }
    }

    private void municipalityInitiated(List<Pick> accepted) {
        int made = 0;
        // Households accepted but not yet registered first; a small demo has few accepted picks, so only one then.
        int wanted = 3;
        for (Pick p : ordered(accepted, "ACCEPTED_UNREGISTERED", "ACCEPTED")) {
            if (made >= wanted || used.contains(-p.household() - 1)) {
                continue;
            }
            Instant at = p.answerAt().plus(Duration.ofHours(20));
            if (at.isBefore(now)) {
                out.add(new DemoPlan.MarkMunicipalityInitiated(at, p.household(), p.municipalityNumber()));
                used.add(-p.household() - 1);
                made++;
            }
        }
    }

    private DemoPlan.RegisterSelfSettlement register(Instant at, int household, String m, LocalDate day, boolean overRent,
                                                      boolean byMunicipality) {
        Household h = households.get(household);
        AsbSetting s = asb.get(m);
        int rooms = Math.max(1, Math.min(5, (h.size() + 1) / 2 + r.nextInt(2)));
        int rent = overRent ? s.rentLimit() + 1_000 + 500 * r.nextInt(6) : s.rentLimit() - 500 * (1 + r.nextInt(8));
        String landlord = pick(List.of(LANDLORDS));
        String email = r.nextDouble() < 0.7 ? landlord.toLowerCase().replace(' ', '.').replace("ø", "o").replace("å", "a")
                .replace("æ", "ae") + "@example.no" : null;
        String address = pick(List.of(STREETS)) + " " + (1 + r.nextInt(80)) + (r.nextBoolean() ? " B" : "") + ", "
                + byNumber.get(m).name();
        return new DemoPlan.RegisterSelfSettlement(at, household, m, address, landlord, email,
                day.plusDays(12 + r.nextInt(30)), rent, rooms, byMunicipality);
    }

    private String asbMunicipality(Household h, boolean demoOnly) {
        if (demoOnly || r.nextDouble() < 0.45) {
            return DEMO_ASB.get(r.nextInt(DEMO_ASB.size()));
        }
        if (h.municipalityNumber() != null && asb.containsKey(h.municipalityNumber())) {
            return h.municipalityNumber();
        }
        List<String> all = new ArrayList<>(asb.keySet());
        return all.get(pickIndex(r, all.stream().mapToDouble(m -> Math.sqrt(byNumber.get(m).population())).toArray()));
    }

    private static boolean asbEligible(Household h) {
        return !h.unaccompaniedMinor() && h.permitType() != PermitType.RESETTLEMENT;
    }

    private static String refusalText(RefusalReason reason) {
        return switch (reason) {
            case ALREADY_ALLOCATED -> "Husstanden er allerede foreslått for bosetting i en annen kommune, som har sagt ja.";
            case LEASE_REQUIREMENTS -> "Leiekontrakten er ikke tidsbestemt på minst tre år og krever forskuddsbetalt leie.";
            case NO_PERMIT -> "Vedtaket om oppholdstillatelse gjelder ikke hele husstanden ennå; ny forespørsel kan sendes når alle har tillatelse.";
            case CONCENTRATION -> "Kommunen ønsker ikke flere bosatte i dette boligområdet for å unngå opphopning av levekårsutfordringer.";
            case MUNICIPALITY_FULL -> "Kommunens vedtak for året er brukt opp, og ingen nabokommune som tar imot avtalt selvbosetting har plass.";
            case OTHER -> "Boligen er en hybel i utleiers bolig og ikke en selvstendig boenhet.";
        };
    }

    // ---------------------------------------------------------------- reconsideration

    private void reconsiderations(List<Pick> accepted) {
        String[][] texts = {
                {"REFUGEE", "WORK_OR_HOUSING_ELSEWHERE", "Husstanden har fått fast jobb og tilbud om leilighet i en annen kommune og ber om at vedtaket omgjøres."},
                {"MUNICIPALITY", "UNREASONABLE_TIME", "Kommunen kan ikke skaffe egnet bolig før om fire måneder; ventetiden blir urimelig lang for familien."},
                {"AGENCY", "LATE_ESSENTIAL_FACTS", "Det er kommet fram at et barn har alvorlig hørselshemming og trenger et tilbud kommunen ikke har."},
                {"REFUGEE", "NEGATIVE_SOCIAL_CONTROL_OR_FORCED_MARRIAGE", "Kvinnen i husstanden har slekt i kommunen som hun frykter negativ sosial kontroll fra."},
        };
        int made = 0;
        for (Pick p : ordered(accepted, "ACCEPTED_FUTURE", "ACCEPTED")) {
            if (made >= texts.length || used.contains(-p.household() - 1)) {
                continue;
            }
            Instant request = p.answerAt().plus(Duration.ofDays(2));
            Instant inform = request.plus(Duration.ofHours(26));
            Instant decide = inform.plus(Duration.ofDays(2));
            int state = made;
            if ((state >= 2 ? decide : state == 1 ? inform : request).isAfter(now.minus(Duration.ofHours(1)))) {
                continue;
            }
            String[] t = texts[made];
            RequesterKind kind = RequesterKind.valueOf(t[0]);
            out.add(new DemoPlan.RequestReconsideration(request, p.household(), kind, null, ReconsiderationGround.valueOf(t[1]), t[2]));
            if (state >= 1) {
                out.add(new DemoPlan.InformAboutReconsideration(inform, p.household(),
                        "Vi ber kommunen holde av boligen til saken er avgjort."));
            }
            if (state == 2) {
                out.add(new DemoPlan.DecideReconsideration(decide, p.household(), false,
                        "Kommunen kan tilby midlertidig bolig med tilpasning fra planlagt dato; vilkårene for omgjøring er ikke oppfylt.", null));
            } else if (state == 3) {
                out.add(new DemoPlan.DecideReconsideration(decide, p.household(), true,
                        "Dokumentert risiko for negativ sosial kontroll i kommunen; husstanden bør bosettes et annet sted.",
                        "Foreslå husstanden for en kommune i en annen landsdel."));
            }
            used.add(-p.household() - 1);
            made++;
        }
    }

    // ---------------------------------------------------------------- applications

    private void applications() {
        int wanted = Math.max(8, (int) Math.round(60 * size / 3000.0));
        int wantedWaiting = Math.max(2, wanted / 6);
        int waitingMade = 0;
        int handled = 0;
        int made = 0;
        // Households still open now first, so some applications can be waiting in the agency's queue.
        List<Integer> order = new ArrayList<>(shuffled());
        order.sort(java.util.Comparator.comparingInt(i -> firstAccept.containsKey(i) || end.containsKey(i) ? 1 : 0));
        for (int i : order) {
            if (made >= wanted) {
                break;
            }
            Household h = households.get(i);
            Instant imported = importAt.get(i);
            if (h.livingSituation() != LivingSituation.PRIVATE || used.contains(i) || imported == null) {
                continue;
            }
            double kind = r.nextDouble();
            Instant submit;
            boolean late = false;
            boolean beforePermit = false;
            boolean waiting = false;
            if (waitingMade < wantedWaiting && !firstAccept.containsKey(i) && !end.containsKey(i)) {
                // Sent in the last fortnight and not handled yet: the agency's queue has work now.
                submit = max(now.minus(Duration.ofHours(6 + r.nextInt(14 * 24))), imported.plus(Duration.ofHours(3)));
                waiting = true;
            } else if (kind < 0.16) {
                submit = at(h.permitDate().minusDays(3 + r.nextInt(20)), 9 + r.nextInt(10));
                beforePermit = true;
            } else if (kind < 0.28) {
                submit = at(h.permitDate().plusMonths(6).plusDays(3 + r.nextInt(35)), 9 + r.nextInt(10));
                late = true;
            } else {
                submit = imported.plus(Duration.ofDays(2 + r.nextInt(40))).plus(Duration.ofHours(r.nextInt(8)));
            }
            // Sent well before the household is offered or its case ends, so it can be handled while the case is open.
            Instant open = firstAccept.containsKey(i) || end.containsKey(i) ? min(firstAccept.get(i), end.get(i))
                    : now.plus(Duration.ofDays(365));
            if (!submit.isBefore(now.minus(Duration.ofHours(2))) || !submit.isBefore(open.minus(Duration.ofDays(25)))) {
                continue;
            }
            used.add(i);
            made++;
            out.add(new DemoPlan.SendApplication(submit, i, form(h, beforePermit, LocalDate.ofInstant(submit, TimeConfig.OSLO))));
            if (waiting) {
                waitingMade++;
                continue;
            }
            Instant handle = submit.plus(Duration.ofDays(4 + r.nextInt(18))).plus(Duration.ofHours(r.nextInt(6)));
            if (!handle.isAfter(imported.plus(Duration.ofHours(1)))) {
                handle = imported.plus(Duration.ofDays(1));
            }
            if (handle.isAfter(now.minus(Duration.ofHours(6))) || handle.isAfter(open.minus(Duration.ofDays(1)))) {
                continue;
            }
            // About three in ten refused, every other late one (the discretionary path).
            handled++;
            boolean accept = late ? handled % 2 == 0 : handled % 10 != 2 && handled % 10 != 5 && handled % 10 != 8;
            out.add(new DemoPlan.HandleApplication(handle, i, accept, accept ? null : late
                    ? "Søknaden kom etter seksmånedersfristen, og det er ikke opplyst om særlige grunner som gjør at den likevel bør behandles."
                    : pick(List.of("Husstanden har selv skaffet bolig og fast arbeid og har ikke behov for bosetting med offentlig hjelp.",
                    "Søkeren har allerede fått tilbud om bosetting og takket nei.",
                    "Husstanden bor hos familie som har sagt seg villig til å hjelpe, og har ikke særlige behov for bistand."))));
        }
    }

    private ApplicationForm form(Household h, boolean beforePermit, LocalDate sent) {
        Municipality home = byNumber.get(h.municipalityNumber());
        boolean stay = r.nextDouble() < 0.55;
        boolean ties = r.nextDouble() < 0.6;
        LocalDate told = h.permitDate().plusDays(1 + r.nextInt(3));
        String notified = !beforePermit && r.nextDouble() < 0.3 && !told.isAfter(sent) ? told.toString() : null;
        return new ApplicationForm(false, ties ? home.number() : null,
                ties ? pick(List.of("Søsteren min bor her med familien sin.", "Vi bor hos foreldrene mine, som kom i fjor.",
                        "Jeg har fått deltidsjobb på et hotell her.")) : null,
                r.nextDouble() < 0.15 ? "Bolig uten trapper; en i husstanden bruker rullator." : null,
                false, null, r.nextDouble() < 0.08 ? "En katt" : null, stay ? "true" : "false",
                stay ? pick(List.of(STREETS)) + " " + (1 + r.nextInt(60)) + ", " + home.name() : null, stay ? home.number() : null,
                notified, null, null, null, null, null, null);
    }

    // ---------------------------------------------------------------- messages

    private void messages() {
        List<String> demo = DemoCatalogue.demoMunicipalities();
        String[][] contacts = {{"Kari Demo-Nordmann", "+47 21 00 00 01"}, {"Ole Eksempelsen", "+47 55 00 00 02"},
                {"Sara Testi", "+47 77 00 00 03"}, {"Jon Prøvesen", "+47 66 00 00 04"}, {"Hilde Fiktivsen", "+47 75 00 00 05"},
                {"Anders Demodal", "+47 72 00 00 06"}, {"Marit Eksempelli", "+47 78 00 00 07"}};
        for (int k = 0; k < demo.size(); k++) {
            String m = demo.get(k);
            String name = byNumber.get(m).name();
            Instant first = at(today.minusDays(16 + r.nextInt(6)), 9 + r.nextInt(4));
            out.add(new DemoPlan.PostMessage(first, null, m, false,
                    "Hei! Takk for vedtaket om bosetting. Vi ser at " + name + " har plasser igjen for året, og sender flere forslag "
                            + "på neste fordelingsliste. Gi gjerne beskjed om dere har boliger som passer for store familier.",
                    null, null));
            out.add(new DemoPlan.PostMessage(first.plus(Duration.ofHours(22)), null, m, true,
                    "Takk! Vi har to boliger med fire soverom fra neste måned, men lite for enslige. Jeg er kontaktperson for "
                            + "bosetting fra vår side.", contacts[k][0], contacts[k][1]));
            if (k % 2 == 0) {
                out.add(new DemoPlan.PostMessage(now.minus(Duration.ofHours(30 + r.nextInt(20))), null, m, false,
                        "Påminnelse: fristen for å svare på forslagene fra forrige fordelingsliste er snart ute. Ta kontakt om dere "
                                + "trenger mer tid.", null, null));
            } else {
                out.add(new DemoPlan.PostMessage(now.minus(Duration.ofHours(30 + r.nextInt(20))), null, m, true,
                        "Vi lurer på om dere kan prioritere husstander med tilknytning til regionen på neste liste?", null, null));
            }
        }
        for (Pick p : picks) {
            if ("OVERDUE".equals(p.kind())) {
                Instant ask = p.round().plus(Duration.ofDays(2)).plus(Duration.ofHours(r.nextInt(5)));
                if (!ask.isBefore(now)) {
                    continue;
                }
                out.add(new DemoPlan.PostMessage(ask, p.household(), p.municipalityNumber(), true,
                        "Før vi svarer trenger vi å vite mer om behovet for tilrettelegging. Kan dere sjekke med mottaket om "
                                + "husstanden trenger bolig på bakkeplan?", null, null));
                Instant answer = ask.plus(Duration.ofHours(20));
                if (answer.isBefore(now) && p.household() % 2 == 0) {
                    out.add(new DemoPlan.PostMessage(answer, p.household(), p.municipalityNumber(), false,
                            "Mottaket bekrefter at det ikke er behov for bolig på bakkeplan. Vi ber om svar på forslaget så snart som mulig.",
                            "take", null));
                }
            } else if ("ACCEPTED_FUTURE".equals(p.kind()) && !used.contains(-p.household() - 1) && p.answerAt() != null) {
                Instant note = p.answerAt().plus(Duration.ofHours(3));
                if (note.isBefore(now)) {
                    out.add(new DemoPlan.PostMessage(note, p.household(), p.municipalityNumber(), true,
                            "Vi har sagt ja og har bolig klar fra planlagt dato. Kan mottaket hjelpe med å bestille transport?",
                            null, null));
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The picks of the given kinds, in that order of kinds, the most recent answer first within each. */
    private static List<Pick> ordered(List<Pick> picks, String... kinds) {
        List<Pick> result = new ArrayList<>();
        for (String kind : kinds) {
            picks.stream().filter(p -> kind.equals(p.kind())).sorted(java.util.Comparator.comparing(Pick::answerAt).reversed()
                    .thenComparingInt(Pick::household)).forEach(result::add);
        }
        return result;
    }

    private List<Integer> shuffled() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            order.add(i);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }

    private Instant min(Instant a, Instant b) {
        Instant x = a == null ? now : a;
        Instant y = b == null ? now : b;
        return x.isBefore(y) ? x : y;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Instant at(LocalDate date, int hour) {
        return ZonedDateTime.of(date, LocalTime.of(hour, r.nextInt(60)), TimeConfig.OSLO).toInstant();
    }

    static Instant workingDaysAfter(Instant from, int days) {
        ZonedDateTime t = from.atZone(TimeConfig.OSLO);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return t.toInstant();
    }

    private static Instant workingDaysBefore(Instant from, int days) {
        ZonedDateTime t = from.atZone(TimeConfig.OSLO).withHour(10).withMinute(15);
        int left = days;
        while (left > 0) {
            t = t.minusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return t.toInstant();
    }

    private <T> T pick(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private <T> T pick(T[] values, double[] weights) {
        return values[pickIndex(r, weights)];
    }

    static int pickIndex(SplittableRandom r, double[] weights) {
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
        return weights.length - 1;
    }
}
