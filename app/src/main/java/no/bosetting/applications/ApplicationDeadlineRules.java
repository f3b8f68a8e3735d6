package no.bosetting.applications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.cases.CaseQueries;
import no.bosetting.shared.TimeConfig;
import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application deadlines as rules for the deadline scheduler: private residents approaching their
 * six-month deadline without a sent application (30 and 7 days before), and sent applications waiting
 * for the agency (reminder after a week, overdue after two).
 */
@Configuration(proxyBeanMethods = false)
class ApplicationDeadlineRules {

    static final int FIRST_REMINDER_DAYS = 30;
    static final int LAST_REMINDER_DAYS = 7;
    static final int HANDLING_DAYS = 14;
    private static final java.time.format.DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    @Bean
    DeadlineRule privateResidentApplicationDeadline(CaseQueries cases, SettlementApplications applications,
                                                    no.bosetting.shared.Words words) {
        return new DeadlineRule() {
            @Override
            public String code() {
                return "application-deadline";
            }

            @Override
            public List<DueItem> evaluate(LocalDate today) {
                List<DueItem> items = new ArrayList<>();
                for (CaseQueries.PrivateResident r : cases.privateResidentsUnderMapping()) {
                    ApplicationDeadline deadline = applications.startRule().deadline(r.permitDate(), null, null);
                    long left = deadline.daysLeft(today);
                    if (left < 0 || left > FIRST_REMINDER_DAYS || applications.hasSentApplication(r.dufNumber())) {
                        continue;
                    }
                    String stage = left <= LAST_REMINDER_DAYS ? "7-days" : "30-days";
                    String lastDay = DATE.format(deadline.lastDay());
                    items.add(DueItem.worded(words, "duf:" + r.dufNumber(), stage, "duf:" + r.dufNumber(),
                            DueItem.Text.of("work.applicationDeadline", lastDay),
                            DueItem.Text.of("work.applicationDeadline.detail" + (left == 1 ? ".one" : ".other"), lastDay,
                                    String.valueOf(left)),
                            r.caseId(), deadline.lastDay(), "/min-side/soknad"));
                }
                return items;
            }
        };
    }

    @Bean
    DeadlineRule applicationsWaitingForHandling(SettlementApplications applications, no.bosetting.shared.Words words) {
        return new DeadlineRule() {
            @Override
            public String code() {
                return "application-handling";
            }

            @Override
            public List<DueItem> evaluate(LocalDate today) {
                List<DueItem> items = new ArrayList<>();
                for (QueueItem q : applications.waiting()) {
                    if (q.submittedAt() == null || q.withoutPermit()) {
                        continue; // handled only after the permit
                    }
                    LocalDate due = q.submittedAt().atZoneSameInstant(TimeConfig.OSLO).toLocalDate().plusDays(HANDLING_DAYS);
                    String stage = today.isAfter(due) ? "overdue" : (q.daysWaiting() >= LAST_REMINDER_DAYS ? "reminder" : null);
                    if (stage == null) {
                        continue;
                    }
                    items.add(DueItem.worded(words, "application:" + q.id(), stage, "agency",
                            DueItem.Text.of(q.late() ? "work.applicationWaiting.late" : "work.applicationWaiting", q.caseReference()),
                            DueItem.Text.of("work.applicationWaiting.detail",
                                    DATE.format(q.submittedAt().atZoneSameInstant(TimeConfig.OSLO).toLocalDate())),
                            q.caseId(), due, "/soknader/" + q.id()));
                }
                return items;
            }
        };
    }
}
