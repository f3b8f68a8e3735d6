package no.bosetting.access;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.bosetting.access.Routes.Route;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.messages.NewAttachment;
import no.bosetting.proposals.Proposals;
import no.bosetting.selfsettlement.InspectionResult;
import no.bosetting.selfsettlement.RequestChecklist;
import no.bosetting.selfsettlement.RequestData;
import no.bosetting.selfsettlement.SelfSettlementChecks;
import no.bosetting.selfsettlement.SelfSettlementRegistrations;
import no.bosetting.selfsettlement.SelfSettlementSettings;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every read of a person is in the access log, on every path. Walks every GET route the application has (discovered
 * from Spring MVC, as the authorisation matrix does, web pages and /api/v1 alike) as every role — the agency, the
 * household's municipality and reception centre, and the refugees themselves — with path variables pointing at two
 * households whose names, DUF numbers and interview answers are unique markers. Whatever a response shows of a
 * person (HTML, JSON, PDF text, attachment bytes) must have written an access-log entry for that person, by that
 * caller, during the request. So a new route that returns a person without logging fails here without anyone
 * listing it; {@link #MUST_SHOW} guards that the walk really reaches the pages that show persons.
 */
@IntegrationTest
class PersonReadsAreLoggedTest {

    /** The accepting municipality; no other test uses it. */
    static final String MUNICIPALITY = "4632";

    /** Routes that may show identifying data without logging, and why. */
    static final Map<String, String> EXEMPT = Map.of(
            "GET /min-side/logg-inn", "lists demo households' DUF numbers only with the demo mailbox, which is off in production",
            "GET /demo-postkasse", "the demo mailbox: answers 404 in production");

    /**
     * Route and caller pairs that must show the household: proof that the walk's data reaches the pages and
     * endpoints that return a person, so the log check above them is not vacuous.
     */
    static final Set<String> MUST_SHOW = Set.of(
            "GET /saker/{id} as caseworker", "GET /saker/{id} as municipality", "GET /saker/{id} as reception",
            "GET /api/v1/cases/{id} as caseworker", "GET /api/v1/cases/{id} as reception",
            "GET /saker/{id}/samtale as caseworker", "GET /saker/{id}/samtale as reception",
            "GET /api/v1/cases/{caseId}/interview as caseworker", "GET /api/v1/cases/{caseId}/interview as reception",
            "GET /api/v1/cases/{caseId}/interview as municipality",
            "GET /saker/{caseId}/brev as caseworker", "GET /saker/{caseId}/brev as municipality",
            "GET /saker/{caseId}/vedtaksbrev as municipality",
            "GET /meldinger/sak/{caseId} as caseworker", "GET /meldinger/sak/{caseId} as municipality",
            "GET /meldinger/vedlegg/{attachmentId} as caseworker",
            "GET /soknader/{id} as caseworker",
            "GET /min-side as refugee", "GET /min-side/brev as refugee",
            "GET /saker/{id}/husstand as caseworker", "GET /api/v1/cases/{id}/household as caseworker");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermitImport permitImport;
    @Autowired
    Interviews interviews;
    @Autowired
    Proposals proposals;

    /** A household whose every identifying value is a unique marker. */
    record Household(long caseId, Map<Long, List<String>> personMarkers, List<String> householdMarkers) {

        /** The persons whose own markers are in the text, and whether any household marker is. */
        Set<Long> personsShown(String text) {
            Set<Long> shown = new TreeSet<>();
            personMarkers.forEach((person, markers) -> {
                if (markers.stream().anyMatch(text::contains)) {
                    shown.add(person);
                }
            });
            return shown;
        }

        boolean shown(String text) {
            return !personsShown(text).isEmpty() || householdMarkers.stream().anyMatch(text::contains);
        }
    }

    /** The ids the routes' path variables and query parameters name. */
    record Data(Household offered, Household selfSettling, long proposalId, long decisionId, long allocationListId,
                long applicationId, long attachmentId, long asbRequestId, long caseLetterId, long ownLetterId) {
    }

    private Household household(long centre, LocalDate permitDate) {
        long n = Fixtures.next();
        String family = "Loggesen" + n;
        String mainGiven = "Innsynvoksen" + n;
        String childGiven = "Innsynbarn" + n;
        String mainDuf = Fixtures.duf();
        String childDuf = Fixtures.duf();
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest("TEST-" + n, PermitType.COLLECTIVE_PROTECTION,
                permitDate, LivingSituation.RECEPTION_CENTRE, centre, null, List.of(
                new PermitImportRequest.PersonData(mainDuf, null, null, mainGiven, family, LocalDate.of(1984, 5, 1), "F", "UKR",
                        Relation.MAIN, null, null),
                new PermitImportRequest.PersonData(childDuf, null, null, childGiven, family, LocalDate.of(2016, 2, 1), "M", "UKR",
                        Relation.CHILD, null, null))), fixtures.caseworker());
        assertThat(outcome.ok()).as("%s", outcome.problems()).isTrue();
        long caseId = outcome.caseId();
        Map<Long, List<String>> persons = new LinkedHashMap<>();
        persons.put(personId(mainDuf), List.of(mainGiven, mainDuf));
        persons.put(personId(childDuf), List.of(childGiven, childDuf));
        String health = "Helsemerke" + n;
        String familyInNorway = "Familiemerke" + n;
        interviews.record(caseId, new InterviewAnswers(TestClock.today().minusDays(1), "ukrainsk", familyInNorway, null,
                "Nettverksmerke" + n, "Tilpasningsmerke" + n, true, health, "Katt", "Sykepleier", "Sykepleier i 10 år", true, false,
                "ukrainsk", null), fixtures.caseworker()).value();
        return new Household(caseId, persons, List.of(family, health, familyInNorway, "Nettverksmerke" + n));
    }

    private long personId(String duf) {
        return jdbc.sql("select id from person where duf_number = :d").param("d", duf).query(Long.class).single();
    }

    private String duf(long personId) {
        return jdbc.sql("select duf_number from person where id = :p").param("p", personId).query(String.class).single();
    }

    private Data data(Map<String, Actor> callers) {
        LocalDate today = TestClock.today();
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, today.getYear(), 100, 0);
        context.getBean(SelfSettlementSettings.class).save(fixtures.caseworker(), MUNICIPALITY, true,
                "Privat leiemarked, maks husleie etter bostøttereglene.", null, 50).value();
        long centre = callers.get("reception").receptionCentreId();
        Actor officer = callers.get("municipality");

        Household offered = household(centre, today.minusDays(30));
        long proposalId = fixtures.propose(offered.caseId(), MUNICIPALITY);
        proposals.accept(officer, proposalId, fixtures.plannedDates(offered.caseId(), today), null).value();
        long decisionId = jdbc.sql("select min(id) from settlement_decision where case_id = :c").param("c", offered.caseId())
                .query(Long.class).single();
        long listId = jdbc.sql("select allocation_list_id from proposal where id = :id").param("id", proposalId).query(Long.class).single();
        long mainPerson = offered.personMarkers().keySet().iterator().next();
        long ownLetter = jdbc.sql("select max(id) from letter where person_id = :p").param("p", mainPerson).query(Long.class).single();
        long caseLetter = jdbc.sql("select max(id) from letter where case_id = :c and person_id is null").param("c", offered.caseId())
                .query(Long.class).single();

        MessageThreads threads = context.getBean(MessageThreads.class);
        String family = offered.householdMarkers().get(0);
        context.getBean(ThreadMessages.class).post(threads.caseThread(offered.caseId(), MUNICIPALITY, fixtures.caseworker()).orElseThrow(), fixtures.caseworker(),
                "Om familien", List.of(new NewAttachment("pass.pdf", ("%PDF-1.4 Pass for " + family).getBytes(StandardCharsets.UTF_8))))
                .value();
        long attachmentId = jdbc.sql("select max(id) from message_attachment").query(Long.class).single();

        long applicationId = jdbc.sql("""
                insert into settlement_application (duf_number, status, submitted_at, created_at, created_by, updated_at, updated_by)
                values (:d, 'SUBMITTED', :now, :now, 'logg', :now, 'logg') returning id
                """).param("d", duf(mainPerson)).param("now", TestClock.zonedNow().toOffsetDateTime()).query(Long.class).single();

        Household selfSettling = household(centre, today.minusDays(2));
        long asbMain = selfSettling.personMarkers().keySet().iterator().next();
        long asbRequest = context.getBean(SelfSettlementRegistrations.class).register(Actor.refugee(duf(asbMain), "Selvbosetter"), null, new RequestData(MUNICIPALITY,
                "Loggveien " + Fixtures.next(), "Privat Utleier", "utleier@example.no", today, 11_000, 3)).value();
        context.getBean(SelfSettlementChecks.class).forward(officer, asbRequest, new RequestChecklist(true, true, true, true, today.minusDays(1),
                InspectionResult.APPROVED)).value();
        callers.put("refugee", Actor.refugee(duf(mainPerson), "Flyktning"));
        callers.put("asb-refugee", Actor.refugee(duf(asbMain), "Selvbosetter"));
        return new Data(offered, selfSettling, proposalId, decisionId, listId, applicationId, attachmentId, asbRequest,
                caseLetter, ownLetter);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]+}");

    /**
     * The route's URIs for the data: the pattern filled in (a case variable once with the offered household and once
     * with the self-settling one, which is ready for allocation), and where a query parameter names one item, that too.
     */
    static List<String> uris(String pattern, Data d) {
        List<String> all = new ArrayList<>();
        for (long caseId : List.of(d.offered().caseId(), d.selfSettling().caseId())) {
            for (String uri : uris(pattern, d, caseId)) {
                if (!all.contains(uri)) {
                    all.add(uri);
                }
            }
        }
        return all;
    }

    private static List<String> uris(String pattern, Data d, long caseId) {
        StringBuilder uri = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        int last = 0;
        while (m.find()) {
            String upTo = pattern.substring(0, m.end());
            String value;
            if (upTo.matches("^/(saker|api/v1/cases)/\\{id}$") || upTo.endsWith("/{caseId}")) {
                value = String.valueOf(caseId);
            } else if (upTo.matches("^/(kommune/forslag|forslag|api/v1/proposals)/\\{id}$")) {
                value = String.valueOf(d.proposalId());
            } else if (upTo.matches("^/(vedtak|api/v1/decisions)/\\{id}$")) {
                value = String.valueOf(d.decisionId());
            } else if (upTo.equals("/api/v1/allocation-lists/{id}")) {
                value = String.valueOf(d.allocationListId());
            } else if (upTo.equals("/soknader/{id}")) {
                value = String.valueOf(d.applicationId());
            } else if (upTo.matches("^/(kommune/)?selvbosetting/\\{id}$")) {
                value = String.valueOf(d.asbRequestId());
            } else if (upTo.endsWith("/{attachmentId}")) {
                value = String.valueOf(d.attachmentId());
            } else if (upTo.endsWith("/{number}")) {
                value = MUNICIPALITY;
            } else if (upTo.endsWith("/{year}")) {
                value = String.valueOf(TestClock.today().getYear());
            } else if (upTo.endsWith("/{table}")) {
                value = upTo.contains("selvbosetting") ? "utfall" : "kommuner";
            } else {
                // Runs, dwellings, offers and leases hold no person; any id reaches the handler.
                value = "0";
            }
            uri.append(pattern, last, m.start()).append(value);
            last = m.end();
        }
        String base = uri.append(pattern.substring(last)).toString();
        List<String> all = new ArrayList<>(List.of(base));
        if (pattern.equals("/saker/{caseId}/brev")) {
            all.add(base + "?letter=" + d.caseLetterId());
            all.add(base + "?letter=" + d.ownLetterId());
        } else if (pattern.equals("/min-side/brev")) {
            all.add(base + "?letter=" + d.ownLetterId());
        } else if (pattern.equals("/meldinger/sak/{caseId}")) {
            all.add(base + "?kommune=" + MUNICIPALITY);
        }
        return all;
    }

    /** The response as text: PDFs by their text, everything else as characters. */
    static String text(MockHttpServletResponse response) throws Exception {
        byte[] bytes = response.getContentAsByteArray();
        if (bytes.length > 4 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            String raw = new String(bytes, StandardCharsets.UTF_8);
            try (PDDocument document = Loader.loadPDF(bytes)) {
                return raw + " " + new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            } catch (java.io.IOException notARealPdf) {
                return raw;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void everyRouteThatShowsAPersonLogsTheReadForThatCaller() throws Exception {
        Map<String, Actor> callers = new LinkedHashMap<>();
        callers.put("caseworker", fixtures.caseworker());
        callers.put("planner", fixtures.planner());
        callers.put("admin", new Actor("admin-logg-test", "Test Admin", Role.AGENCY_ADMIN, null, null));
        callers.put("municipality", fixtures.municipality(MUNICIPALITY));
        callers.put("reception", fixtures.reception(fixtures.centre("4601")));
        callers.put("statistics", fixtures.statistics());
        Data data = data(callers);
        callers.put("anonymous", null);
        List<Household> households = List.of(data.offered(), data.selfSettling());

        List<String> problems = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        List<Route> routes = Routes.all(context).stream().filter(r -> r.method().name().equals("GET")).toList();
        assertThat(routes).as("GET routes").hasSizeGreaterThan(30);
        for (Route route : routes) {
            String key = route.method() + " " + route.pattern();
            if (EXEMPT.containsKey(key)) {
                continue;
            }
            for (String uri : uris(route.pattern(), data)) {
                for (Map.Entry<String, Actor> caller : callers.entrySet()) {
                    Actor actor = caller.getValue();
                    long lastLogId = jdbc.sql("select coalesce(max(id), 0) from person_access_log").query(Long.class).single();
                    MockHttpServletRequestBuilder request = get(uri);
                    if (actor != null) {
                        request.with(as(actor));
                    }
                    String text = text(mvc.perform(request).andReturn().getResponse());
                    for (Household h : households) {
                        if (!h.shown(text)) {
                            continue;
                        }
                        shown.add(key + " as " + caller.getKey());
                        if (actor == null) {
                            problems.add(uri + " shows a person to an anonymous caller");
                            continue;
                        }
                        Set<Long> logged = new TreeSet<>(jdbc.sql("""
                                select person_id from person_access_log where id > :last and username = :u and person_id in (:persons)
                                """).param("last", lastLogId).param("u", actor.username())
                                .param("persons", h.personMarkers().keySet()).query(Long.class).list());
                        Set<Long> personsShown = h.personsShown(text);
                        if (logged.isEmpty() || !logged.containsAll(personsShown)) {
                            problems.add(uri + " as " + caller.getKey() + " shows " + (personsShown.isEmpty()
                                    ? "the household (family name or interview)" : "persons " + personsShown)
                                    + " but logged " + (logged.isEmpty() ? "no read" : "only " + logged));
                        }
                    }
                }
            }
        }
        for (String expected : new TreeSet<>(MUST_SHOW)) {
            if (!shown.contains(expected)) {
                problems.add(expected + ": expected to show the household, but it did not (the walk no longer reaches it)");
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " reads of persons outside the access log:\n  " + String.join("\n  ", problems));
        }
    }
}
