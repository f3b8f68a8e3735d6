package no.bosetting.selfsettlement.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.selfsettlement.DecisionTarget;
import no.bosetting.shared.TimeConfig;
import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Self-settlement requests that wait too long: forwarded requests past the agency's target of 3
 * working days (to the agency), and requests the municipality has had for more than
 * {@code check-days} days without forwarding or refusing (to the municipality's officers).
 */
@Component
class SelfSettlementDeadlineRule implements DeadlineRule {

    private final JdbcClient jdbc;
    private final int checkDays;

    private final no.bosetting.shared.Words words;
    private static final java.time.format.DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    public SelfSettlementDeadlineRule(JdbcClient jdbc, @Value("${bosetting.self-settlement.check-days:5}") int checkDays,
                                      no.bosetting.shared.Words words) {
        this.words = words;
        this.jdbc = jdbc;
        this.checkDays = checkDays;
    }

    @Override
    public String code() {
        return "self-settlement";
    }

    @Override
    public List<DueItem> evaluate(LocalDate today) {
        List<DueItem> items = new ArrayList<>();
        jdbc.sql("""
                select r.id, r.case_id, r.municipality_number, r.status, r.created_at, r.forwarded_at, c.reference
                from self_settlement_request r join settlement_case c on c.id = r.case_id
                where r.status in ('REQUESTED', 'UNDER_MUNICIPAL_CHECK', 'FORWARDED')
                """)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    long caseId = rs.getLong(2);
                    String municipality = rs.getString(3);
                    String reference = rs.getString(7);
                    if ("FORWARDED".equals(rs.getString(4))) {
                        LocalDate due = day(rs.getObject(6, OffsetDateTime.class));
                        due = DecisionTarget.due(due);
                        if (today.isAfter(due)) {
                            items.add(DueItem.worded(words, "request:" + id, "overdue", "agency",
                                    DueItem.Text.of("work.selfSettlement.overdue", reference),
                                    DueItem.Text.of("work.selfSettlement.overdue.detail", DATE.format(due)),
                                    caseId, due, "/selvbosetting/" + id));
                        }
                    } else {
                        LocalDate due = day(rs.getObject(5, OffsetDateTime.class)).plusDays(checkDays);
                        if (today.isAfter(due)) {
                            items.add(DueItem.worded(words, "request:" + id, "check-overdue", "municipality:" + municipality,
                                    DueItem.Text.of("work.selfSettlement.check", reference),
                                    DueItem.Text.of("work.selfSettlement.check.detail", DATE.format(due.minusDays(checkDays))),
                                    caseId, due, "/kommune/selvbosetting/" + id));
                        }
                    }
                    return id;
                })
                .list();
        return items;
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(TimeConfig.OSLO).toLocalDate();
    }
}
