package no.bosetting.proposals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import no.bosetting.shared.deadlines.DueItem.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The municipality answers a proposal within the answer deadline (7 days). Counted in days from the
 * day the proposal was sent: a reminder to the municipality's officers from day 5, "overdue" from day
 * 7 (the answer is due), and from day 8 an escalation to the agency's caseworkers as well. Answering
 * or withdrawing the proposal resolves them all.
 */
@Component
public class ProposalAnswerDeadlines implements DeadlineRule {

    public static final String CODE = "proposal-answer";
    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final int reminderDay;
    private final int overdueDay;
    private final int escalationDay;
    private final no.bosetting.shared.Words words;

    public ProposalAnswerDeadlines(JdbcClient jdbc, Municipalities municipalities,
                                   @Value("${bosetting.deadlines.proposal-answer.reminder-day:5}") int reminderDay,
                                   @Value("${bosetting.deadlines.proposal-answer.overdue-day:7}") int overdueDay,
                                   @Value("${bosetting.deadlines.proposal-answer.escalation-day:8}") int escalationDay,
                                   no.bosetting.shared.Words words) {
        this.words = words;
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.reminderDay = reminderDay;
        this.overdueDay = overdueDay;
        this.escalationDay = escalationDay;
    }

    @Override
    public String code() {
        return CODE;
    }

    private record Pending(long id, long caseId, String reference, String municipalityNumber, LocalDate proposedOn,
                           LocalDate deadline) {
    }

    @Override
    public List<DueItem> evaluate(LocalDate today) {
        int firstDay = Math.min(reminderDay, Math.min(overdueDay, escalationDay));
        List<Pending> pending = jdbc.sql("""
                select p.id, p.case_id, c.reference, p.municipality_number,
                       (p.proposed_at at time zone 'Europe/Oslo')::date as proposed_on, p.deadline
                from proposal p join settlement_case c on c.id = p.case_id
                where p.status = 'PENDING' and (p.proposed_at at time zone 'Europe/Oslo')::date <= :latest
                order by p.id
                """)
                .param("latest", today.minusDays(firstDay))
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
                .list();
        List<DueItem> items = new ArrayList<>();
        for (Pending p : pending) {
            long day = ChronoUnit.DAYS.between(p.proposedOn(), today);
            String key = "proposal:" + p.id();
            String municipality = "municipality:" + p.municipalityNumber();
            String link = "/kommune/forslag/" + p.id();
            String deadline = DATE.format(p.deadline());
            if (day >= overdueDay) {
                items.add(DueItem.worded(words, key, "overdue", municipality, Text.of("work.proposal.overdue", p.reference()),
                        Text.of(today.isAfter(p.deadline()) ? "work.proposal.overdue.passed" : "work.proposal.overdue.today",
                                p.reference(), deadline),
                        p.caseId(), p.deadline(), link));
            } else if (day >= reminderDay) {
                items.add(DueItem.worded(words, key, "reminder", municipality, Text.of("work.proposal.reminder", p.reference(), deadline),
                        Text.of("work.proposal.reminder.detail", p.reference(), deadline), p.caseId(), p.deadline(), link));
            }
            if (day >= escalationDay) {
                String name = municipalities.name(p.municipalityNumber());
                items.add(DueItem.worded(words, key, "escalated", "agency", Text.of("work.proposal.escalated", p.reference(), name),
                        Text.of("work.proposal.escalated.detail", p.reference(), name, deadline),
                        p.caseId(), p.deadline(), "/forslag?overdue=true&municipality=" + p.municipalityNumber()));
            }
        }
        return items;
    }
}
