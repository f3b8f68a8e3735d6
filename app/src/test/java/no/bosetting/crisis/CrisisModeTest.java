package no.bosetting.crisis;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.allocation.AllocationRuns;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.LivingSituations;
import no.bosetting.decisions.PlaceRule;
import no.bosetting.interview.Interviews;
import no.bosetting.interview.QuestionSet;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Crisis mode (issue 18 item 1 and its "Bad input"; report 000 lines 685–700, 8985–8995, 9150–9160): windows without a
 * reason or overlapping are refused; while on, the short interview set, the temporary scheme as a living situation
 * inside its window, notifications seen by the agency and the sending municipality only, and the joint fast-track
 * application — unsigned it cannot be accepted, accepted it takes places through the one place rule.
 */
@IntegrationTest
class CrisisModeTest {

    /** Municipalities no other test uses. */
    static final String M = "1531";
    static final String OTHER = "1535";

    @Autowired
    CrisisModes modes;
    @Autowired
    CrisisNotifications notifications;
    @Autowired
    FastTrackApplications fastTrack;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Interviews interviews;
    @Autowired
    CaseQueries cases;
    @Autowired
    LivingSituations living;
    @Autowired
    PlaceRule places;
    @Autowired
    AllocationRuns runs;

    @BeforeEach
    @AfterEach
    void noCrisis() {
        // Crisis mode is national: no other test may find it on.
        jdbc.sql("delete from crisis_period").update();
    }

    private long on() {
        return modes.switchOn(fixtures.planner(), new CrisisSettings(TestClock.today().minusDays(20), null, "Massefluktsituasjon",
                "MAMOT-test", TestClock.today().minusDays(20), null, 9_000, null)).value();
    }

    private static CrisisSettings window(LocalDate from, LocalDate to, String reason) {
        return new CrisisSettings(from, to, reason, null, null, null, null, null);
    }

    @Test
    void overlappingWindowsAreRefusedAtTheStartField() {
        LocalDate today = TestClock.today();
        modes.switchOn(fixtures.planner(), window(today.minusDays(10), today.plusDays(10), "Første")).value();

        CommandResult<Long> overlapping = modes.switchOn(fixtures.planner(), window(today.plusDays(5), null, "Andre"));
        CommandResult<Long> around = modes.switchOn(fixtures.planner(), window(today.minusDays(30), today.plusDays(30), "Rundt"));
        CommandResult<Long> after = modes.switchOn(fixtures.planner(), window(today.plusDays(11), null, "Etterpå"));

        assertThat(overlapping.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> {
            assertThat(r.field()).isEqualTo("startsOn");
            assertThat(r.messageKey()).isEqualTo("crisis.error.overlap");
        });
        assertThat(around.isSuccess()).isFalse();
        assertThat(after.isSuccess()).as("the day after the first window ends").isTrue();
        assertThat(modes.all()).hasSize(2);
        // Ending the open window into the next one is refused too.
        assertThat(modes.end(fixtures.planner(), modes.all().get(1).id(), today.plusDays(20)).isSuccess()).isFalse();
    }

    @Test
    void aReasonIsRequiredAndOnlyPlannersAndAdministratorsSwitchItOn() throws Exception {
        CommandResult<Long> noReason = modes.switchOn(fixtures.planner(), window(TestClock.today(), null, "  "));
        assertThat(noReason.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.field()).isEqualTo("reason"));
        assertThat(modes.switchOn(fixtures.caseworker(), window(TestClock.today(), null, "Grunn")).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);

        String page = mvc.perform(post("/krise").with(csrf()).with(as(fixtures.planner()))
                        .param("startsOn", TestClock.today().toString()).param("reason", "").param("schemeName", "Ordning X"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Skriv en begrunnelse.").contains("Ordning X").contains("id=\"reason-error\"");
        mvc.perform(post("/krise").with(csrf()).with(as(fixtures.caseworker()))
                        .param("startsOn", TestClock.today().toString()).param("reason", "Grunn"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
        assertThat(modes.all()).as("nothing half-saved").isEmpty();
    }

    @Test
    void crisisModeSelectsTheShortInterviewSet() {
        long caseId = fixtures.household(fixtures.centre(M), 1);
        var summary = cases.summaryForSystem(caseId).orElseThrow();
        assertThat(interviews.questionSetFor(summary)).isNotEqualTo(QuestionSet.UKRAINE_SHORT_2022_04);
        on();
        assertThat(interviews.questionSetFor(summary)).isEqualTo(QuestionSet.UKRAINE_SHORT_2022_04);
        fixtures.ready(caseId);
        assertThat(interviews.find(caseId).orElseThrow().questionSet()).isEqualTo(QuestionSet.UKRAINE_SHORT_2022_04);
    }

    @Test
    void theTemporarySchemeIsALivingSituationInsideItsWindowAndNeverPrivate() {
        LocalDate today = TestClock.today();
        long caseId = fixtures.household(fixtures.centre(M), 0, today.minusDays(40));
        Actor caseworker = fixtures.caseworker();
        assertThat(living.record(caseId, caseworker, LivingSituation.TEMPORARY_SCHEME, today.minusDays(30), null, M).isSuccess())
                .as("no scheme configured").isFalse();
        on(); // scheme from 20 days ago
        CommandResult<LivingSituation> before = living.record(caseId, caseworker, LivingSituation.TEMPORARY_SCHEME, today.minusDays(30), null, M);
        assertThat(before.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.messageKey()).isEqualTo("error.residence.schemeWindow"));
        assertThat(living.record(caseId, caseworker, LivingSituation.TEMPORARY_SCHEME, today.minusDays(5), null, M).isSuccess()).isTrue();

        assertThat(LivingSituation.TEMPORARY_SCHEME.inReceptionSystem()).isTrue();
        var found = cases.search(new CaseFilter(null, null, null, null, null, null, LivingSituation.TEMPORARY_SCHEME, null, null),
                caseworker, 0, 500).items();
        assertThat(found).extracting(s -> s.id()).contains(caseId);
        assertThat(cases.search(new CaseFilter(null, null, null, null, null, null, LivingSituation.PRIVATE, null, null),
                caseworker, 0, 500).items()).extracting(s -> s.id()).doesNotContain(caseId);
    }

    @Test
    void aNotificationIsSeenByTheAgencyAndTheSendingMunicipalityOnly() throws Exception {
        Actor officer = fixtures.municipality(M);
        assertThat(notifications.send(officer, null, "Olena Test", "Bor hos vertsfamilie").isSuccess()).as("crisis mode off").isFalse();
        on();
        String marker = "Ønsker å bosette " + Fixtures.next();
        assertThat(notifications.send(officer, "", "", marker).failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.field()).isEqualTo("identity"));
        long id = notifications.send(officer, null, "Olena Test", marker).value();

        assertThat(notifications.page(fixtures.caseworker(), 0, 500).items()).extracting(CrisisNotification::id).contains(id);
        assertThat(notifications.page(officer, 0, 500).items()).extracting(CrisisNotification::id).contains(id);
        assertThat(notifications.page(fixtures.municipality(OTHER), 0, 500).items()).extracting(CrisisNotification::id).doesNotContain(id);
        assertThat(notifications.page(fixtures.statistics(), 0, 500).items()).isEmpty();

        assertThat(mvc.perform(get("/kommune/innmeldinger").with(as(officer))).andReturn().getResponse().getContentAsString()).contains(marker);
        assertThat(mvc.perform(get("/kommune/innmeldinger").with(as(fixtures.municipality(OTHER)))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(marker);
        assertThat(mvc.perform(get("/krise/innmeldinger").with(as(fixtures.caseworker()))).andReturn().getResponse()
                .getContentAsString()).contains(marker);
        mvc.perform(get("/krise/innmeldinger").with(as(officer))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
        // Another municipality cannot handle it either (it reads as not found), and a decline needs a reason.
        assertThat(notifications.handle(fixtures.municipality(OTHER), id, NotificationCommand.TAKE_UP, null).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(notifications.handle(fixtures.caseworker(), id, NotificationCommand.DECLINE, " ").isSuccess()).isFalse();
        assertThat(notifications.handle(fixtures.caseworker(), id, NotificationCommand.TAKE_UP, "Følges opp").value())
                .isEqualTo(NotificationStatus.TAKEN_UP);
    }

    private String mainDuf(long caseId) {
        return jdbc.sql("select duf_number from person where case_id = :c and relation = 'MAIN'").param("c", caseId).query(String.class).single();
    }

    /** A ready household (1 adult, 1 child) whose refugee has started a joint application to {@code municipality}. */
    private long started(String municipality, long[] caseOut) {
        long caseId = fixtures.household(fixtures.centre(municipality), 1);
        fixtures.ready(caseId);
        caseOut[0] = caseId;
        return fastTrack.start(Actor.refugee(mainDuf(caseId), "Testa"), municipality, "Bor hos venner her").value();
    }

    @Test
    void anApplicationTheMunicipalityHasNotSignedCannotBeAccepted() {
        on();
        long[] caseId = new long[1];
        long id = started(M, caseId);

        CommandResult<FastTrackStatus> accepted = fastTrack.accept(fixtures.caseworker(), id, null);

        assertThat(accepted.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.messageKey()).isEqualTo("crisis.fastTrack.error.unsigned"));
        assertThat(fastTrack.find(id, fixtures.caseworker()).orElseThrow().status()).isEqualTo(FastTrackStatus.AWAITING_MUNICIPALITY);
        assertThat(cases.summaryForSystem(caseId[0]).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(jdbc.sql("select count(*) from proposal where case_id = :c").param("c", caseId[0]).query(Long.class).single()).isZero();
        // Another municipality cannot sign it: it reads as not found.
        assertThat(fastTrack.coSign(fixtures.municipality(OTHER), id, TestClock.today().plusDays(10)).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
    }

    @Test
    void anAcceptedApplicationIsAnAcceptedProposalThatTakesPlacesAndIsRefusedBeyondTheNumberUnlessOverridden() {
        on();
        LocalDate planned = TestClock.today().plusDays(10);
        fixtures.resetMunicipality(M);
        int year = planned.getYear();
        fixtures.decide(M, year, 2, 0);
        fixtures.decidePlannedYear(M, planned, 2, 0);
        Actor officer = fixtures.municipality(M);

        long[] first = new long[1];
        long a = started(M, first);
        assertThat(fastTrack.coSign(officer, a, planned).value()).isEqualTo(FastTrackStatus.SIGNED);
        assertThat(fastTrack.accept(fixtures.caseworker(), a, null).value()).isEqualTo(FastTrackStatus.ACCEPTED);
        assertThat(cases.summaryForSystem(first[0]).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        assertThat(jdbc.sql("select status from proposal where case_id = :c").param("c", first[0]).query(String.class).single())
                .isEqualTo("ACCEPTED");
        assertThat(places.placesUsed(M, year).acceptedNotSettled()).isEqualTo(2);

        long[] second = new long[1];
        long b = started(M, second);
        fastTrack.coSign(officer, b, planned).value();
        CommandResult<FastTrackStatus> beyond = fastTrack.accept(fixtures.caseworker(), b, null);
        assertThat(beyond.isSuccess()).as("beyond the decided number").isFalse();
        assertThat(fastTrack.find(b, fixtures.caseworker()).orElseThrow().status()).isEqualTo(FastTrackStatus.SIGNED);
        assertThat(cases.summaryForSystem(second[0]).orElseThrow().status()).as("nothing half-saved").isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(jdbc.sql("select count(*) from proposal where case_id = :c").param("c", second[0]).query(Long.class).single()).isZero();
        assertThat(places.placesUsed(M, year).acceptedNotSettled()).isEqualTo(2);

        assertThat(fastTrack.accept(fixtures.caseworker(), b, "Kommunen har bolig klar; vedtak om flere plasser kommer").value())
                .isEqualTo(FastTrackStatus.ACCEPTED);
        assertThat(places.placesUsed(M, year).acceptedNotSettled()).isEqualTo(4);
    }

    @Test
    void aRefugeeStartsOnlyTheirOwnAndOnlyOneOpenApplicationWhileCrisisModeIsOn() {
        long caseId = fixtures.household(fixtures.centre(M), 0);
        Actor refugee = Actor.refugee(mainDuf(caseId), "Testa");
        assertThat(fastTrack.start(refugee, M, null).isSuccess()).as("crisis mode off").isFalse();
        on();
        long id = fastTrack.start(refugee, M, null).value();
        assertThat(fastTrack.start(refugee, OTHER, null).failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.messageKey()).isEqualTo("crisis.fastTrack.error.open"));
        assertThat(fastTrack.forRefugee(Actor.refugee(Fixtures.duf(), "Annen"))).isEmpty();
        assertThat(fastTrack.withdraw(Actor.refugee(Fixtures.duf(), "Annen"), id).failure()).isInstanceOf(CommandFailure.NotFound.class);
        assertThat(fastTrack.withdraw(refugee, id).value()).isEqualTo(FastTrackStatus.WITHDRAWN);
    }

    @Test
    void crisisModeSetsTheRoundSize() {
        for (int i = 0; i < 2; i++) {
            fixtures.ready(fixtures.household(fixtures.centre(M), 0));
        }
        modes.switchOn(fixtures.planner(), new CrisisSettings(TestClock.today(), null, "Store runder", null, null, null, null, 1)).value();
        long runId = runs.propose(fixtures.caseworker(), CaseFilter.none()).value();
        assertThat(runs.find(runId).orElseThrow().items()).hasSize(1);
    }

    @Test
    void thePublicStatisticsShowDailyFiguresWhileCrisisModeIsOn() throws Exception {
        String off = mvc.perform(get("/offentlig/statistikk")).andReturn().getResponse().getContentAsString();
        assertThat(off).doesNotContain("id=\"crisis-figures\"");
        on();
        String page = mvc.perform(get("/offentlig/statistikk")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"crisis-figures\"").contains("Under midlertidig mottaksordning");
        assertThat(List.of(page)).noneMatch(p -> p.contains("??"));
    }
}
