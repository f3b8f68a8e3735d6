package no.bosetting.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.bosetting.access.Routes.Route;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.housing.DwellingData;
import no.bosetting.housing.DwellingStandard;
import no.bosetting.housing.DwellingType;
import no.bosetting.housing.Dwellings;
import no.bosetting.housing.HousingOffers;
import no.bosetting.housing.LeaseData;
import no.bosetting.housing.LeaseKind;
import no.bosetting.housing.Leases;
import no.bosetting.housing.OfferData;
import no.bosetting.housing.OwnerType;
import no.bosetting.proposals.Proposals;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static no.bosetting.access.Role.AGENCY_ADMIN;
import static no.bosetting.access.Role.AGENCY_CASEWORKER;
import static no.bosetting.access.Role.AGENCY_PLANNER;
import static no.bosetting.access.Role.MUNICIPALITY_OFFICER;
import static no.bosetting.access.Role.RECEPTION_STAFF;
import static no.bosetting.access.Role.STATISTICS_READER;
import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every route the application has (discovered from Spring MVC, web pages and /api/v1 alike) × every
 * role and anonymous, against the rule table in {@link #RULES}. Path variables are filled
 * with real data of another municipality and another reception centre than the matrix's municipality
 * officer and reception staff belong to, so an "allow" for them would mean that changing an id in the
 * URL reaches someone else's data. A route without a rule fails the test: a new endpoint needs a decision.
 */
@IntegrationTest
class AuthorisationMatrixTest {

    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    static final Set<Role> AGENCY = EnumSet.of(AGENCY_CASEWORKER, AGENCY_PLANNER, AGENCY_ADMIN);
    static final Set<Role> CASEWORKER = EnumSet.of(AGENCY_CASEWORKER);
    static final Set<Role> NONE = EnumSet.noneOf(Role.class);
    static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.REFUGEE));

    /** The owner of the data in every path variable; the matrix's officer and staff belong elsewhere. */
    static final String OWNER_MUNICIPALITY = "1506";
    static final String OTHER_MUNICIPALITY = "1108";

    /**
     * Who gets through, first match wins. Method "*" is any method. Patterns are matched against the
     * route's own pattern: {@code **} is any number of segments, {@code *} part of one segment, and
     * {@code {x}} any path variable. Every path variable holds the other unit's data, so a
     * municipality officer or reception staff allowed on a route with one would be a hole.
     */
    static final List<Rule> RULES = List.of(
            // Public: signing in and the API description. /error is only where the container forwards a failed request
            // (ErrorPageTest): asked for directly it is the login page for anonymous callers and 404 for everyone else.
            Rule.open("*", "/login"),
            Rule.of("*", "/error", NONE),
            Rule.open("*", "/v3/api-docs"),
            Rule.open("*", "/v3/api-docs/**"),
            Rule.open("*", "/swagger-ui.html"),
            Rule.open("*", "/swagger-ui/**"),
            Rule.open("*", "/v3/api-docs.yaml"),

            // Every signed-in role: its start page, its notifications, statistics.
            Rule.of("GET", "/", ALL),
            Rule.of("*", "/varsler/**", ALL),
            Rule.of("*", "/statistikk/rettferdighet", AGENCY), // fairness per municipality: small cells, agency only
            Rule.of("*", "/statistikk/rettferdighet/**", AGENCY),
            Rule.of("*", "/statistikk/introduksjon/modell", EnumSet.of(AGENCY_ADMIN)), // the outcome model's card and retraining (h17-register)
            Rule.of("*", "/statistikk/introduksjon", AGENCY), // introduction results per municipality, small cells withheld (h17-register)
            Rule.of("*", "/statistikk/**", STAFF),
            Rule.of("*", "/oppgaver/**", STAFF), // each role's own work list

            // Refugees: signing in is open (the demo mailbox shows one-time codes only in the demo profile);
            // their pages show their own case, so nothing reached by an id of someone else's.
            Rule.open("*", "/min-side/logg-inn/**"),
            Rule.open("*", "/demo-postkasse"),
            Rule.of("*", "/min-side/**/{x}/**", NONE),
            Rule.of("*", "/min-side/**", EnumSet.of(Role.REFUGEE)),

            // The agency's work.
            Rule.of("*", "/import/**", EnumSet.of(AGENCY_CASEWORKER, AGENCY_ADMIN)),
            Rule.of("*", "/fordeling/policy", AGENCY),
            Rule.of("*", "/fordeling/tjenester/**", CASEWORKER), // any municipality's service catalogue (issue 23)
            Rule.of("*", "/fordeling/**", CASEWORKER),
            Rule.of("*", "/forslag/**", AGENCY),
            Rule.of("*", "/kapasitet/**", AGENCY),
            Rule.of("*", "/soknader/**", AGENCY),
            Rule.of("*", "/selvbosetting/**", AGENCY),
            Rule.of("*", "/omgjoringer/**", AGENCY),
            // Crisis mode (issue 18, h18-crisis): planners and administrators switch it on and off, caseworkers decide
            // joint fast-track applications, every agency role reads; municipalities use /kommune/innmeldinger and
            // /kommune/hurtigspor (their own only), refugees /min-side/hurtigspor.
            Rule.of("POST", "/krise", EnumSet.of(AGENCY_PLANNER, AGENCY_ADMIN)),
            Rule.of("POST", "/krise/avslutt", EnumSet.of(AGENCY_PLANNER, AGENCY_ADMIN)),
            Rule.of("*", "/krise/hurtigspor/godta", CASEWORKER),
            Rule.of("*", "/krise/hurtigspor/avvis", CASEWORKER),
            Rule.of("*", "/krise", AGENCY),
            Rule.of("*", "/krise/**", AGENCY),
            // Grants (issue 17): every agency role reads; the planner and the administrator change rates and run payments.
            Rule.of("GET", "/tilskudd/**", AGENCY),
            Rule.of("POST", "/tilskudd/**", EnumSet.of(AGENCY_PLANNER, AGENCY_ADMIN)),
            Rule.of("*", "/brevmaler/**", EnumSet.of(AGENCY_ADMIN)),
            // Two-step control (h18-twostep): the administrator's settings; the approvers' work list and proposals.
            Rule.of("*", "/godkjenninger/innstillinger", EnumSet.of(AGENCY_ADMIN)),
            Rule.of("*", "/godkjenninger/**", EnumSet.of(AGENCY_CASEWORKER, AGENCY_ADMIN)),
            Rule.of("*", "/meldinger/**/{x}/**", AGENCY),
            Rule.of("*", "/meldinger/**", EnumSet.of(AGENCY_CASEWORKER, AGENCY_PLANNER, AGENCY_ADMIN, MUNICIPALITY_OFFICER)),

            // Anyone may offer a dwelling without an account; public statistics need no login.
            Rule.open("*", "/tilby-bolig/**"),
            Rule.open("GET", "/offentlig/**"),
            Rule.open("GET", "/api/v1/statistics/municipalities"),
            Rule.open("GET", "/api/v1/statistics/municipalities.csv"),
            Rule.open("GET", "/api/v1/statistics/introduction"), // the introduction programme's public shares (grants-api)

            // The municipality: its own pages, but nothing of another municipality's by id.
            Rule.of("*", "/kommune/**/{x}/**", NONE),
            Rule.of("*", "/kommune/tjenester/**", EnumSet.of(MUNICIPALITY_OFFICER)), // its own service catalogue (issue 23)
            Rule.of("*", "/kommune/**", EnumSet.of(MUNICIPALITY_OFFICER)),

            // The reception centre's residents list.
            Rule.of("*", "/mottak/**", EnumSet.of(RECEPTION_STAFF)),

            // Cases: each role's own list; another unit's case is out of reach by id.
            Rule.of("GET", "/saker", EnumSet.of(AGENCY_CASEWORKER, AGENCY_PLANNER, AGENCY_ADMIN, MUNICIPALITY_OFFICER, RECEPTION_STAFF)),
            // The interview: the household's centre, a caseworker standing in, or (h3) the municipality a private resident lives in.
            Rule.of("*", "/saker/{x}/samtale", CASEWORKER),
            Rule.of("*", "/saker/{x}/samtale/tilknytning", CASEWORKER), // the interview's ties and needs for the allocation (issue 23)
            // The interview's risk screening (h18-protect): whoever holds the interview; the centre and municipality only
            // for their own households, so another unit's id is out of reach.
            Rule.of("POST", "/saker/{x}/samtale/screening", CASEWORKER),
            Rule.of("*", "/saker/{x}/folgeperson/**", CASEWORKER), // an unaccompanied minor's accompanying adult
            Rule.of("*", "/saker/{x}/flyttinger", CASEWORKER), // secondary moves: the agency's caseworker registers them
            Rule.of("POST", "/saker/{x}/introduksjon/**", NONE), // the introduction register: the settling municipality only (h17-register)
            Rule.of("*", "/saker/**", AGENCY),
            Rule.of("*", "/vedtak/**", AGENCY),
            // Restricted concern reports (h18-protect): designated agency users only — a flag, not a role, so no role of
            // the matrix gets through (ConcernReportsTest signs in a designated user); the counts have no personal data.
            Rule.of("*", "/bekymringer", NONE),
            Rule.of("*", "/bekymringer/**", NONE),

            // The JSON API.
            Rule.of("POST", "/api/v1/permits/members", CASEWORKER), // a new member joins an existing household (h1-household)
            Rule.of("*", "/api/v1/permits/**", EnumSet.of(AGENCY_CASEWORKER, AGENCY_ADMIN)),
            Rule.of("*", "/api/v1/allocation-lists/**", CASEWORKER),
            Rule.of("*", "/api/v1/approvals/**", EnumSet.of(AGENCY_CASEWORKER, AGENCY_ADMIN)), // two-step control (h18-twostep)
            // Grants (grants-api): as /tilskudd/** for the agency; the officer reads only their own municipality's, so another
            // municipality's data in the path variable is refused; the payment runs are the agency's.
            Rule.of("POST", "/api/v1/grants/payment-runs", EnumSet.of(AGENCY_PLANNER, AGENCY_ADMIN)), // as POST /tilskudd/**
            Rule.of("GET", "/api/v1/grants/payment-runs/**", AGENCY),
            Rule.of("GET", "/api/v1/grants/**", AGENCY),
            Rule.of("GET", "/api/v1/cases", STAFF), // scoped: each role sees only its own cases, the statistics reader none
            Rule.of("GET", "/api/v1/cases/{id}", AGENCY),
            Rule.of("GET", "/api/v1/cases/{id}/**", AGENCY),
            Rule.of("POST", "/api/v1/cases/{id}/places", NONE), // hold or release while away: the accepting municipality only
            // The introduction register's commands (grants-api): the settling municipality's officer only, as on the page.
            Rule.of("PUT", "/api/v1/cases/{id}/introduction/**", NONE),
            Rule.of("POST", "/api/v1/cases/{id}/introduction/**", NONE),
            Rule.of("*", "/api/v1/cases/{id}/**", CASEWORKER),
            Rule.of("*", "/api/v1/decisions/{id}/**", CASEWORKER),
            Rule.of("GET", "/api/v1/proposals", STAFF), // scoped like the case list
            Rule.of("GET", "/api/v1/proposals/{id}", AGENCY),
            Rule.of("POST", "/api/v1/proposals/{id}/accept", CASEWORKER), // on the municipality's behalf; another agency role is not allowed
            Rule.of("POST", "/api/v1/proposals/{id}/reject", NONE), // the owning municipality only
            Rule.of("POST", "/api/v1/proposals/{id}/withdraw", CASEWORKER),
            // Exact persons settled, accepted and minors per municipality: statistics readers get them only under the
            // small-cell rule on /statistikk (issue 21).
            Rule.of("GET", "/api/v1/municipalities/{number}/places/**", EnumSet.of(AGENCY_CASEWORKER, AGENCY_PLANNER, AGENCY_ADMIN)),
            Rule.of("GET", "/api/v1/municipalities/{number}/**", EnumSet.of(AGENCY_CASEWORKER, AGENCY_PLANNER, AGENCY_ADMIN, STATISTICS_READER)),
            Rule.of("*", "/api/v1/municipalities/{number}/**", AGENCY),
            Rule.of("*", "/api/v1/statistics/**", STAFF),
            Rule.of("GET", "/api/v1/indicators", STAFF), // indicator figures are published statistics
            Rule.of("POST", "/api/v1/indicators", EnumSet.of(AGENCY_PLANNER, AGENCY_ADMIN)));

    /** The first rule for the route, or null when nobody has decided yet. */
    static Rule ruleFor(Route route) {
        return RULES.stream().filter(r -> r.matches(route)).findFirst().orElse(null);
    }

    /** What a caller got. Deny = 401, 403, 404 or a redirect to the login page; allow = anything else. */
    record Outcome(int status, String location, String error) {

        boolean toLogin() {
            return status >= 300 && status < 400 && location != null && location.matches("(.*://[^/]+)?(/login([?#].*)?|/min-side/logg-inn[?]krevd)");
        }

        boolean denied() {
            return status == 401 || status == 403 || status == 404 || toLogin();
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " → " + location);
        }
    }

    /** One line of the rule table: roles allowed on routes matching a method and pattern. */
    record Rule(String method, String pattern, Set<Role> roles, boolean open) {


        static Rule of(String method, String pattern, Set<Role> roles) {
            return new Rule(method, pattern, roles, false);
        }

        static Rule open(String method, String pattern) {
            return new Rule(method, pattern, ALL, true);
        }

        boolean matches(Route route) {
            return ("*".equals(method) || method.equals(route.method().name())) && regex().matcher(route.pattern()).matches();
        }

        private Pattern regex() {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (pattern.startsWith("/**", i)) {
                    re.append("(/.*)?");
                    i += 2;
                } else if (pattern.startsWith("**", i)) {
                    re.append(".*");
                    i += 1;
                } else if (c == '*') {
                    re.append("[^/]*");
                } else if (c == '{') {
                    re.append("\\{[^}/]+}");
                    i = pattern.indexOf('}', i);
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString());
        }
    }

    /** A household of one municipality's centre, accepted by that municipality, with its decisions. */
    record ForeignData(long caseId, long proposalId, long decisionId, long allocationListId, Long allocationRunId,
                       long dwellingId, long housingOfferId, long leaseId) {

        String state(JdbcClient jdbc) {
            return jdbc.sql("select status || ':' || version from settlement_case where id = :id").param("id", caseId).query(String.class).single()
                    + jdbc.sql("select status || ':' || version from proposal where id = :id").param("id", proposalId).query(String.class).single()
                    + jdbc.sql("select string_agg(status || ':' || coalesce(settlement_date::text, '-'), ',' order by id) from settlement_decision where case_id = :id")
                    .param("id", caseId).query(String.class).single()
                    + jdbc.sql("select status || ':' || updated_at from dwelling where id = :id").param("id", dwellingId).query(String.class).single()
                    + jdbc.sql("select status || ':' || inspection_done from housing_offer where id = :id").param("id", housingOfferId)
                    .query(String.class).single()
                    + jdbc.sql("select status || ':' || updated_at from lease where id = :id").param("id", leaseId).query(String.class).single();
        }
    }

    /**
     * Which data fills a path variable: the first expression that matches the route's pattern up to
     * and including the variable.
     */
    private static final List<Map.Entry<Pattern, Function<ForeignData, String>>> PATH_VALUES = List.of(
            // A household of the engine run (its municipality picker).
            Map.entry(Pattern.compile("^/fordeling/motor/\\{id}/husstand/\\{caseId}$"), d -> String.valueOf(AuthorisationMatrixTest.allocationRunCaseId)),
            Map.entry(Pattern.compile("^/(saker|api/v1/cases)/\\{id}$|/\\{caseId}$"), d -> String.valueOf(d.caseId())),
            Map.entry(Pattern.compile("^/(kommune/forslag|forslag|api/v1/proposals)/\\{id}$"), d -> String.valueOf(d.proposalId())),
            Map.entry(Pattern.compile("^/(vedtak|api/v1/decisions)/\\{id}$"), d -> String.valueOf(d.decisionId())),
            Map.entry(Pattern.compile("^/api/v1/allocation-lists/\\{id}$"), d -> String.valueOf(d.allocationListId())),
            Map.entry(Pattern.compile("^/fordeling/motor/\\{id}$"), d -> String.valueOf(d.allocationRunId())),
            Map.entry(Pattern.compile("^/kapasitet/hva-om/\\{id}$"), d -> String.valueOf(AuthorisationMatrixTest.whatIfRunId)),
            Map.entry(Pattern.compile("^/kommune/boliger/\\{id}$"), d -> String.valueOf(d.dwellingId())),
            Map.entry(Pattern.compile("^/kommune/botilbud/\\{id}$"), d -> String.valueOf(d.housingOfferId())),
            Map.entry(Pattern.compile("^/kommune/leieforhold/\\{id}$"), d -> String.valueOf(d.leaseId())),
            Map.entry(Pattern.compile("^/soknader/\\{id}$"), d -> String.valueOf(AuthorisationMatrixTest.applicationId)),
            // A returned (decided) proposal under two-step control: approving it again changes nothing (h18-twostep).
            Map.entry(Pattern.compile("^/(godkjenninger|api/v1/approvals)/\\{id}$"), d -> String.valueOf(AuthorisationMatrixTest.approvalId)),
            Map.entry(Pattern.compile("^/bekymringer/\\{id}$"), d -> String.valueOf(AuthorisationMatrixTest.concernReportId)),
            Map.entry(Pattern.compile("^/api/v1/grants/payment-runs/\\{id}$"), d -> String.valueOf(AuthorisationMatrixTest.paymentRunId)),
            // No self-settlement request of the other unit: an unknown id is denied to the municipality and leads the
            // agency back to its queue (SelfSettlementWebTest checks another municipality's real request reads as not found).
            Map.entry(Pattern.compile("^/(kommune/)?selvbosetting/\\{id}$"), d -> "0"),
            Map.entry(Pattern.compile("^/meldinger/vedlegg/\\{attachmentId}$"), d -> String.valueOf(AuthorisationMatrixTest.messageAttachmentId)),
            Map.entry(Pattern.compile("/\\{personId}$"), d -> String.valueOf(AuthorisationMatrixTest.householdPersonId)),
            Map.entry(Pattern.compile("/\\{number}$"), d -> OWNER_MUNICIPALITY),
            Map.entry(Pattern.compile("/\\{year}$"), d -> String.valueOf(TestClock.today().getYear())),
            // Statistics tables are the same for everyone who may see them; any table will do.
            Map.entry(Pattern.compile("^/statistikk/selvbosetting/eksport/\\{table}$"), d -> "utfall"),
            Map.entry(Pattern.compile("/eksport/\\{table}$"), d -> "kommuner"));

    private static long applicationId;

    /** A decided proposal under two-step control on the other unit's case (any will do: every approver sees every proposal). */
    private static long approvalId;
    /** A payment run (any will do: every agency role reads every run; no other role any). */
    private static long paymentRunId;
    /** A concern report on the other unit's household (h18-protect). */
    private static long concernReportId;

    /** A member of the other unit's household (the household pages). */
    private static long householdPersonId;

    /** A stored year what-if (any will do: every agency role sees every run; a run holds no person). */
    private static long whatIfRunId;

    /** A household of the sent engine run. */
    private static long allocationRunCaseId;

    /** An attachment in the owner municipality's thread about the case. */
    private static long messageAttachmentId;

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]+}");

    static String fill(String pattern, ForeignData data) {
        StringBuilder uri = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        int last = 0;
        while (m.find()) {
            String upToVariable = pattern.substring(0, m.end());
            String value = PATH_VALUES.stream().filter(e -> e.getKey().matcher(upToVariable).find()).findFirst()
                    .map(e -> e.getValue().apply(data))
                    .orElseThrow(() -> new AssertionError("No value for " + m.group() + " in " + pattern
                            + ": add the data it names to AuthorisationMatrixTest.PATH_VALUES"));
            uri.append(pattern, last, m.start()).append(value);
            last = m.end();
        }
        return uri.append(pattern.substring(last)).toString();
    }

    /** The other unit's data and one caller per role, built through the application's own commands. */
    record World(ForeignData data, Map<Role, Actor> actors) {
    }

    // Built here rather than in World: nested types count as production code for the module boundary check.
    static World world(Fixtures fixtures, Proposals proposals, SettlementDecisions decisions, JdbcClient jdbc,
                       MockMvc mvc, ApplicationContext context) throws Exception {
        return new World(foreignData(fixtures, proposals, decisions, jdbc, mvc, context), callers(fixtures));
    }

    private static ForeignData foreignData(Fixtures fixtures, Proposals proposals, SettlementDecisions decisions, JdbcClient jdbc,
                                           MockMvc mvc, ApplicationContext context) throws Exception {
        // Places count in the year of the planned settlement date: decide this year and the planned date's year.
        LocalDate planned = TestClock.today().plusDays(10);
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(OWNER_MUNICIPALITY);
        fixtures.decide(OWNER_MUNICIPALITY, year, 50, 0);
        fixtures.decidePlannedYear(OWNER_MUNICIPALITY, planned, 50, 0);
        long centre = fixtures.centre(OWNER_MUNICIPALITY);
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, OWNER_MUNICIPALITY);
        proposals.accept(fixtures.municipality(OWNER_MUNICIPALITY), proposalId,
                fixtures.plannedDates(caseId, planned), null).value();
        long decisionId = decisions.forCase(caseId).get(0).id();
        long listId = jdbc.sql("select allocation_list_id from proposal where id = :id").param("id", proposalId).query(Long.class).single();
        Actor owner = fixtures.municipality(OWNER_MUNICIPALITY);
        Dwellings dwellings = context.getBean(Dwellings.class);
        long dwellingId = dwellings.create(owner, ownerDwelling()).value();
        long leaseId = context.getBean(Leases.class).create(owner, dwellings.create(owner, ownerDwelling()).value(),
                new LeaseData(LeaseKind.SUBLEASE, false, TestClock.today(), 3, null, 9_000, 0, 3)).value();
        long offerId = context.getBean(HousingOffers.class).submit(new OfferData(OWNER_MUNICIPALITY, "Matrise Utleier", "99999999",
                null, "Matrisegata " + Fixtures.next(), DwellingType.FLAT, 2, null, null, TestClock.today(), null)).value();
        // A handled settlement application (any id will do: all agency roles see every application).
        applicationId = jdbc.sql("insert into settlement_application (duf_number, status, created_at, created_by, updated_at, updated_by) values (:d, 'REFUSED', now(), 'matrix', now(), 'matrix') returning id")
                .param("d", Fixtures.duf()).query(Long.class).single();
        approvalId = jdbc.sql("""
                insert into approval (kind, subject_id, case_id, case_reference, status, command_input, change_summary, proposed_at,
                    proposed_by, proposed_by_name, proposed_by_role, decided_at, decided_by, decided_by_name, return_reason, return_text)
                values ('WITHDRAW_OFFER', :c, :c, 'MATRISE', 'RETURNED', 'reason=Matrise', 'Matrise', now(), 'matrix', 'Matrise',
                    'AGENCY_CASEWORKER', now(), 'matrix-2', 'Matrise 2', 'OTHER', 'Matrise') returning id
                """).param("c", caseId).query(Long.class).single();
        whatIfRunId = jdbc.sql("""
                insert into year_whatif_run (year, scenario, scenario_version, scenario_persons, start_date, policy_id, pace_period, places_remaining, unplaced_households,
                    unplaced_persons, objective, seconds, created_at, created_by)
                select :y, 'EXPECTED', 1, 0, :d, max(id), 'QUARTER', 0, 0, 0, 0, 0, now(), 'matrix' from allocation_policy returning id
                """).param("y", TestClock.today().getYear()).param("d", TestClock.today()).query(Long.class).single();
        no.bosetting.messages.MessageThreads threads = context.getBean(no.bosetting.messages.MessageThreads.class);
        context.getBean(no.bosetting.messages.ThreadMessages.class).post(threads.caseThread(caseId, null, fixtures.caseworker()).orElseThrow(), fixtures.caseworker(), "Matrise",
                List.of(new no.bosetting.messages.NewAttachment("m.pdf", "%PDF-1.4 matrise".getBytes()))).value();
        messageAttachmentId = jdbc.sql("select max(id) from message_attachment").query(Long.class).single();
        paymentRunId = jdbc.sql("""
                insert into grant_payment_run (kind, up_to_year, created_at, created_by, line_count, total)
                values ('REGULAR', :y, now(), 'matrix', 0, 0) returning id
                """).param("y", year).query(Long.class).single();
        householdPersonId = jdbc.sql("select min(id) from person where case_id = :c").param("c", caseId).query(Long.class).single();
        // A restricted concern report on the household, written by a designated user (h18-protect): no matrix role reads it.
        Actor designated = new Actor("matrise-vern", "Matrise Vern", Role.AGENCY_CASEWORKER, null, null);
        context.getBean(UserAccounts.class).createIfMissing(designated, null, null);
        context.getBean(ProtectionDesignation.class).designate(designated.username(), true);
        concernReportId = context.getBean(no.bosetting.concerns.ConcernReports.class).create(designated,
                new no.bosetting.concerns.ConcernReports.NewReport(caseId, null, java.util.EnumSet.of(no.bosetting.concerns.ConcernIndicator.TRAFFICKING),
                        "Matrise", no.bosetting.concerns.Referral.POLICE, TestClock.today(), Set.of(), Set.of())).value();
        return new ForeignData(caseId, proposalId, decisionId, listId, sentAllocationRun(fixtures, mvc, context),
                dwellingId, offerId, leaseId);
    }

    private static DwellingData ownerDwelling() {
        return new DwellingData("Matriseveien " + Fixtures.next(), OwnerType.MUNICIPAL, DwellingType.FLAT, 3, 70,
                DwellingStandard.GOOD, false, null, null, null, 9_000, TestClock.today(), null, false);
    }

    /**
     * An engine run that has already been sent, over one household of its own (a permit twelve years
     * old, which no other test has), so calls on it in the matrix can change nothing more.
     */
    private static Long sentAllocationRun(Fixtures fixtures, MockMvc mvc, ApplicationContext context) throws Exception {
        if (Routes.all(context).stream().noneMatch(r -> r.pattern().equals("/fordeling/motor"))) {
            return null;
        }
        long household = fixtures.household(fixtures.centre(OWNER_MUNICIPALITY), 0, TestClock.today().minusYears(12));
        fixtures.ready(household);
        allocationRunCaseId = household;
        String location = mvc.perform(post("/fordeling/motor").param("minDays", String.valueOf(365 * 12 - 30))
                        .with(csrf()).with(as(fixtures.caseworker())))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("an engine run").matches("/fordeling/motor/\\d+");
        mvc.perform(post(location + "/send").with(csrf()).with(as(fixtures.caseworker())));
        return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Map<Role, Actor> callers(Fixtures fixtures) {
        Map<Role, Actor> actors = new LinkedHashMap<>();
        actors.put(AGENCY_CASEWORKER, fixtures.caseworker());
        actors.put(AGENCY_PLANNER, fixtures.planner());
        actors.put(AGENCY_ADMIN, new Actor("admin-test", "Test Admin", AGENCY_ADMIN, null, null));
        actors.put(MUNICIPALITY_OFFICER, fixtures.municipality(OTHER_MUNICIPALITY));
        actors.put(RECEPTION_STAFF, fixtures.reception(fixtures.centre(OTHER_MUNICIPALITY)));
        actors.put(STATISTICS_READER, fixtures.statistics());
        actors.put(Role.REFUGEE, Actor.refugee(Fixtures.duf(), "Test Flyktning")); // a refugee of no household in the data
        return actors;
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRouteEveryRoleAndAnonymousAgainstTheRuleTable() throws Exception {
        World world = world(fixtures, proposals, decisions, jdbc, mvc, context);
        String before = world.data().state(jdbc);

        List<String> mismatches = new ArrayList<>();
        List<Route> routes = Routes.all(context);
        assertThat(routes).as("discovered routes").hasSizeGreaterThan(30);
        for (Route route : routes) {
            Rule rule = ruleFor(route);
            if (rule == null) {
                mismatches.add(route + ": no rule in RULES – decide who may use it");
                continue;
            }
            String uri;
            try {
                uri = fill(route.pattern(), world.data());
            } catch (AssertionError e) {
                mismatches.add(route + ": " + e.getMessage());
                continue;
            }
            Outcome anonymous = call(route, uri, null);
            if (rule.open()) {
                expect(mismatches, route, uri, "anonymous", anonymous, true);
            } else if (anonymous.error() != null || (route.isApi() ? anonymous.status() != 401 : !anonymous.toLogin())) {
                mismatches.add(route + " as anonymous: expected " + (route.isApi() ? "401" : "redirect to /login") + ", got " + anonymous);
            }
            for (Role role : Role.values()) {
                Actor actor = world.actors().get(role);
                assertThat(actor).as("a caller with role %s in callers", role).isNotNull();
                expect(mismatches, route, uri, role.name(), call(route, uri, actor), rule.open() || rule.roles().contains(role));
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches over " + routes.size() + " routes × " + (Role.values().length + 1) + " callers:\n  "
                    + String.join("\n  ", mismatches));
        }
        assertThat(world.data().state(jdbc)).as("no call in the matrix changed the other unit's data").isEqualTo(before);
    }

    // ---- the reception centre's own households, in every state and living situation -------------------------

    /** Where the matrix's own centre's households are offered and settled; no other test uses it. */
    static final String RESIDENTS_MUNICIPALITY = "3440";

    /**
     * Routes the centre must reach for a household that lives in it now (a positive control: the caller and the
     * data work, so a denial for a former resident is the scope's answer, not a broken set-up).
     */
    static final Set<String> CURRENT_RESIDENT_REACHES = Set.of("GET /saker/{id}", "GET /api/v1/cases/{id}",
            "GET /saker/{id}/samtale", "GET /api/v1/cases/{caseId}/interview", "GET /api/v1/cases/{caseId}/decisions");

    /** One household of the matrix's own reception centre: what it is, and the ids routes may name. */
    record Household(String label, long caseId, Long proposalId, Long decisionId, boolean current) {
    }

    /** The value of every path variable of the pattern for the household; null when a variable is not about it. */
    static String fillFor(String pattern, Household h) {
        StringBuilder uri = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        int last = 0;
        while (m.find()) {
            String upTo = pattern.substring(0, m.end());
            Long value;
            if (upTo.matches("^/(saker|api/v1/cases)/\\{id}$") || upTo.endsWith("/{caseId}")) {
                value = h.caseId();
            } else if (upTo.matches("^/(kommune/forslag|forslag|api/v1/proposals)/\\{id}$")) {
                value = h.proposalId();
            } else if (upTo.matches("^/(vedtak|api/v1/decisions)/\\{id}$")) {
                value = h.decisionId();
            } else {
                value = null;
            }
            if (value == null) {
                return null;
            }
            uri.append(pattern, last, m.start()).append(value);
            last = m.end();
        }
        return last == 0 ? null : uri.append(pattern.substring(last)).toString();
    }

    /**
     * The households of the reception staff's own centre: three living there now (ready, offered, ready in the centre's
     * emergency accommodation) and the ones that
     * have left it or whose case has ended — settled by the municipality's dates (the centre is still named on the
     * case), settled at the centre's move-out, moved out to live privately, declined, closed, and a household the
     * case still names the centre for while it lives elsewhere. All built through the application's commands, but
     * the last, which no command writes and older data may hold.
     */
    private List<Household> ownCentreHouseholds(Actor staff) {
        long centre = staff.receptionCentreId();
        LocalDate today = TestClock.today();
        fixtures.resetMunicipality(RESIDENTS_MUNICIPALITY);
        fixtures.decide(RESIDENTS_MUNICIPALITY, today.getYear(), 100, 0);
        Actor officer = fixtures.municipality(RESIDENTS_MUNICIPALITY);
        no.bosetting.cases.CaseCommands caseCommands = context.getBean(no.bosetting.cases.CaseCommands.class);
        no.bosetting.cases.ConsequenceInformed informed = new no.bosetting.cases.ConsequenceInformed(true, today,
                no.bosetting.cases.InformationChannel.LETTER, "ukrainsk", null);
        List<Household> households = new ArrayList<>();

        long ready = fixtures.household(centre, 1);
        fixtures.ready(ready);
        households.add(new Household("ready, living in the centre", ready, null, null, true));

        households.add(offered(centre, officer, "offered, living in the centre", true));

        // The permit import ties emergency accommodation to the centre that runs it: the centre's resident too.
        no.bosetting.cases.ImportOutcome emergency = context.getBean(no.bosetting.cases.PermitImport.class).importPermit(
                new no.bosetting.cases.PermitImportRequest("TEST-" + Fixtures.next(), no.bosetting.cases.PermitType.COLLECTIVE_PROTECTION,
                        today.minusDays(20), no.bosetting.cases.LivingSituation.EMERGENCY_ACCOMMODATION, centre, null,
                        List.of(new no.bosetting.cases.PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Akutt", "Testesen",
                                LocalDate.of(1990, 1, 1), "M", "SYR", no.bosetting.cases.Relation.MAIN, null, null))),
                fixtures.caseworker());
        assertThat(emergency.ok()).as("%s", emergency.problems()).isTrue();
        fixtures.ready(emergency.caseId());
        households.add(new Household("ready, in the centre's emergency accommodation", emergency.caseId(), null, null, true));

        Household settledByMunicipality = offered(centre, officer, "settled by the municipality's dates", false);
        decisions.forCase(settledByMunicipality.caseId())
                .forEach(d -> decisions.registerSettlementDate(d.id(), today, null, officer).value());
        households.add(settledByMunicipality);

        Household settledAtMoveOut = offered(centre, officer, "settled at the centre's move-out", false);
        Map<Long, LocalDate> dates = new LinkedHashMap<>();
        decisions.forCase(settledAtMoveOut.caseId()).forEach(d -> dates.put(d.id(), today));
        decisions.recordMoveOutToMunicipality(settledAtMoveOut.caseId(), staff, today, dates).value();
        households.add(settledAtMoveOut);

        long movedOut = fixtures.household(centre, 1);
        fixtures.ready(movedOut);
        caseCommands.recordMoveOut(movedOut, staff, today, no.bosetting.cases.LivingSituation.PRIVATE, OTHER_MUNICIPALITY).value();
        households.add(new Household("moved out to live privately", movedOut, null, null, false));

        // Issue 20 item 3: the centre's scope follows the living-situation history, as its own staff record it.
        long toAmot = fixtures.household(centre, 1);
        fixtures.ready(toAmot);
        context.getBean(no.bosetting.cases.LivingSituations.class).record(toAmot, staff, no.bosetting.cases.LivingSituation.AMOT,
                today, null, OTHER_MUNICIPALITY).value();
        households.add(new Household("moved to AMOT in the living-situation history", toAmot, null, null, false));

        Household declined = offered(centre, officer, "declined the offer", false);
        decisions.decline(declined.caseId(), fixtures.caseworker(), "Takket nei", informed).value();
        households.add(declined);

        long closed = fixtures.household(centre, 1);
        fixtures.ready(closed);
        caseCommands.close(closed, fixtures.caseworker(), no.bosetting.cases.CloseReason.LEFT_NORWAY, null, informed).value();
        households.add(new Household("closed", closed, null, null, false));

        long absent = fixtures.household(centre, 1);
        fixtures.ready(absent);
        jdbc.sql("update settlement_case set living_situation = 'PRIVATE', living_municipality_number = :m where id = :id")
                .param("m", OTHER_MUNICIPALITY).param("id", absent).update();
        households.add(new Household("not living in the centre though the case names it", absent, null, null, false));
        return households;
    }

    private Household offered(long centre, Actor officer, String label, boolean current) {
        long caseId = fixtures.household(centre, 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, RESIDENTS_MUNICIPALITY);
        proposals.accept(officer, proposalId, fixtures.plannedDates(caseId, TestClock.today()), null).value();
        return new Household(label, caseId, proposalId, decisions.forCase(caseId).get(0).id(), current);
    }

    private String caseState(List<Household> households) {
        return jdbc.sql("""
                select string_agg(status || ':' || living_situation || ':' || coalesce(reception_centre_id::text, '-') || ':' || version, ',' order by id)
                from settlement_case where id in (:ids)
                """).param("ids", households.stream().map(Household::caseId).toList()).query(String.class).single();
    }

    /**
     * The centre's scope follows the household's status and living situation: every route that names a case (and
     * its proposal or decision) reaches a household that lives in the centre now, and answers 404 for one that has
     * left it or whose case has ended — settled, declined, closed, moved out, or not living there — however the
     * centre is still named on the case. Its lists (web and API, any status filter) hold only its current residents.
     */
    @Test
    void aReceptionCentreReachesOnlyTheHouseholdsLivingInItNowOnEveryRoute() throws Exception {
        Actor staff = fixtures.reception(fixtures.centre(OTHER_MUNICIPALITY));
        List<Household> households = ownCentreHouseholds(staff);
        String before = caseState(households);

        List<String> mismatches = new ArrayList<>();
        List<Route> routes = Routes.all(context);
        Set<String> reachedForCurrent = new java.util.HashSet<>();
        int checked = 0;
        for (Household h : households.stream().filter(Household::current).toList()) {
            Set<String> reached = new java.util.HashSet<>();
            for (Route route : routes) {
                String uri = fillFor(route.pattern(), h);
                if (uri == null) {
                    continue;
                }
                Outcome outcome = call(route, uri, staff);
                if (outcome.error() != null) {
                    mismatches.add(route + " for the " + h.label() + " household: request failed: " + outcome.error());
                } else if (!outcome.denied()) {
                    reached.add(route.method() + " " + route.pattern());
                }
            }
            for (String page : List.of("GET /saker/{id}", "GET /api/v1/cases/{id}")) {
                if (!reached.contains(page)) {
                    mismatches.add(page + ": denied for the " + h.label() + " household, which lives in the centre now");
                }
            }
            reachedForCurrent.addAll(reached);
        }
        for (String expected : CURRENT_RESIDENT_REACHES) {
            if (!reachedForCurrent.contains(expected)) {
                mismatches.add(expected + ": denied for a household living in the centre now");
            }
        }
        for (Household h : households.stream().filter(x -> !x.current()).toList()) {
            for (Route route : routes) {
                String uri = fillFor(route.pattern(), h);
                if (uri == null) {
                    continue;
                }
                checked++;
                Outcome outcome = call(route, uri, staff);
                boolean reachable = reachedForCurrent.contains(route.method() + " " + route.pattern());
                if (outcome.error() != null) {
                    mismatches.add(route + " for the " + h.label() + " household: request failed: " + outcome.error());
                } else if (!outcome.denied() || reachable && outcome.status() != 404) {
                    mismatches.add(route + " (" + uri + ") for the " + h.label() + " household: expected "
                            + (reachable ? "404" : "deny") + ", got " + outcome);
                }
            }
        }
        assertThat(checked).as("case routes called for former residents").isGreaterThan(20);

        Map<Long, String> references = new LinkedHashMap<>();
        households.forEach(h -> references.put(h.caseId(), jdbc.sql("select reference from settlement_case where id = :id")
                .param("id", h.caseId()).query(String.class).single()));
        for (String list : List.of("/mottak", "/saker", "/api/v1/cases", "/mottak?status=SETTLED", "/api/v1/cases?status=SETTLED",
                "/api/v1/cases?status=DECLINED", "/api/v1/cases?status=CLOSED", "/api/v1/cases?living=PRIVATE")) {
            String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(list).with(as(staff)))
                    .andReturn().getResponse().getContentAsString();
            for (Household h : households) {
                boolean listed = body.contains(references.get(h.caseId()));
                boolean expected = h.current() && !list.contains("?");
                if (listed != expected) {
                    mismatches.add(list + ": the " + h.label() + " household is " + (listed ? "" : "not ") + "listed");
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches for the reception centre's own households:\n  " + String.join("\n  ", mismatches));
        }
        assertThat(caseState(households)).as("no call changed the centre's households").isEqualTo(before);
    }

    private static void expect(List<String> mismatches, Route route, String uri, String who, Outcome outcome, boolean allowed) {
        if (outcome.error() != null) {
            mismatches.add(route + " as " + who + " (" + uri + "): request failed: " + outcome.error());
        } else if (allowed == outcome.denied()) {
            mismatches.add(route + " as " + who + " (" + uri + "): expected " + (allowed ? "allow" : "deny") + ", got " + outcome);
        }
    }

    private Outcome call(Route route, String uri, Actor actor) {
        AbstractMockHttpServletRequestBuilder<?> request = Routes.emptyRequest(route, uri);
        if (!route.isApi() && route.changesState()) {
            request.with(csrf());
        }
        if (actor != null) {
            request.with(as(actor));
        }
        try {
            MvcResult result = mvc.perform(request).andReturn();
            return new Outcome(result.getResponse().getStatus(), result.getResponse().getRedirectedUrl(), null);
        } catch (Exception e) {
            return new Outcome(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
