package no.bosetting.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import no.bosetting.access.UserAccounts;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the municipality's officers before a lease expires, so the tenant's situation is reviewed
 * in time (renew, private market, start loan). Each reminder is claimed by inserting its row in
 * {@code lease_reminder}; the primary key lets only one of several application instances send it,
 * and the outbox message is written in the same transaction.
 */
@Component
class LeaseReminders {

    /** A reminder kind and how many days before the end date it is due. */
    record Reminder(String kind, int daysBefore) {
    }

    static final List<Reminder> REMINDERS = List.of(new Reminder("EXPIRY_90", 90), new Reminder("EXPIRY_30", 30));

    private record Due(String municipalityNumber, String address, LocalDate endDate, Long caseId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Outbox outbox;
    private final UserAccounts users;
    private final TransactionTemplate tx;

    public LeaseReminders(JdbcClient jdbc, Clock clock, Outbox outbox, UserAccounts users, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.users = users;
        this.tx = tx;
    }

    @Scheduled(cron = "${bosetting.housing.reminder-cron:0 15 6 * * *}")
    public void scheduled() {
        sendDue();
    }

    /** Sends every reminder that is due and not yet sent; returns how many leases were reminded about. */
    public int sendDue() {
        Integer sent = tx.execute(status -> {
            LocalDate today = LocalDate.now(clock);
            OffsetDateTime now = OffsetDateTime.now(clock);
            int count = 0;
            for (Reminder reminder : REMINDERS) {
                List<Long> claimed = jdbc.sql("""
                        insert into lease_reminder (lease_id, kind, sent_at)
                        select l.id, :kind, :now from lease l
                        where l.status = 'ACTIVE' and l.end_date <= :due and l.end_date >= :today
                        on conflict do nothing
                        returning lease_id
                        """)
                        .param("kind", reminder.kind()).param("now", now).param("due", today.plusDays(reminder.daysBefore()))
                        .param("today", today).query(Long.class).list();
                for (Long leaseId : claimed) {
                    remind(leaseId, reminder.daysBefore());
                    count++;
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private void remind(long leaseId, int days) {
        Due due = jdbc.sql("""
                select l.municipality_number, d.address, l.end_date, l.case_id from lease l join dwelling d on d.id = l.dwelling_id
                where l.id = :id
                """)
                .param("id", leaseId)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), (Long) rs.getObject(4)))
                .single();
        for (String officer : users.usernamesForMunicipality(due.municipalityNumber())) {
            String end = Wording.date(due.endDate());
            outbox.enqueue("LEASE_EXPIRY", officer, Wording.of("housing.notice.leaseExpiry.subject", end, due.address()),
                    Wording.of("housing.notice.leaseExpiry.body", due.address(), end, String.valueOf(days)), due.caseId());
        }
    }
}
