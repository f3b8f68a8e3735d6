package no.bosetting.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Long-waiting households: not settled after the settlement target since the residence permit (the one rule,
 * {@link SettlementTarget}: 3 months for families with children and unaccompanied minors, 6 months for the
 * others). A household past its target is reported at stage {@code past-<months>-months}; every open household
 * past the longest target at stage {@code past-6-months}. Both go to
 * the agency's caseworkers; settling or closing the case resolves them.
 */
@Component
public class LongWaitingDeadlines implements DeadlineRule {

    public static final String CODE = "long-waiting";
    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;

    private final no.bosetting.shared.Words words;

    public LongWaitingDeadlines(JdbcClient jdbc, no.bosetting.shared.Words words) {
        this.words = words;
        this.jdbc = jdbc;
    }

    @Override
    public String code() {
        return CODE;
    }

    private record Waiting(long id, String reference, HouseholdType type, LocalDate permitDate, CaseStatus status) {
    }

    @Override
    public List<DueItem> evaluate(LocalDate today) {
        // Past the target means the due date lies before today; no household is due earlier than the short target.
        // The due date from the one rule, in SQL too: "permit before today minus 3 months" misses a permit of 30 September
        // on 31 December (30 September + 3 months = 30 December, already past).
        List<Waiting> waiting = jdbc.sql("""
                select id, reference, household_type, permit_date, status from settlement_case
                where status in ('UNDER_MAPPING', 'READY_FOR_ALLOCATION', 'PROPOSED', 'OFFERED') and %s < :today
                order by permit_date, id
                """.formatted(SettlementTarget.dueDateSql("permit_date", "household_type")))
                .param("today", today)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), HouseholdType.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), CaseStatus.valueOf(rs.getString(5))))
                .list();
        List<DueItem> items = new ArrayList<>();
        for (Waiting w : waiting) {
            LocalDate latest = SettlementTarget.latestDueDate(w.permitDate());
            LocalDate target;
            int months;
            if (latest.isBefore(today)) {
                target = latest;
                months = SettlementTarget.OTHER_MONTHS;
            } else if (SettlementTarget.isLongWaiting(w.permitDate(), w.type(), today)) {
                target = SettlementTarget.dueDate(w.permitDate(), w.type());
                months = SettlementTarget.months(w.type());
            } else {
                continue;
            }
            String stage = "past-" + months + "-months";
            // Worded in the reader's language on the work list (issue 16 point 6); the status has a sentence of its own.
            items.add(DueItem.worded(words, "case:" + w.id(), stage, "agency",
                    DueItem.Text.of("work.longWaiting", String.valueOf(months), w.reference()),
                    DueItem.Text.of("work.longWaiting.detail." + statusKey(w.status()), DATE.format(w.permitDate()),
                            String.valueOf(SettlementTarget.months(w.type()))),
                    w.id(), target, "/saker/" + w.id()));
        }
        return items;
    }

    private static String statusKey(CaseStatus status) {
        return switch (status) {
            case UNDER_MAPPING, READY_FOR_ALLOCATION, PROPOSED, OFFERED, AWAITING_APPLICATION, APPLICATION_DEADLINE_MISSED ->
                    status.name();
            default -> "other";
        };
    }
}
