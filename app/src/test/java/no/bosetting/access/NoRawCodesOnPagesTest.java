package no.bosetting.access;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import no.bosetting.access.PersonReadsAreLoggedTest.Data;
import no.bosetting.access.PersonReadsAreLoggedTest.Household;
import no.bosetting.access.Routes.Route;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.Interviews;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.NewAttachment;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.proposals.Proposals;
import no.bosetting.proposals.RejectionReason;
import no.bosetting.selfsettlement.InspectionResult;
import no.bosetting.selfsettlement.RequestChecklist;
import no.bosetting.selfsettlement.RequestData;
import no.bosetting.selfsettlement.SelfSettlementChecks;
import no.bosetting.selfsettlement.SelfSettlementRegistrations;
import no.bosetting.selfsettlement.SelfSettlementSettings;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
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
 * Issue 16 point 6: no page shows a machine name. Walks every GET page the application answers with HTML (discovered
 * from Spring MVC's handler mappings, so pages added later are walked too) as every role — staff in Norwegian and
 * English, the refugee and the public also in Ukrainian — over a household that has been through the whole flow, and
 * fails on any constant name of the application's own enums in the page's visible text (e.g. {@code
 * COLLECTIVE_PROTECTION}, {@code DECISION}) and on any unresolved message key ({@code ??key_nb??}) anywhere in the page.
 * The failure names the page, the role, the language and the offending text.
 */
@IntegrationTest
class NoRawCodesOnPagesTest {

    static final String MUNICIPALITY = "5061";

    /** Words that are enum constants and also ordinary words or abbreviations a page may show as such. */
    static final Set<String> ORDINARY_WORDS = Set.of();

    private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^?\\s<>\"]+\\?\\?");
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_.-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![a-z0-9_])");
    private static final Pattern HIDDEN = Pattern.compile(
            "(?is)<head.*?</head>|<script.*?</script>|<style.*?</style>|<textarea.*?</textarea>|<template.*?</template>|<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

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

    /**
     * The constant names of every enum in the application: names with an underscore, and single words of six or more
     * letters (shorter ones such as {@code DUF}, {@code NAV} or {@code KS} are abbreviations pages use as words).
     */
    static Set<String> enumConstantNames() {
        Set<String> names = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.bosetting")) {
            if (c.isEnum()) {
                c.getEnumConstants().forEach(constant -> {
                    String name = constant.name();
                    if (name.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+") || name.matches("[A-Z]{6,}")) {
                        names.add(name);
                    }
                });
            }
        }
        names.removeAll(ORDINARY_WORDS);
        return names;
    }

    /** The text a reader sees: no head, scripts, styles, form values (textarea) or attributes. */
    static String visibleText(String html) {
        String text = TAG.matcher(HIDDEN.matcher(html).replaceAll(" ")).replaceAll(" ");
        return text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ");
    }

    static List<String> findings(String html, Set<String> enumNames) {
        List<String> found = new ArrayList<>();
        Matcher unresolved = UNRESOLVED.matcher(html);
        while (unresolved.find()) {
            found.add("unresolved message key " + unresolved.group());
        }
        String text = visibleText(html);
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            if (enumNames.contains(code.group())) {
                int from = Math.max(0, code.start() - 40);
                int to = Math.min(text.length(), code.end() + 40);
                found.add("enum name " + code.group() + " in \"…" + text.substring(from, to).trim() + "…\"");
            }
        }
        return found;
    }

    @Test
    void theGuardSeesAnEnumNameAndAnUnresolvedKey() {
        Set<String> names = enumConstantNames();
        assertThat(names).contains("COLLECTIVE_PROTECTION", "RECEPTION_CENTRE");
        assertThat(findings("<main><p>Tillatelse: COLLECTIVE_PROTECTION</p><p>??role.REFUGEE_nb??</p></main>", names))
                .hasSize(2);
        assertThat(findings("<main><input value=\"COLLECTIVE_PROTECTION\"><select><option value=\"RECEPTION_CENTRE\">Mottak"
                + "</option></select><textarea>RECEPTION_CENTRE</textarea></main>", names)).isEmpty();
    }

    private Household household(long centre, LocalDate permitDate) {
        long n = Fixtures.next();
        String mainDuf = Fixtures.duf();
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest("TEST-" + n, PermitType.COLLECTIVE_PROTECTION,
                permitDate, LivingSituation.RECEPTION_CENTRE, centre, null, List.of(
                new PermitImportRequest.PersonData(mainDuf, null, null, "Kodevoksen" + n, "Kodesen" + n, LocalDate.of(1984, 5, 1), "F",
                        "UKR", Relation.MAIN, null, null),
                new PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Kodebarn" + n, "Kodesen" + n, LocalDate.of(2016, 2, 1),
                        "M", "UKR", Relation.CHILD, null, null))), fixtures.caseworker());
        assertThat(outcome.ok()).as("%s", outcome.problems()).isTrue();
        interviews.record(outcome.caseId(), fixtures.answers(), fixtures.caseworker()).value();
        return new Household(outcome.caseId(), Map.of(), List.of());
    }

    private String dufOf(long caseId) {
        return jdbc.sql("select p.duf_number from person p where p.case_id = :c order by p.id limit 1").param("c", caseId)
                .query(String.class).single();
    }

    /** A household accepted with letters, a message with an attachment, an application and a self-settlement request. */
    private Data data(Map<String, no.bosetting.access.Actor> callers) {
        LocalDate today = TestClock.today();
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, today.getYear(), 100, 0);
        fixtures.decidePlannedYear(MUNICIPALITY, today.plusDays(14), 100, 0);
        context.getBean(SelfSettlementSettings.class).save(fixtures.caseworker(), MUNICIPALITY, true,
                "Privat leiemarked.", null, 50).value();
        long centre = callers.get("reception").receptionCentreId();
        Actor officer = callers.get("municipality");

        Household offered = household(centre, today.minusDays(30));
        long rejected = fixtures.propose(offered.caseId(), "3436");
        proposals.reject(fixtures.municipality("3436"), rejected, RejectionReason.HOUSEHOLD_COMPOSITION, "Passer ikke boligene nå.").value();
        long proposalId = fixtures.propose(offered.caseId(), MUNICIPALITY);
        proposals.accept(officer, proposalId, fixtures.plannedDates(offered.caseId(), today.plusDays(14)), null).value();
        long decisionId = jdbc.sql("select min(id) from settlement_decision where case_id = :c").param("c", offered.caseId())
                .query(Long.class).single();
        long listId = jdbc.sql("select allocation_list_id from proposal where id = :id").param("id", proposalId).query(Long.class).single();
        long ownLetter = jdbc.sql("select max(l.id) from letter l join person p on p.id = l.person_id where p.duf_number = :d")
                .param("d", dufOf(offered.caseId())).query(Long.class).single();
        long caseLetter = jdbc.sql("select max(id) from letter where case_id = :c and person_id is null").param("c", offered.caseId())
                .query(Long.class).single();
        MessageThreads threads = context.getBean(MessageThreads.class);
        context.getBean(ThreadMessages.class).post(threads.caseThread(offered.caseId(), MUNICIPALITY, fixtures.caseworker()).orElseThrow(),
                fixtures.caseworker(), "Om familien", List.of(new NewAttachment("pass.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8))))
                .value();
        long attachmentId = jdbc.sql("select max(id) from message_attachment").query(Long.class).single();
        long applicationId = jdbc.sql("""
                insert into settlement_application (duf_number, status, submitted_at, created_at, created_by, updated_at, updated_by)
                values (:d, 'SUBMITTED', :now, :now, 'kode', :now, 'kode') returning id
                """).param("d", dufOf(offered.caseId())).param("now", TestClock.zonedNow().toOffsetDateTime()).query(Long.class).single();
        Household selfSettling = household(centre, today.minusDays(2));
        String asbDuf = dufOf(selfSettling.caseId());
        long asbRequest = context.getBean(SelfSettlementRegistrations.class).register(Actor.refugee(asbDuf, "Selvbosetter"), null,
                new RequestData(MUNICIPALITY, "Kodeveien " + Fixtures.next(), "Privat Utleier", "utleier@example.no", today, 11_000, 3))
                .value();
        context.getBean(SelfSettlementChecks.class).forward(officer, asbRequest, new RequestChecklist(true, true, true, true,
                today.minusDays(1), InspectionResult.APPROVED)).value();
        callers.put("refugee", Actor.refugee(dufOf(offered.caseId()), "Flyktning"));
        callers.put("asb-refugee", Actor.refugee(asbDuf, "Selvbosetter"));
        return new Data(offered, selfSettling, proposalId, decisionId, listId, applicationId, attachmentId, asbRequest,
                caseLetter, ownLetter);
    }

    /** Pages that show the same to everyone; walked anonymously only, to keep the walk short. */
    static boolean isPublic(String pattern) {
        return pattern.startsWith("/offentlig") || pattern.startsWith("/tilby-bolig") || pattern.equals("/login")
                || pattern.equals("/min-side/logg-inn") || pattern.equals("/demo-postkasse");
    }

    @Test
    void noPageShowsAnEnumNameOrAnUnresolvedMessageKeyInAnyLanguage() throws Exception {
        Map<String, Actor> callers = new LinkedHashMap<>();
        callers.put("caseworker", fixtures.caseworker());
        callers.put("planner", fixtures.planner());
        callers.put("admin", new Actor("admin-kode-test", "Test Admin", Role.AGENCY_ADMIN, null, null));
        callers.put("municipality", fixtures.municipality(MUNICIPALITY));
        callers.put("reception", fixtures.reception(fixtures.centre("4601")));
        callers.put("statistics", fixtures.statistics());
        Data data = data(callers);
        callers.put("anonymous", null);
        Set<String> enumNames = enumConstantNames();

        Set<String> problems = new LinkedHashSet<>();
        Map<String, Long> millis = new java.util.HashMap<>();
        int pages = 0;
        List<Route> routes = Routes.all(context).stream()
                .filter(r -> r.method().name().equals("GET") && !r.isApi() && !r.pattern().startsWith("/actuator")
                        && !r.pattern().startsWith("/v3/") && !r.pattern().startsWith("/swagger"))
                .toList();
        for (Route route : routes) {
            for (String uri : PersonReadsAreLoggedTest.uris(route.pattern(), data)) {
                for (Map.Entry<String, Actor> caller : callers.entrySet()) {
                    if (caller.getValue() != null && isPublic(route.pattern())) {
                        continue; // the same page for everyone: walked once, anonymously, in all three languages
                    }
                    boolean refugeeFacing = caller.getValue() == null || caller.getValue().role() == Role.REFUGEE;
                    for (String language : refugeeFacing ? List.of("nb", "en", "uk") : List.of("nb", "en")) {
                        MockHttpServletRequestBuilder request = get(uri).param("lang", language);
                        if (caller.getValue() != null) {
                            request.with(as(caller.getValue()));
                        }
                        long start = System.nanoTime();
                        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                        millis.merge(route.pattern(), (System.nanoTime() - start) / 1_000_000, Long::sum);
                        if (response.getStatus() != 200 || response.getContentType() == null
                                || !response.getContentType().startsWith("text/html")) {
                            continue;
                        }
                        pages++;
                        for (String finding : findings(response.getContentAsString(StandardCharsets.UTF_8), enumNames)) {
                            problems.add(uri + " as " + caller.getKey() + " in " + language + ": " + finding);
                        }
                    }
                }
            }
        }
        System.out.println("NoRawCodesOnPagesTest: " + pages + " pages; slowest routes (ms): " + millis.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15).toList());
        assertThat(pages).as("HTML pages walked").isGreaterThan(100);
        if (!problems.isEmpty()) {
            fail(problems.size() + " machine names on pages:\n  " + String.join("\n  ", problems));
        }
    }
}
