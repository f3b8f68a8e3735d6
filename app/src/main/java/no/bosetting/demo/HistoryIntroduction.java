package no.bosetting.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.SplittableRandom;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.AnonymousMember;
import no.bosetting.cases.Relation;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.introduction.IntroductionRegister;
import no.bosetting.introduction.NorwegianLevel;
import no.bosetting.introduction.OutcomeCategory;
import no.bosetting.introduction.TrainingSubject;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The introduction register for the history's cohorts (issue 22 item 1): for a sample of the settled households
 * ({@value #EVERY}th), each adult's programme as the settling municipality records it, at each step's date — started
 * weeks after the settlement, Norwegian training and completion some two years later, and the status a year after
 * that — as far as each step lies before today. So the register holds five cohorts: the 2021–2022 ones with statuses,
 * the 2023 one completing, the 2024–2025 ones still in the programme. The chance of work or education is the
 * {@link IntroductionDemo#chance} model's (profile, never nationality or sex).
 */
@Component
@Profile("!prod")
class HistoryIntroduction {

    static final int EVERY = 10;

    private final DemoCommands commands;
    private final IntroductionRegister register;

    HistoryIntroduction(DemoCommands commands, IntroductionRegister register) {
        this.commands = commands;
        this.register = register;
    }

    /**
     * The programmes of the household's adults when it is in the sample, each step only when its date is before
     * {@code today} (the real one: the replay calls this at the settlement's moment); how many programmes were started.
     */
    int record(long caseId, int index, String municipality, LocalDate settledOn, LocalDate today, SplittableRandom r,
               java.util.function.Consumer<String> refused) {
        if (index % EVERY != 0) {
            return 0;
        }
        Actor officer = new Actor("kommune-" + municipality, "Introduksjonskontoret " + municipality, Role.MUNICIPALITY_OFFICER,
                municipality, null);
        Map<Long, AnonymousMember> members = commands.caseQueries().anonymousMembersByPerson(caseId);
        int started = 0;
        for (SettlementDecision d : commands.settlementDecisions().forCase(caseId)) {
            AnonymousMember member = members.get(d.personId());
            if (d.status() != DecisionStatus.SETTLED || member == null || member.relation() == Relation.CHILD || member.age() < 18) {
                continue;
            }
            started += programme(officer, d, settledOn, member.age(), r, today, refused) ? 1 : 0;
        }
        return started;
    }

    private boolean programme(Actor officer, SettlementDecision d, LocalDate settledOn, int age, SplittableRandom r, LocalDate today,
                              java.util.function.Consumer<String> refused) {
        LocalDate start = settledOn.plusDays(20 + r.nextInt(60));
        LocalDate end = start.plusDays(540 + r.nextInt(200));
        LocalDate measured = end.plusYears(1).plusDays(r.nextInt(30));
        boolean work = r.nextDouble() < 0.5;
        boolean education = r.nextDouble() < 0.4;
        double chance = IntroductionDemo.chance(work, education, age, null, null);
        if (!start.isBefore(today)) {
            return false;
        }
        boolean[] ok = {false};
        ShiftableClock.runAt(DemoTime.at(start, LocalTime.of(10, 0)), () -> ok[0] = check(refused, "programme", CommandResult.attempt(() ->
                register.saveProgramme(officer, d.caseId(), d.personId(), start, null))));
        if (!ok[0] || !end.isBefore(today)) {
            return ok[0];
        }
        ShiftableClock.runAt(DemoTime.at(end, LocalTime.of(11, 0)), () -> {
            NorwegianLevel level = NorwegianLevel.values()[Math.min(4, (int) (chance * 4 + r.nextDouble() * 1.5))];
            check(refused, "training", CommandResult.attempt(() -> register.addTraining(officer, d.caseId(), d.personId(),
                    TrainingSubject.NORWEGIAN, 400 + r.nextInt(500), end.minusDays(10), level, null)));
            check(refused, "completion", CommandResult.attempt(() -> register.saveProgramme(officer, d.caseId(), d.personId(), start, end)));
        });
        if (measured.isBefore(today)) {
            boolean good = r.nextDouble() < chance;
            OutcomeCategory status = !good ? OutcomeCategory.NEITHER
                    : r.nextDouble() < 0.6 ? OutcomeCategory.WORK : r.nextDouble() < 0.7 ? OutcomeCategory.EDUCATION : OutcomeCategory.BOTH;
            ShiftableClock.runAt(DemoTime.at(measured, LocalTime.of(12, 0)), () -> check(refused, "status", CommandResult.attempt(() ->
                    register.recordOutcome(officer, d.caseId(), d.personId(), status, measured))));
        }
        return true;
    }

    private static boolean check(java.util.function.Consumer<String> refused, String what, CommandResult<?> result) {
        if (!result.isSuccess()) {
            refused.accept("introduction " + what + " " + result.failure().messageKey());
        }
        return result.isSuccess();
    }
}
