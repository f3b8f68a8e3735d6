package no.bosetting.applications;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.selfservice.RefugeeSupport;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The application from a private resident: draft, send (also before the permit), deadline, queue, handling. */
@IntegrationTest
class SettlementApplicationLifecycleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    no.bosetting.cases.HouseholdsLivingOutsideReception living;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermitImport permits;
    @Autowired
    SettlementApplications applications;
    @Autowired
    CaseQueries cases;
    @Autowired
    Fixtures fixtures;

    private static ApplicationForm form(String canStay, String address, String municipality) {
        return new ApplicationForm(false, "4601", "Søster i Bergen", null, false, null, "Katt", canStay, address, municipality,
                null, null, null, null, null, null, null);
    }

    @Test
    void anApplicationSentBeforeThePermitIsLinkedWhenThePermitArrives() {
        String duf = Fixtures.duf();
        Actor refugee = Actor.refugee(duf, "Test");
        SettlementApplication sent = applications.save(refugee, form("true", "Storgata 1", "0301"), true).value();
        assertThat(sent.caseId()).isNull();
        assertThat(sent.deadline()).isNull();
        assertThat(sent.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(applications.queue(new QueueFilter(null, null, null, true), fixtures.caseworker()))
                .anyMatch(q -> q.id() == sent.id() && q.withoutPermit());
        CommandResult<ApplicationStatus> tooEarly = applications.accept(sent.id(), fixtures.caseworker());
        assertThat(tooEarly.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(tooEarly.failure().messageKey()).isEqualTo("app.error.noPermit");

        LocalDate permitDate = TestClock.today().minusDays(10);
        long caseId = RefugeeSupport.privateHousehold(permits, duf, permitDate, "0301");
        QueueItem linked = applications.queue(QueueFilter.open(), fixtures.caseworker()).stream()
                .filter(q -> q.id() == sent.id()).findFirst().orElseThrow();
        assertThat(linked.caseId()).isEqualTo(caseId);
        assertThat(linked.deadline()).isEqualTo(permitDate.plusMonths(6));
        assertThat(linked.late()).isFalse();
        SettlementApplication own = applications.forRefugee(refugee).orElseThrow();
        assertThat(own.deadline().rule()).isEqualTo(DeadlineStartRule.PERMIT_DATE);
        assertThat(own.deadline().start()).isEqualTo(permitDate);
    }

    @Test
    void acceptingKeepsTheCaseUnderMappingAndPrivateWritesHistoryAndTellsTheRefugee() {
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(30), "0301");
        Actor refugee = Actor.refugee(duf, "Test");
        long id = applications.save(refugee, form("false", null, null), true).value().id();
        assertThat(applications.accept(id, fixtures.planner()).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(applications.accept(id, fixtures.caseworker()).value()).isEqualTo(ApplicationStatus.ACCEPTED);
        var summary = cases.summaryForSystem(caseId).orElseThrow();
        assertThat(summary.status()).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(summary.livingSituation()).isEqualTo(LivingSituation.PRIVATE);
        assertThat(cases.history(caseId)).extracting(h -> h.command()).contains("APPLICATION_SUBMITTED", "APPLICATION_ACCEPTED");
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r and subject like '%godtatt%'")
                .param("r", "duf:" + duf).query(Long.class).single()).isEqualTo(1);
        CommandResult<ApplicationStatus> again = applications.refuse(id, fixtures.caseworker(), "for sent");
        assertThat(again.failure()).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(applications.accept(999_999_999L, fixtures.caseworker()).failure()).isInstanceOf(CommandFailure.NotFound.class);
        // A sent application cannot be changed by the refugee.
        assertThat(applications.save(refugee, form("true", "Ny vei 2", "0301"), false).failure())
                .isInstanceOf(CommandFailure.WrongState.class);
    }

    @Test
    void aLateApplicationGoesToTheDiscretionaryQueueAndRefusalNeedsAReason() throws Exception {
        String duf = Fixtures.duf();
        RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusMonths(7), "0301");
        long id = applications.save(Actor.refugee(duf, "Test"), form("false", null, null), true).value().id();
        assertThat(applications.queue(new QueueFilter(ApplicationStatus.SUBMITTED, true, null, null), fixtures.caseworker()))
                .anyMatch(q -> q.id() == id && q.late());
        mvc.perform(get("/soknader").param("late", "true").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skjønn (etter fristen)")))
                .andExpect(content().string(containsString("/soknader/" + id)));
        mvc.perform(get("/soknader/" + id).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Olena Testenko")))
                .andExpect(content().string(containsString("Søster i Bergen")));
        assertThat(jdbc.sql("select count(*) from person_access_log where purpose = 'søknad om bosetting' and username = 'saksbehandler-test'")
                .query(Long.class).single()).isPositive();
        mvc.perform(post("/soknader/" + id + "/avslaa").with(csrf()).with(as(fixtures.caseworker())).param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv en begrunnelse")))
                .andExpect(content().string(containsString("id=\"reason-error\"")));
        mvc.perform(post("/soknader/" + id + "/avslaa").with(csrf()).with(as(fixtures.caseworker())).param("reason", "Bor ikke privat"))
                .andExpect(redirectedUrl("/soknader/" + id));
        MockHttpSession session = RefugeeSupport.signIn(mvc, jdbc, duf);
        mvc.perform(get("/min-side/soknad").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Avslått")))
                .andExpect(content().string(containsString("Bor ikke privat")));
    }

    @Test
    void theFormShowsErrorsNextToFieldsAndNeverLosesTheSavedDraft() throws Exception {
        String duf = Fixtures.duf();
        RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(40), "0301");
        MockHttpSession session = RefugeeSupport.signIn(mvc, jdbc, duf);
        mvc.perform(post("/min-side/soknad").session(session).with(csrf()).param("action", "save")
                        .param("tiesDescription", "Bror i Tromsø").param("pets", "Hund"))
                .andExpect(redirectedUrl("/min-side/soknad"));
        mvc.perform(post("/min-side/soknad").session(session).with(csrf()).param("action", "submit")
                        .param("tiesDescription", "Endret tekst").param("healthDetails", "Astma")
                        .param("tiesMunicipality", "9999").param("canStay", "true")
                        .param("unaccompaniedMinor", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("Kryss av for samtykke")))
                .andExpect(content().string(containsString("Kommunenummeret 9999 finnes ikke")))
                .andExpect(content().string(containsString("Skriv adressen der du bor nå")))
                .andExpect(content().string(containsString("Skriv hvem barnet bor hos")))
                .andExpect(content().string(containsString("Skriv navnet på barnets representant")))
                .andExpect(content().string(containsString("Endret tekst")));
        SettlementApplication draft = applications.forRefugee(Actor.refugee(duf, "Test")).orElseThrow();
        assertThat(draft.status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(draft.answers().tiesDescription()).isEqualTo("Bror i Tromsø");
        assertThat(draft.answers().pets()).isEqualTo("Hund");
        mvc.perform(get("/min-side/soknad").session(session))
                .andExpect(content().string(containsString("Bror i Tromsø")))
                .andExpect(content().string(containsString("dager igjen")));
        mvc.perform(post("/min-side/soknad").session(session).with(csrf()).param("action", "submit")
                        .param("tiesDescription", "Bror i Tromsø").param("canStay", "true").param("currentAddress", "Storgata 3")
                        .param("currentMunicipality", "0301").param("healthConsent", "true").param("healthDetails", "Astma"))
                .andExpect(redirectedUrl("/min-side/soknad"));
        SettlementApplication sent = applications.forRefugee(Actor.refugee(duf, "Test")).orElseThrow();
        assertThat(sent.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(sent.answers().healthDetails()).isEqualTo("Astma");
        assertThat(sent.deadline()).isNotNull();
    }

    @Test
    void theMunicipalitySeesPrivateResidentsInItsAreaAnonymised() throws Exception {
        String duf = Fixtures.duf();
        long caseId = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(12), "1804");
        String reference = jdbc.sql("select reference from settlement_case where id = :id").param("id", caseId).query(String.class).single();
        assertThat(living.in("1804")).anyMatch(c -> c.id() == caseId);
        mvc.perform(get("/kommune/i-kommunen").with(as(fixtures.municipality("1804"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Privatboende")))
                .andExpect(content().string(not(containsString("Olena"))))
                .andExpect(content().string(not(containsString(duf))))
                .andExpect(content().string(not(containsString(reference))));
        assertThat(living.in("5634")).noneMatch(c -> c.id() == caseId);
    }

    @Test
    void theDeadlineRulesRemindPrivateResidentsAndTheAgency() {
        String duf = Fixtures.duf();
        LocalDate permit = TestClock.today().minusMonths(6).plusDays(5);
        long caseId = RefugeeSupport.privateHousehold(permits, duf, permit, "0301");
        List<no.bosetting.shared.deadlines.DeadlineRule> rules = context.getBeansOfType(no.bosetting.shared.deadlines.DeadlineRule.class)
                .values().stream().filter(r -> r.code().startsWith("application-")).toList();
        assertThat(rules).hasSize(2);
        var deadlineRule = rules.stream().filter(r -> r.code().equals("application-deadline")).findFirst().orElseThrow();
        assertThat(deadlineRule.evaluate(TestClock.today()))
                .anyMatch(i -> i.recipient().equals("duf:" + duf) && i.stage().equals("7-days") && caseId == i.caseId());
        long id = applications.save(Actor.refugee(duf, "Test"), form("false", null, null), true).value().id();
        assertThat(deadlineRule.evaluate(TestClock.today())).noneMatch(i -> i.recipient().equals("duf:" + duf));
        var handling = rules.stream().filter(r -> r.code().equals("application-handling")).findFirst().orElseThrow();
        assertThat(handling.evaluate(TestClock.today().plusDays(15)))
                .anyMatch(i -> i.itemKey().equals("application:" + id) && i.stage().equals("overdue") && i.recipient().equals("agency"));
    }

    @Autowired
    org.springframework.context.ApplicationContext context;
}
