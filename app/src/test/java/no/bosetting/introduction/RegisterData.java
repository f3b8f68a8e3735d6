package no.bosetting.introduction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;

/** Households settled through the real commands, and their register entries recorded later by the municipality. */
public final class RegisterData {

    private final Fixtures fixtures;
    private final Interviews interviews;
    private final Proposals proposals;
    private final SettlementDecisions decisions;
    private final IntroductionRegister register;

    public RegisterData(Fixtures fixtures, Interviews interviews, Proposals proposals, SettlementDecisions decisions, IntroductionRegister register) {
        this.fixtures = fixtures;
        this.interviews = interviews;
        this.proposals = proposals;
        this.decisions = decisions;
        this.register = register;
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant();
    }

    /** Interview answers with or without education and work experience. */
    static InterviewAnswers answers(boolean skilled) {
        return new InterviewAnswers(TestClock.today().minusDays(1), "arabisk", null, null, null, null, false, null, null,
                skilled ? "Universitet" : null, skilled ? "Lærer i 8 år" : null, false, false, "arabisk", null);
    }

    /** A household of one adult and {@code children} children settled in {@code municipality} today; its case id. */
    public long settled(String municipality, int children, boolean skilled) {
        fixtures.decide(municipality, TestClock.today().getYear(), 2000, 0);
        long caseId = fixtures.household(fixtures.centre(municipality), children, TestClock.today().minusDays(40));
        interviews.record(caseId, answers(skilled), fixtures.caseworker()).value();
        long proposal = fixtures.propose(caseId, municipality);
        Actor officer = fixtures.municipality(municipality);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(officer, proposal,
                fixtures.plannedDates(caseId, TestClock.today()), null)).value();
        ids.forEach(id -> decisions.registerSettlementDate(id, TestClock.today(), null, officer).value());
        return caseId;
    }

    /**
     * Every settled person of the case completes the programme (started 10 days after settlement, completed 400 days
     * after) and gets a status 770 days after settlement — recorded then, by the municipality, through the commands.
     */
    List<Long> completeWith(long caseId, String municipality, List<OutcomeCategory> statuses) {
        Actor officer = fixtures.municipality(municipality);
        LocalDate today = TestClock.today();
        List<Long> persons = new ArrayList<>();
        decisions.forCase(caseId).forEach(d -> persons.add(d.personId()));
        ShiftableClock.runAt(noon(today.plusDays(800)), () -> {
            for (int i = 0; i < persons.size(); i++) {
                long p = persons.get(i);
                register.saveProgramme(officer, caseId, p, today.plusDays(10), today.plusDays(400)).value();
                register.addTraining(officer, caseId, p, TrainingSubject.NORWEGIAN, 550, today.plusDays(390), NorwegianLevel.B1, null).value();
                register.recordOutcome(officer, caseId, p, statuses.get(i % statuses.size()), today.plusDays(770)).value();
            }
        });
        return persons;
    }

    /**
     * Enough register data for the model: households in two municipalities, where the skilled (education and work
     * experience) are mostly in work or education and the others mostly not (seeded).
     */
    public void forModel(String a, String b, int households) {
        Random r = new Random(7);
        for (int h = 0; h < households; h++) {
            boolean skilled = h % 2 == 0;
            String m = h % 3 == 0 ? b : a;
            int children = h % 4;
            long caseId = settled(m, children, skilled);
            List<OutcomeCategory> statuses = new ArrayList<>();
            for (int p = 0; p <= children; p++) {
                boolean good = r.nextDouble() < (skilled ? 0.85 : 0.2);
                statuses.add(good ? (r.nextBoolean() ? OutcomeCategory.WORK : OutcomeCategory.BOTH) : OutcomeCategory.NEITHER);
            }
            completeWith(caseId, m, statuses);
        }
    }
}
