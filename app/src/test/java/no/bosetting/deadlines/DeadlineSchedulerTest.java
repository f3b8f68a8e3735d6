package no.bosetting.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import net.javacrumbs.shedlock.core.LockProvider;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.proposals.ProposalAnswerDeadlines;
import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scheduler: two instances (threads) running the rules at once notify once, a failing rule does not
 * stop the others, an item leaves the work list when resolved, and nobody sees another unit's items.
 */
@IntegrationTest
class DeadlineSchedulerTest extends DeadlinesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Outbox outbox;
    @Autowired
    LockProvider lockProvider;
    @Autowired
    java.time.Clock clock;

    @Test
    void runningTheRulesTwiceOrOnTwoInstancesAtOnceNotifiesOnce() throws Exception {
        String halden = "3101";
        Actor officer = officerWithEmail(halden);
        LocalDate sent = TestClock.today().plusDays(60);
        long caseId = readyHousehold(2, TestClock.today().minusDays(15));
        long proposalId = on(sent, () -> fixtures.propose(caseId, halden));
        String reference = jdbc.sql("select reference from settlement_case where id = :id").param("id", caseId)
                .query(String.class).single();

        // Two instances at the same moment, without the scheduler lock: the database lets one notify.
        concurrently(() -> onDay(sent.plusDays(5), () -> scheduler.runAll()));
        assertThat(notifications(officer, reference)).isEqualTo(1);
        // And again, through the ShedLock lock, twice at once and once more afterwards.
        concurrently(() -> onDay(sent.plusDays(5), () -> scheduler.runLocked()));
        onDay(sent.plusDays(6), () -> scheduler.runAll());
        assertThat(notifications(officer, reference)).isEqualTo(1);
        assertThat(workItems.forItem(ProposalAnswerDeadlines.CODE, "proposal:" + proposalId)).hasSize(1);
    }

    @Test
    void aFailingRuleIsLoggedAndTheOthersStillRunAndAResolvedItemLeavesTheWorkList() throws Exception {
        Actor officer = fixtures.municipality("1577");
        String title = "Testoppgave " + Fixtures.next();
        AtomicBoolean due = new AtomicBoolean(true);
        DeadlineRule failing = rule("failing-" + Fixtures.next(), today -> {
            throw new IllegalStateException("rule broken");
        });
        DeadlineRule reporting = rule("reporting-" + Fixtures.next(), today -> due.get()
                ? List.of(new DueItem("thing:1", "reminder", "municipality:1577", title, "Gjør det.", null, today.minusDays(1),
                "/kommune")) : List.of());
        DeadlineScheduler own = new DeadlineScheduler(List.of(failing, reporting), jdbc, tx, clock, outbox, workItems,
                lockProvider, false, java.time.Duration.ofMinutes(1));

        DeadlineScheduler.RunReport report = own.runAll();
        assertThat(report.failedRules()).containsExactly(failing.code());
        assertThat(report.reported()).containsEntry(reporting.code(), 1);
        mvc.perform(get("/oppgaver").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("Forfalt")));

        due.set(false);
        own.runAll();
        mvc.perform(get("/oppgaver").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"oppgave-"
                        + workItems.forItem(reporting.code(), "thing:1").get(0).id() + "\""))));
        assertThat(workItems.forItem(reporting.code(), "thing:1")).allMatch(i -> i.resolvedAt() != null);
    }

    @Test
    void eachPersonSeesOnlyTheirOwnAndTheirUnitsItems() throws Exception {
        String a = "Oppgave for Volda " + Fixtures.next();
        String b = "Oppgave for Andøy " + Fixtures.next();
        String agency = "Oppgave for IMDi " + Fixtures.next();
        String personal = "Personlig oppgave " + Fixtures.next();
        Actor volda = fixtures.municipality("1577");
        Actor andoy = fixtures.municipality("1871");
        Actor caseworker = fixtures.caseworker();
        Actor reception = fixtures.reception(fixtures.centre("3403"));
        DeadlineRule rule = rule("scope-" + Fixtures.next(), today -> List.of(
                new DueItem("x:1", "reminder", "municipality:1577", a, "", null, today.plusDays(3), "/kommune"),
                new DueItem("x:2", "reminder", "municipality:1871", b, "", null, today.plusDays(3), "/kommune"),
                new DueItem("x:3", "escalated", "agency", agency, "", null, today, "/forslag"),
                new DueItem("x:4", "reminder", caseworker.username(), personal, "", null, today, "/saker")));
        new DeadlineScheduler(List.of(rule), jdbc, tx, clock, outbox, workItems, lockProvider, false,
                java.time.Duration.ofMinutes(1)).runAll();

        mvc.perform(get("/oppgaver").with(as(volda))).andExpect(status().isOk())
                .andExpect(content().string(containsString(a))).andExpect(content().string(not(containsString(b))))
                .andExpect(content().string(not(containsString(agency))));
        mvc.perform(get("/oppgaver").with(as(andoy))).andExpect(status().isOk())
                .andExpect(content().string(containsString(b))).andExpect(content().string(not(containsString(a))));
        // The agency's list is long (every long-waiting household of the shared test database): check it in full.
        assertThat(workItems.open(caseworker, WorkItems.Sort.NEWEST, 100_000)).extracting(WorkItem::title)
                .contains(agency, personal).doesNotContain(a, b);
        mvc.perform(get("/oppgaver").param("sort", "nyeste").with(as(caseworker))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(a))));
        mvc.perform(get("/oppgaver").with(as(reception))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(a)))).andExpect(content().string(not(containsString(agency))));
        mvc.perform(get("/oppgaver").with(as(fixtures.planner()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(agency))));
        assertThat(workItems.openCount(volda)).isEqualTo(workItems.open(volda, WorkItems.Sort.DUE, 10_000).size());
        // The administrator sees the outbox health on the same page.
        mvc.perform(get("/oppgaver").with(as(new Actor("admin-frist-" + Fixtures.next(), "Admin", Role.AGENCY_ADMIN, null, null))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Utsending av varsler og e-post")))
                .andExpect(content().string(containsString("Levert siste 24 timer")));
    }

    @Test
    void manyNewItemsForOneRecipientInOneRunAreAnnouncedAsOneSummaryButFewOneByOne() {
        Actor officer = officerWithEmail("1579");
        String code = "digest-" + Fixtures.next();
        AtomicBoolean many = new AtomicBoolean(true);
        DeadlineRule rule = rule(code, today -> {
            List<DueItem> items = new ArrayList<>();
            int n = many.get() ? DeadlineScheduler.DIGEST_ABOVE + 3 : DeadlineScheduler.DIGEST_ABOVE + 5;
            for (int i = 0; i < n; i++) {
                items.add(new DueItem(code + ":" + i, "reminder", "municipality:1579", "Husstand " + code + "-" + i + " venter",
                        "", null, today, "/kommune"));
            }
            return items;
        });
        DeadlineScheduler own = new DeadlineScheduler(List.of(rule), jdbc, tx, clock, outbox, workItems, lockProvider, false,
                java.time.Duration.ofMinutes(1));

        own.runAll();
        assertThat(outboxSubjects(officer, code)).isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r and subject = :s")
                .param("r", officer.username()).param("s", (DeadlineScheduler.DIGEST_ABOVE + 3) + " nye oppgaver i arbeidslisten")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(workItems.forItem(code, code + ":0")).hasSize(1);

        // The next run brings two more: few enough to be announced one by one.
        many.set(false);
        own.runAll();
        assertThat(outboxSubjects(officer, code)).containsExactlyInAnyOrder(
                "Husstand " + code + "-" + (DeadlineScheduler.DIGEST_ABOVE + 3) + " venter",
                "Husstand " + code + "-" + (DeadlineScheduler.DIGEST_ABOVE + 4) + " venter");
    }

    private List<String> outboxSubjects(Actor recipient, String code) {
        return jdbc.sql("select subject from outbox_message where recipient = :r and subject like :s")
                .param("r", recipient.username()).param("s", "Husstand " + code + "-%").query(String.class).list();
    }

    private static DeadlineRule rule(String code, java.util.function.Function<LocalDate, List<DueItem>> evaluate) {
        return new DeadlineRule() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public List<DueItem> evaluate(LocalDate today) {
                return evaluate.apply(today);
            }
        };
    }

    private static void concurrently(Runnable task) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    task.run();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
