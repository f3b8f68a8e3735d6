package no.bosetting.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import no.bosetting.applications.ApplicationForm;
import no.bosetting.applications.DeadlineStartRule;
import no.bosetting.cases.LivingSituation;
import no.bosetting.shared.TimeConfig;

/**
 * Private residents apply before they are mapped (issue 20 item 5): every private household that is interviewed in
 * the plan sends its application after the permit and has it accepted before the interview. A few households are the
 * late applications of the demo: they let the six-month deadline pass (the daily run ends their right and closes the
 * case), apply late, and the designated group accepts on the discretionary path, which brings the case back into
 * mapping; their interview and allocation follow after that.
 */
final class PrivateResidentApplications {

    /** How many households show a late application accepted on the discretionary path. */
    static final int LATE = 2;

    private PrivateResidentApplications() {
    }

    /**
     * Moves the interview of a few private households imported long enough ago to after a late application's
     * acceptance (before the allocation is planned, which starts from the interview). Returns their indexes.
     */
    static List<Integer> makeLate(List<HouseholdDraft> drafts, Instant now) {
        List<Integer> late = new ArrayList<>();
        for (HouseholdDraft d : drafts) {
            if (late.size() >= LATE) {
                break;
            }
            if (d.living != LivingSituation.PRIVATE || d.interviewAt == null || d.closeAt != null || d.selfSettlement != null) {
                continue;
            }
            Instant interview = accepted(d).plus(Duration.ofDays(5));
            if (!interview.isBefore(now.minus(Duration.ofDays(60)))) {
                continue;
            }
            Duration shift = Duration.between(d.interviewAt, interview);
            d.interviewAt = interview;
            if (d.eligibleAt != null) {
                d.eligibleAt = d.eligibleAt.plus(shift);
            }
            late.add(d.index);
        }
        return late;
    }

    /**
     * One private household that never applies: its deadline passes and the daily run takes it out of the flow, where it
     * stays (APPLICATION_DEADLINE_MISSED). Its interview and allocation are taken out of the plan.
     */
    static List<Integer> makeLapsed(List<HouseholdDraft> drafts, Instant now, List<Integer> late) {
        for (HouseholdDraft d : drafts) {
            if (d.living == LivingSituation.PRIVATE && d.interviewAt != null && d.closeAt == null && d.selfSettlement == null
                    && !late.contains(d.index) && lastDay(d).plusDays(3).atStartOfDay(TimeConfig.OSLO).toInstant().isBefore(now)) {
                d.interviewAt = null;
                d.eligibleAt = null;
                return List.of(d.index);
            }
        }
        return List.of();
    }

    /**
     * One private household whose application is refused: the right ends and the case is closed, so its interview and
     * allocation are taken out of the plan.
     */
    static List<Integer> makeRefused(List<HouseholdDraft> drafts, Instant now, List<Integer> taken) {
        for (HouseholdDraft d : drafts) {
            if (d.living == LivingSituation.PRIVATE && d.interviewAt != null && d.closeAt == null && d.selfSettlement == null
                    && !taken.contains(d.index) && d.importAt.plus(Duration.ofDays(10)).isBefore(now)) {
                d.interviewAt = null;
                d.eligibleAt = null;
                return List.of(d.index);
            }
        }
        return List.of();
    }

    /**
     * The applications: sent and accepted between the permit and the interview, late for the households made late, and
     * refused for the household made refused.
     */
    static List<DemoPlan.Event> plan(List<HouseholdDraft> drafts, List<Integer> late, List<Integer> refused, SplittableRandom r) {
        List<DemoPlan.Event> events = new ArrayList<>();
        for (HouseholdDraft d : drafts) {
            if (refused.contains(d.index)) {
                events.add(new DemoPlan.SendApplication(d.importAt.plus(Duration.ofDays(2)), d.index, form(d)));
                events.add(new DemoPlan.HandleApplication(d.importAt.plus(Duration.ofDays(6)), d.index, false,
                        "Husstanden har selv skaffet bolig og fast arbeid og har ikke behov for bosetting med offentlig hjelp."));
                continue;
            }
            if (d.living != LivingSituation.PRIVATE || d.interviewAt == null) {
                continue;
            }
            if (late.contains(d.index)) {
                events.add(new DemoPlan.SendApplication(lastDay(d).plusDays(4).atTime(LocalTime.of(10, 30)).atZone(TimeConfig.OSLO)
                        .toInstant(), d.index, form(d)));
                events.add(new DemoPlan.HandleApplication(accepted(d), d.index, true, null));
                continue;
            }
            long gapMinutes = ChronoUnit.MINUTES.between(d.importAt, d.interviewAt);
            Instant send = d.importAt.plus(Duration.ofMinutes(gapMinutes / 5 + r.nextLong(Math.max(1, gapMinutes / 5))));
            Instant accept = send.plus(Duration.ofMinutes(gapMinutes / 4 + r.nextLong(Math.max(1, gapMinutes / 5))));
            if (!accept.isBefore(d.interviewAt.minus(Duration.ofHours(1)))) {
                send = d.importAt.plus(Duration.ofMinutes(10));
                accept = d.importAt.plus(Duration.ofMinutes(20));
            }
            events.add(new DemoPlan.SendApplication(send, d.index, form(d)));
            events.add(new DemoPlan.HandleApplication(accept, d.index, true, null));
        }
        return events;
    }

    /** The last day to apply in time under the default start rule (the permit date). */
    private static LocalDate lastDay(HouseholdDraft d) {
        return DeadlineStartRule.PERMIT_DATE.deadline(d.permitDate, null, null).lastDay();
    }

    /** The late application is accepted a week after the deadline, by the designated group. */
    private static Instant accepted(HouseholdDraft d) {
        return lastDay(d).plusDays(8).atTime(LocalTime.of(13, 15)).atZone(TimeConfig.OSLO).toInstant();
    }

    private static ApplicationForm form(HouseholdDraft d) {
        return new ApplicationForm(false, d.familyMunicipality, d.familyMunicipality == null ? null : "Vi bor hos familie her.",
                d.adaptation ? "Bolig uten trapper." : null, false, null, null, "false", null, null, null, null, null, null,
                null, null, null);
    }
}
