package no.bosetting.statistics;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import no.bosetting.access.Actor;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.statistics.web.StatisticsView;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 21: the differencing attack on the real public outputs. The test settles households through the real
 * commands (a municipality with 3 settled persons, one with a single person, a single unaccompanied minor, a
 * family of five that is one household), fetches every public table of the year without login — the open API,
 * the CSV exports and the page — and plays the attacker: every published sum between them (municipalities,
 * counties, centrality classes and the country; household types and the all-households row; waiting bands and
 * settled households; shares within 3, 6 and 12 months; households per municipality against the
 * all-households row; living situations, their series and the national totals), plus households never more
 * than persons and every withheld count at least 1 because 0 is shown. It then checks, against the agency's
 * unsuppressed exports, that no withheld count of 1–4 can be worked out exactly (linear algebra over all
 * sums) or narrowed to below 5 (interval propagation).
 */
@IntegrationTest
class DifferencingAttackTest {

    /** The mark a withheld count is published with, in every export and on the page. */
    private static final String MARK = ":";

    private static final String LUND = "1112";
    private static final String HJELMELAND = "1133";
    private static final String BJERKREIM = "1114";
    private static final String RENDALEN = "3424";
    private static final String RISOR = "4201";
    private static final String SOLUND = "4636";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    PermitImport permitImport;
    @Autowired
    Interviews interviews;
    @Autowired
    Municipalities municipalities;
    @Autowired
    StatisticsQueries statistics;
    @Autowired
    JdbcClient jdbc;

    private void settle(String municipality, long caseId, LocalDate settledOn) {
        fixtures.ready(caseId);
        accept(municipality, caseId, settledOn);
    }

    private void accept(String municipality, long caseId, LocalDate settledOn) {
        long proposal = fixtures.propose(caseId, municipality);
        Actor officer = fixtures.municipality(municipality);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(officer, proposal,
                fixtures.plannedDates(caseId, TestClock.today()), null)).value();
        fixtures.decisionsMadeOn(caseId, settledOn);
        ids.forEach(id -> decisions.registerSettlementDate(id, settledOn, null, officer).value());
    }

    private long unaccompaniedMinor(long centre, LocalDate permit) {
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(), PermitType.ASYLUM, permit,
                LivingSituation.RECEPTION_CENTRE, centre, null, List.of(new PermitImportRequest.PersonData(Fixtures.duf(), null, null,
                        "Ung", "Testesen", TestClock.today().minusYears(15), "M", "AFG", Relation.MAIN, null, null))), fixtures.caseworker());
        assertThat(outcome.ok()).isTrue();
        return outcome.caseId();
    }

    @Test
    void noWithheldCountCanBeWorkedOutFromThePublicOutputs() throws Exception {
        // A past year that only this test settles households in.
        int year = TestClock.today().getYear() - 9;
        int thisYear = TestClock.today().getYear();
        jdbc.sql("update settlement_decision set status = 'DECLINED' where status = 'SETTLED' and extract(year from settlement_date) = :y")
                .param("y", year).update();
        LocalDate permit = LocalDate.of(year, 2, 1);
        LocalDate settled = LocalDate.of(year, 2, 20);
        for (String m : List.of(LUND, HJELMELAND, BJERKREIM, RENDALEN, RISOR, SOLUND)) {
            fixtures.resetMunicipality(m);
            fixtures.decide(m, thisYear, 40, 2);
        }
        // Lund: one household of three persons. Bjerkreim: one household of five (persons 5, households 1).
        settle(LUND, fixtures.household(fixtures.centre(LUND), 2, permit), settled);
        settle(BJERKREIM, fixtures.household(fixtures.centre(BJERKREIM), 4, permit), settled);
        // Rendalen: a single person, so its settled persons would pin its "1–4" households to exactly 1.
        settle(RENDALEN, fixtures.household(fixtures.centre(RENDALEN), 0, permit), settled);
        // Hjelmeland: six single women, one of them waiting longer (a row with one small cell among the bands).
        long hjelmeland = fixtures.centre(HJELMELAND);
        for (int i = 0; i < 5; i++) {
            settle(HJELMELAND, fixtures.household(hjelmeland, 0, permit), settled);
        }
        settle(HJELMELAND, fixtures.household(hjelmeland, 0, LocalDate.of(year, 1, 1)), LocalDate.of(year, 3, 15));
        // Risør: one unaccompanied minor and five single women. Solund: seven single women.
        long risor = fixtures.centre(RISOR);
        long minor = unaccompaniedMinor(risor, permit);
        InterviewAnswers a = fixtures.answers();
        interviews.record(minor, new InterviewAnswers(a.heldOn(), a.interpreterLanguage(), a.familyInNorway(), a.familyMunicipalityNumber(),
                a.networkInNorway(), a.adaptationNeeds(), a.healthConsent(), a.healthDetails(), a.pets(), a.education(), a.workExperience(),
                a.drivingLicence(), a.hasCar(), a.languages(), "Bor på mottak for enslige mindreårige"), fixtures.caseworker()).value();
        accept(RISOR, minor, settled);
        for (int i = 0; i < 5; i++) {
            settle(RISOR, fixtures.household(risor, 0, permit), settled);
        }
        long solund = fixtures.centre(SOLUND);
        for (int i = 0; i < 7; i++) {
            settle(SOLUND, fixtures.household(solund, 0, permit), settled);
        }

        // The open API: no settled count of 1–4, this year or the test's; Lund's 3 is withheld (null).
        for (int y : List.of(year, thisYear)) {
            String json = body(get("/api/v1/statistics/municipalities").param("year", String.valueOf(y)));
            List<Object> settledCounts = JsonPath.read(json, "$[*].settled");
            assertThat(settledCounts).as("settled in %d", y).noneMatch(v -> v instanceof Number n && n.intValue() >= 1 && n.intValue() <= 4);
        }
        String json = body(get("/api/v1/statistics/municipalities").param("year", String.valueOf(year)));
        for (String m : List.of(LUND, RENDALEN, BJERKREIM)) {
            List<Object> value = JsonPath.read(json, "$[?(@.number == '" + m + "')].settled");
            assertThat(value).as("settled in %s", m).containsExactly((Object) null);
        }
        // Totals stay published: Rogaland's 3 + 5 + 6 persons.
        assertThat(export("fylker", year, false)).filteredOn(r -> r.get(0).equals("11")).singleElement()
                .satisfies(r -> assertThat(r.get(4)).isEqualTo("14"));
        String apiCsv = body(get("/api/v1/statistics/municipalities.csv").param("year", String.valueOf(year)));
        assertThat(apiCsv).contains(LUND + ",Lund,Rogaland,0,0,\r\n");

        // The page shows the same cells withheld, and the map does not colour Lund by its fill ratio.
        String page = body(get("/offentlig/statistikk").param("year", String.valueOf(year)));
        assertThat(page).contains("Lund: tallene vises ikke (regel for små tall)");
        // No withheld count slips through as its internal −1, in the page, a chart, a tooltip or an export.
        for (String mode : List.of("fyllingsgrad", "ventetid-bosetting", "ventetid-aksept")) {
            assertThat(body(get("/offentlig/statistikk").param("year", String.valueOf(year)).param("kart", mode)))
                    .doesNotContain(">-1<").doesNotContain(": -1").doesNotContain("(-1 ");
        }
        for (String table : StatisticsView.TABLES) {
            assertThat(body(get("/offentlig/statistikk/eksport/" + table + ".csv").param("year", String.valueOf(year))))
                    .as(table).doesNotContain(",-1");
        }

        for (int y : List.of(year, thisYear)) {
            Attack attack = attack(y);
            assertThat(attack.exposed()).as("withheld 1–4 counts a reader can work out in %d", y).isEmpty();
        }
        // The test's year really had small cells for the attacker to go after.
        Attack mine = attack(year);
        assertThat(mine.withheldSmall()).contains("S/m/" + LUND, "S/m/" + RENDALEN, "Vs/" + RENDALEN, "Ws/UNACCOMPANIED_MINOR",
                "Ws/SINGLE_ADULT_WITH_CHILDREN", "Vs/" + BJERKREIM);
    }

    @Test
    void theStatisticsReaderSeesThePublicCellsAndNoExactCountsPerMunicipality() throws Exception {
        // "Aggregated numbers only": the county/KS role gets the very cells the public gets, and not the places API.
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(RENDALEN);
        fixtures.decide(RENDALEN, year, 40, 0);
        settle(RENDALEN, fixtures.household(fixtures.centre(RENDALEN), 0, TestClock.today().minusDays(20)), TestClock.today());
        for (String table : List.of("kommuner", "fylker", "ventetid", "ventetid-kommuner", "boforhold")) {
            String reader = body(get("/statistikk/eksport/" + table + ".csv").param("year", String.valueOf(year)).with(as(fixtures.statistics())));
            assertThat(reader).as(table).isEqualTo(body(get("/offentlig/statistikk/eksport/" + table + ".csv").param("year", String.valueOf(year))));
        }
        assertThat(export("kommuner", year, false)).filteredOn(r -> r.get(0).equals(RENDALEN)).singleElement()
                .satisfies(r -> assertThat(r.get(5)).isEqualTo(MARK));
        mvc.perform(get("/api/v1/municipalities/{m}/places/{y}", RENDALEN, year).with(as(fixtures.statistics())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/municipalities/{m}/places/{y}", RENDALEN, year).with(as(fixtures.municipality(RENDALEN))))
                .andExpect(status().isOk());
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The rows of an export without its header: as the public gets it, or (agency) unsuppressed. */
    private List<CSVRecord> export(String table, int year, boolean agency) throws Exception {
        MockHttpServletRequestBuilder request = get((agency ? "/statistikk" : "/offentlig/statistikk") + "/eksport/" + table + ".csv")
                .param("year", String.valueOf(year));
        if (agency) {
            request = request.with(as(fixtures.caseworker()));
        }
        return parse(body(request));
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        return records.subList(1, records.size());
    }

    /** Everything the public can read for the year, the sums between it, and the truth to judge the attack by. */
    private Attack attack(int year) throws Exception {
        Attack a = new Attack();
        // Progress: persons settled and accepted per municipality, county, centrality class and nationally.
        List<CSVRecord> kommuner = export("kommuner", year, false);
        List<CSVRecord> kommunerTrue = export("kommuner", year, true);
        List<CSVRecord> fylker = export("fylker", year, false);
        List<CSVRecord> fylkerTrue = export("fylker", year, true);
        List<CSVRecord> sentralitet = export("sentralitet", year, false);
        List<CSVRecord> sentralitetTrue = export("sentralitet", year, true);
        String page = body(get("/offentlig/statistikk").param("year", String.valueOf(year)));
        String pageTrue = body(get("/statistikk").param("year", String.valueOf(year)).with(as(fixtures.caseworker())));
        List<String> cards = cards(page);
        List<String> cardsTrue = cards(pageTrue);
        Map<String, String> countyKeyByName = new HashMap<>();
        fylker.forEach(r -> countyKeyByName.put(r.get(1), r.get(0)));
        String[] measures = {"S", "A"};
        for (int x = 0; x < 2; x++) {
            String m = measures[x];
            Map<String, List<String>> byCounty = new LinkedHashMap<>();
            Map<String, List<String>> byClass = new LinkedHashMap<>();
            for (int i = 0; i < kommuner.size(); i++) {
                String number = kommuner.get(i).get(0);
                a.cell(m + "/m/" + number, kommuner.get(i).get(5 + x), kommunerTrue.get(i).get(5 + x));
                byCounty.computeIfAbsent(countyKeyByName.get(kommuner.get(i).get(2)), k -> new ArrayList<>()).add(m + "/m/" + number);
                byClass.computeIfAbsent(String.valueOf(municipalities.find(number).orElseThrow().centrality()), k -> new ArrayList<>())
                        .add(m + "/m/" + number);
            }
            for (int i = 0; i < fylker.size(); i++) {
                a.cell(m + "/c/" + fylker.get(i).get(0), fylker.get(i).get(4 + x), fylkerTrue.get(i).get(4 + x));
            }
            for (int i = 0; i < sentralitet.size(); i++) {
                a.cell(m + "/k/" + sentralitet.get(i).get(0), sentralitet.get(i).get(4 + x), sentralitetTrue.get(i).get(4 + x));
            }
            a.cell(m + "/N", cards.get(2 + x), cardsTrue.get(2 + x));
            byCounty.forEach((c, parts) -> a.sum(m + "/c/" + c, parts));
            byClass.forEach((k, parts) -> a.sum(m + "/k/" + k, parts));
            a.sum(m + "/N", fylker.stream().map(r -> m + "/c/" + r.get(0)).toList());
            a.sum(m + "/N", sentralitet.stream().map(r -> m + "/k/" + r.get(0)).toList());
        }

        // Waiting times per household type: counts, bands, and the households behind the shares.
        List<CSVRecord> ventetid = export("ventetid", year, false);
        List<CSVRecord> ventetidTrue = export("ventetid", year, true);
        List<String> types = new ArrayList<>(List.of(WaitingStatistics.ALL));
        for (HouseholdType t : HouseholdType.values()) {
            types.add(t.name());
        }
        assertThat(ventetid).hasSameSizeAs(types);
        List<String> counts = new ArrayList<>(List.of("Wal", "Wac", "Ws", "Wm3", "Wm6", "Wm12"));
        for (int i = 0; i < ventetid.size(); i++) {
            String t = types.get(i);
            CSVRecord p = ventetid.get(i);
            CSVRecord q = ventetidTrue.get(i);
            a.cell("Wal/" + t, p.get(1), q.get(1));
            a.cell("Wac/" + t, p.get(3), q.get(3));
            a.cell("Ws/" + t, p.get(5), q.get(5));
            List<String> bands = new ArrayList<>();
            for (int b = 0; b <= WaitingStatistics.BANDS.length; b++) {
                a.cell("Wb" + b + "/" + t, p.get(11 + b), q.get(11 + b));
                bands.add("Wb" + b + "/" + t);
            }
            a.sum("Ws/" + t, bands);
            long settledTrue = Long.parseLong(q.get(5));
            String[] within = {"Wm3", "Wm6", "Wm12"};
            for (int k = 0; k < 3; k++) {
                String share = p.get(8 + k);
                String published = share.isEmpty() ? "0" : !share.matches("[\\d.]+") || !p.get(5).matches("\\d+") ? MARK
                        : String.valueOf(Math.round(Double.parseDouble(share) / 100 * Long.parseLong(p.get(5))));
                String truth = q.get(8 + k).isEmpty() ? "0" : String.valueOf(Math.round(Double.parseDouble(q.get(8 + k)) / 100 * settledTrue));
                // A withheld share of published households is at least one household; with the households withheld it may be none.
                a.cell(within[k] + "/" + t, published, truth, p.get(5).matches("\\d+") ? 1 : 0);
            }
            a.internal("Wd1/" + t, a.truth("Wm6/" + t) - a.truth("Wm3/" + t));
            a.internal("Wd2/" + t, a.truth("Wm12/" + t) - a.truth("Wm6/" + t));
            a.internal("Wd3/" + t, settledTrue - a.truth("Wm12/" + t));
            a.sum("Wm6/" + t, List.of("Wm3/" + t, "Wd1/" + t));
            a.sum("Wm12/" + t, List.of("Wm6/" + t, "Wd2/" + t));
            a.sum("Ws/" + t, List.of("Wm12/" + t, "Wd3/" + t));
        }
        for (int b = 0; b <= WaitingStatistics.BANDS.length; b++) {
            counts.add("Wb" + b);
        }
        for (String c : counts) {
            a.sum(c + "/" + WaitingStatistics.ALL, types.subList(1, types.size()).stream().map(t -> c + "/" + t).toList());
        }

        // Households settled and accepted per municipality: they add up to the all-households row.
        List<CSVRecord> perMunicipality = export("ventetid-kommuner", year, false);
        List<CSVRecord> perMunicipalityTrue = export("ventetid-kommuner", year, true);
        for (int i = 0; i < perMunicipality.size(); i++) {
            String number = perMunicipality.get(i).get(0);
            a.cell("Vs/" + number, perMunicipality.get(i).get(3), perMunicipalityTrue.get(i).get(3));
            a.cell("Vac/" + number, perMunicipality.get(i).get(5), perMunicipalityTrue.get(i).get(5));
            a.atMost("Vs/" + number, "S/m/" + number);
        }
        a.sum("Ws/" + WaitingStatistics.ALL, perMunicipality.stream().map(r -> "Vs/" + r.get(0)).toList());
        a.sum("Wac/" + WaitingStatistics.ALL, perMunicipality.stream().map(r -> "Vac/" + r.get(0)).toList());

        // Living situation before settlement: situations, series, and the national totals.
        List<CSVRecord> living = export("boforhold", year, false);
        List<CSVRecord> livingTrue = export("boforhold", year, true);
        List<String> situations = statistics.livingSituation(year).stream().map(LivingSituationRow::livingSituation).toList();
        assertThat(living).hasSameSizeAs(situations);
        for (int i = 0; i < living.size(); i++) {
            a.cell("Lp/" + situations.get(i), living.get(i).get(1), livingTrue.get(i).get(1));
            a.cell("Lh/" + situations.get(i), living.get(i).get(2), livingTrue.get(i).get(2));
            a.atMost("Lh/" + situations.get(i), "Lp/" + situations.get(i));
        }
        List<CSVRecord> series = export("boforhold-serier", year, false);
        List<CSVRecord> seriesTrue = export("boforhold-serier", year, true);
        LivingSituationRow.Series[] all = LivingSituationRow.Series.values();
        for (int i = 0; i < series.size(); i++) {
            LivingSituationRow.Series s = all[i];
            a.cell("Lp/g/" + s, series.get(i).get(1), seriesTrue.get(i).get(1));
            a.cell("Lh/g/" + s, series.get(i).get(2), seriesTrue.get(i).get(2));
            a.atMost("Lh/g/" + s, "Lp/g/" + s);
            List<String> members = situations.stream().filter(x -> LivingSituationRow.series(x) == s).toList();
            a.sum("Lp/g/" + s, members.stream().map(x -> "Lp/" + x).toList());
            a.sum("Lh/g/" + s, members.stream().map(x -> "Lh/" + x).toList());
        }
        a.sum("S/N", List.of(all).stream().map(s -> "Lp/g/" + s).toList());
        a.sum("Ws/" + WaitingStatistics.ALL, List.of(all).stream().map(s -> "Lh/g/" + s).toList());

        // The API publishes the very same settled cells as the municipality table.
        String json = body(get("/api/v1/statistics/municipalities").param("year", String.valueOf(year)));
        for (CSVRecord r : kommuner) {
            List<Object> api = JsonPath.read(json, "$[?(@.number == '" + r.get(0) + "')].settled");
            assertThat(api.get(0) == null ? MARK : String.valueOf(api.get(0))).as("API settled in %s", r.get(0)).isEqualTo(r.get(5));
        }
        return a;
    }

    /** The national cards on the page: requested, decided, settled, accepted-not-settled. */
    private static List<String> cards(String page) {
        Matcher m = Pattern.compile("<span class=\"big\">([^<]*)</span>").matcher(page);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1).replace("\u00a0", "").replace(" ", ""));
        }
        assertThat(values).hasSize(4);
        return values;
    }

    /**
     * The attacker's knowledge: published counts, withheld ones (at least 1, since 0 is shown), derived unknowns
     * (at least 0), sums and "households at most persons"; and the truth to judge it by.
     */
    static final class Attack {

        private static final long INF = Long.MAX_VALUE / 4;

        private final Map<String, Long> known = new LinkedHashMap<>();
        private final Map<String, Long> lower = new LinkedHashMap<>();
        private final Map<String, Long> truth = new HashMap<>();
        private final List<List<String>> sums = new ArrayList<>();
        private final List<String[]> atMost = new ArrayList<>();

        void cell(String id, String published, String trueValue) {
            cell(id, published, trueValue, 1);
        }

        void cell(String id, String published, String trueValue, long lowerIfWithheld) {
            truth.put(id, Long.parseLong(trueValue));
            if (!published.matches("\\d+")) {
                lower.put(id, lowerIfWithheld);
            } else {
                known.put(id, Long.parseLong(published));
            }
        }

        void internal(String id, long trueValue) {
            truth.put(id, trueValue);
            lower.put(id, 0L);
        }

        long truth(String id) {
            return truth.get(id);
        }

        void sum(String total, List<String> parts) {
            List<String> s = new ArrayList<>();
            s.add(total);
            s.addAll(parts);
            sums.add(s);
        }

        void atMost(String smaller, String larger) {
            atMost.add(new String[]{smaller, larger});
        }

        List<String> withheldSmall() {
            return lower.keySet().stream().filter(id -> SmallCells.suppressed(truth.get(id).intValue())).toList();
        }

        /** Withheld 1–4 counts the attacker works out exactly, or narrows to below 5. */
        List<String> exposed() {
            List<String> result = new ArrayList<>();
            Map<String, long[]> bounds = bounds();
            Map<String, Double> solved = solve();
            for (String id : withheldSmall()) {
                long t = truth.get(id);
                long[] b = bounds.get(id);
                if (b[0] <= t && t <= b[1] && (b[0] == b[1] || b[1] < SmallCells.THRESHOLD)) {
                    result.add(id + " in [" + b[0] + ", " + b[1] + "] (is " + t + ")");
                }
                Double v = solved.get(id);
                if (v != null && Math.abs(v - t) < 0.5) {
                    result.add(id + " = " + v + " from the sums (is " + t + ")");
                }
            }
            return result;
        }

        private Map<String, long[]> bounds() {
            Map<String, long[]> b = new HashMap<>();
            known.forEach((id, v) -> b.put(id, new long[]{v, v}));
            lower.forEach((id, v) -> b.put(id, new long[]{v, INF}));
            boolean changed = true;
            for (int round = 0; changed && round < 500; round++) {
                changed = false;
                for (List<String> s : sums) {
                    long[] total = b.get(s.get(0));
                    long partsLo = 0;
                    long partsHi = 0;
                    for (String p : s.subList(1, s.size())) {
                        partsLo += b.get(p)[0];
                        partsHi = partsHi >= INF || b.get(p)[1] >= INF ? INF : partsHi + b.get(p)[1];
                    }
                    changed |= tighten(total, partsLo, partsHi);
                    for (String p : s.subList(1, s.size())) {
                        long[] x = b.get(p);
                        long othersLo = partsLo - x[0];
                        long othersHi = INF;
                        if (partsHi < INF) {
                            othersHi = partsHi - x[1];
                        } else {
                            long sum = 0;
                            for (String o : s.subList(1, s.size())) {
                                if (!o.equals(p)) {
                                    sum = sum >= INF || b.get(o)[1] >= INF ? INF : sum + b.get(o)[1];
                                }
                            }
                            othersHi = sum;
                        }
                        changed |= tighten(x, othersHi >= INF ? x[0] : total[0] - othersHi, total[1] >= INF ? INF : total[1] - othersLo);
                    }
                }
                for (String[] pair : atMost) {
                    long[] small = b.get(pair[0]);
                    long[] large = b.get(pair[1]);
                    changed |= tighten(small, small[0], large[1]);
                    changed |= tighten(large, small[0], large[1]);
                }
            }
            return b;
        }

        private static boolean tighten(long[] x, long lo, long hi) {
            boolean changed = false;
            if (lo > x[0]) {
                x[0] = lo;
                changed = true;
            }
            if (hi < x[1]) {
                x[1] = hi;
                changed = true;
            }
            return changed;
        }

        /** Gauss–Jordan over the unknowns of all sums (doubles): the unknowns the system fixes, with their values. */
        private Map<String, Double> solve() {
            List<String> unknowns = new ArrayList<>(lower.keySet());
            Map<String, Integer> column = new HashMap<>();
            for (int i = 0; i < unknowns.size(); i++) {
                column.put(unknowns.get(i), i);
            }
            int n = unknowns.size();
            List<double[]> rows = new ArrayList<>();
            for (List<String> s : sums) {
                double[] row = new double[n + 1];
                boolean any = false;
                for (int k = 0; k < s.size(); k++) {
                    double coefficient = k == 0 ? 1 : -1;
                    Integer c = column.get(s.get(k));
                    if (c == null) {
                        row[n] -= coefficient * known.get(s.get(k));
                    } else {
                        row[c] += coefficient;
                        any = true;
                    }
                }
                if (any) {
                    rows.add(row);
                }
            }
            double[][] m = rows.toArray(new double[0][]);
            int[] pivotRow = new int[n];
            java.util.Arrays.fill(pivotRow, -1);
            int rank = 0;
            for (int c = 0; c < n && rank < m.length; c++) {
                int best = -1;
                for (int r = rank; r < m.length; r++) {
                    if (Math.abs(m[r][c]) > 1e-9 && (best < 0 || Math.abs(m[r][c]) > Math.abs(m[best][c]))) {
                        best = r;
                    }
                }
                if (best < 0) {
                    continue;
                }
                double[] tmp = m[rank];
                m[rank] = m[best];
                m[best] = tmp;
                double pivot = m[rank][c];
                for (int j = 0; j <= n; j++) {
                    m[rank][j] /= pivot;
                }
                for (int r = 0; r < m.length; r++) {
                    if (r != rank && Math.abs(m[r][c]) > 1e-12) {
                        double f = m[r][c];
                        for (int j = 0; j <= n; j++) {
                            m[r][j] -= f * m[rank][j];
                        }
                    }
                }
                pivotRow[c] = rank++;
            }
            Map<String, Double> solved = new HashMap<>();
            for (int c = 0; c < n; c++) {
                if (pivotRow[c] < 0) {
                    continue;
                }
                double[] row = m[pivotRow[c]];
                boolean alone = true;
                for (int j = 0; j < n && alone; j++) {
                    alone = j == c || Math.abs(row[j]) < 1e-9;
                }
                if (alone) {
                    solved.put(unknowns.get(c), row[n]);
                }
            }
            return solved;
        }
    }
}
