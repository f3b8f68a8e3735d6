package no.bosetting.deadlines;

import java.time.LocalDate;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import no.bosetting.access.Actor;
import no.bosetting.cases.LongWaitingDeadlines;
import no.bosetting.decisions.SettlementDateDeadlines;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.ProposalAnswerDeadlines;
import no.bosetting.proposals.Proposals;
import no.bosetting.proposals.RejectionReason;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deadline rule's stages on the right days, with a controlled clock; one notification per stage. */
@IntegrationTest
class DeadlineRulesTest extends DeadlinesIntegrationTest {

    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;

    @Test
    void aProposalIsRemindedAtDayFiveOverdueAtDaySevenAndEscalatedToTheAgencyAtDayEight() throws Exception {
        String andoy = "1871";
        Actor officer = officerWithEmail(andoy);
        Actor caseworker = caseworkerWithEmail();
        LocalDate sent = TestClock.today().plusDays(30);
        long caseId = readyHousehold(1, TestClock.today().minusDays(20));
        long proposalId = on(sent, () -> fixtures.propose(caseId, andoy));
        String key = "proposal:" + proposalId;
        String reference = proposals.find(proposalId, fixtures.caseworker()).orElseThrow().caseReference();

        runRulesOn(sent.plusDays(4));
        assertThat(workItems.forItem(ProposalAnswerDeadlines.CODE, key)).isEmpty();
        assertThat(notifications(officer, reference)).isZero();

        runRulesOn(sent.plusDays(5));
        assertThat(open(key)).extracting(WorkItem::stage, WorkItem::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reminder", "municipality:" + andoy));
        assertThat(notifications(officer, reference)).isEqualTo(1);
        // The reminder arrived by e-mail too, to the officer's address, linking to the work item (the officer also got
        // an e-mail about the new distribution list itself).
        List<MimeMessage> mails = mails(officer).stream().filter(m -> subject(m).contains(reference)).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Bosetting: Svar på forslag " + reference + " innen "
                + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(sent.plusDays(7)));
        assertThat(String.valueOf(mails.get(0).getContent())).contains("/oppgaver#oppgave-" + open(key).get(0).id());

        runRulesOn(sent.plusDays(6));
        assertThat(notifications(officer, reference)).isEqualTo(1);

        runRulesOn(sent.plusDays(7));
        assertThat(open(key)).extracting(WorkItem::stage).containsExactly("overdue");
        assertThat(notifications(officer, reference)).isEqualTo(2);
        assertThat(notifications(caseworker, reference)).isZero();

        runRulesOn(sent.plusDays(8));
        assertThat(open(key)).extracting(WorkItem::stage).containsExactlyInAnyOrder("overdue", "escalated");
        assertThat(notifications(officer, reference)).isEqualTo(2);
        assertThat(notifications(caseworker, reference)).isEqualTo(1);
        assertThat(mails(caseworker)).filteredOn(m -> subject(m).contains(reference)).hasSize(1);

        // The municipality answers: every stage of the proposal is resolved at the next run.
        onDay(sent.plusDays(9), () -> assertThat(proposals.reject(fixtures.municipality(andoy), proposalId,
                RejectionReason.values()[0], "Ingen ledig bolig").isSuccess()).isTrue());
        runRulesOn(sent.plusDays(9));
        assertThat(open(key)).isEmpty();
        assertThat(workItems.forItem(ProposalAnswerDeadlines.CODE, key)).hasSize(3).allMatch(i -> i.resolvedAt() != null);
        assertThat(notifications(officer, reference)).isEqualTo(2);
    }

    @Test
    void aMissingSettlementDateGoesToTheMunicipalityAfterSevenDaysAndToTheAgencyAfterFourteen() {
        String heim = "5055";
        Actor officer = officerWithEmail(heim);
        Actor caseworker = caseworkerWithEmail();
        LocalDate sent = TestClock.today().plusDays(30);
        LocalDate planned = sent.plusDays(20);
        long caseId = readyHousehold(0, TestClock.today().minusDays(20));
        fixtures.decide(heim, planned.getYear(), 500, 50);
        long proposalId = on(sent, () -> fixtures.propose(caseId, heim));
        onDay(sent.plusDays(1), () -> proposals.accept(fixtures.municipality(heim), proposalId,
                fixtures.plannedDates(caseId, planned), null).value());
        String key = "case:" + caseId;
        String reference = proposals.find(proposalId, fixtures.caseworker()).orElseThrow().caseReference();

        runRulesOn(planned.plusDays(6));
        assertThat(workItems.forItem(SettlementDateDeadlines.CODE, key)).isEmpty();

        runRulesOn(planned.plusDays(7));
        assertThat(open(SettlementDateDeadlines.CODE, key)).extracting(WorkItem::stage, WorkItem::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("municipality", "municipality:" + heim));
        assertThat(notifications(officer, reference)).isEqualTo(1);

        runRulesOn(planned.plusDays(13));
        assertThat(open(SettlementDateDeadlines.CODE, key)).extracting(WorkItem::stage).containsExactly("municipality");
        assertThat(notifications(caseworker, reference)).isZero();

        runRulesOn(planned.plusDays(14));
        assertThat(open(SettlementDateDeadlines.CODE, key)).extracting(WorkItem::stage)
                .containsExactlyInAnyOrder("municipality", "escalated");
        assertThat(notifications(caseworker, reference)).isEqualTo(1);
        assertThat(notifications(officer, reference)).isEqualTo(1);

        // The municipality registers the date for every member: both items are resolved.
        onDay(planned.plusDays(15), () -> {
            for (SettlementDecision d : decisions.forCase(caseId)) {
                decisions.registerSettlementDate(d.id(), planned.plusDays(2), null, fixtures.municipality(heim)).value();
            }
        });
        runRulesOn(planned.plusDays(15));
        assertThat(open(SettlementDateDeadlines.CODE, key)).isEmpty();
    }

    @Test
    void householdsPastTheThreeAndSixMonthTargetsAreReportedToTheAgencyOnTheDayAfterTheTarget() {
        LocalDate permit = TestClock.today().minusDays(10);
        long family = fixtures.household(fixtures.centre("3403"), 1, permit);
        long single = fixtures.household(fixtures.centre("3403"), 0, permit);

        runRulesOn(permit.plusMonths(3));
        assertThat(open(LongWaitingDeadlines.CODE, "case:" + family)).isEmpty();

        runRulesOn(permit.plusMonths(3).plusDays(1));
        assertThat(open(LongWaitingDeadlines.CODE, "case:" + family)).extracting(WorkItem::stage, WorkItem::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("past-3-months", "agency"));
        assertThat(open(LongWaitingDeadlines.CODE, "case:" + single)).isEmpty();

        runRulesOn(permit.plusMonths(6));
        assertThat(open(LongWaitingDeadlines.CODE, "case:" + family)).extracting(WorkItem::stage).containsExactly("past-3-months");
        assertThat(open(LongWaitingDeadlines.CODE, "case:" + single)).isEmpty();

        runRulesOn(permit.plusMonths(6).plusDays(1));
        assertThat(open(LongWaitingDeadlines.CODE, "case:" + family)).extracting(WorkItem::stage).containsExactly("past-6-months");
        assertThat(open(LongWaitingDeadlines.CODE, "case:" + single)).extracting(WorkItem::stage, WorkItem::dueDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("past-6-months", permit.plusMonths(6)));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<WorkItem> open(String key) {
        return open(ProposalAnswerDeadlines.CODE, key);
    }

    private List<WorkItem> open(String rule, String key) {
        return workItems.forItem(rule, key).stream().filter(i -> i.resolvedAt() == null).toList();
    }
}
