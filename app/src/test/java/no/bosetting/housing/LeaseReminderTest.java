package no.bosetting.housing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import no.bosetting.access.Actor;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders before a lease ends, driven by a controlled clock, sent once even by two instances. */
@IntegrationTest
class LeaseReminderTest extends HousingIntegrationTest {

    private static final String FREDRIKSTAD = "3107";

    @Autowired
    Leases leases;
    @Autowired
    LeaseReminders reminders;

    @Test
    void aThreeYearLeaseIsRemindedNinetyAndThirtyDaysBeforeItEndsAndOnlyOnce() throws Exception {
        Actor officer = officer(FREDRIKSTAD);
        long household = acceptedHousehold(FREDRIKSTAD, 1, null);
        long dwellingId = dwelling(officer, 3, false, 700);
        dwellings.reserve(officer, dwellingId, household).value();
        LocalDate start = TestClock.today().plusDays(5);
        long leaseId = leases.create(officer, dwellingId, new LeaseData(LeaseKind.SUBLEASE, true, start, 3, null, 12_000, 24_000, null))
                .value();
        Lease lease = leases.find(officer, leaseId).orElseThrow();
        assertThat(lease.endDate()).isEqualTo(start.plusYears(3).minusDays(1));
        assertThat(lease.rentGuaranteeMonths()).isEqualTo(Leases.DEFAULT_RENT_GUARANTEE_MONTHS);
        assertThat(dwellings.find(officer, dwellingId).orElseThrow().status()).isEqualTo(DwellingStatus.OCCUPIED);
        String address = dwellings.find(officer, dwellingId).orElseThrow().address();

        at(lease.endDate().minusDays(91), () -> reminders.sendDue());
        assertThat(messages(officer, address)).isZero();

        at(lease.endDate().minusDays(90), () -> reminders.sendDue());
        assertThat(messages(officer, address)).isEqualTo(1);
        at(lease.endDate().minusDays(60), () -> reminders.sendDue());
        assertThat(messages(officer, address)).isEqualTo(1);

        // Two application instances run the job at the same moment: the reminder row lets only one send.
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> at(lease.endDate().minusDays(30), () -> {
                    await(together);
                    reminders.sendDue();
                })));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(messages(officer, address)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from lease_reminder where lease_id = :l").param("l", leaseId).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select body from outbox_message where recipient = :r and subject like :s order by id limit 1")
                .param("r", officer.username()).param("s", "%" + address).query(String.class).single())
                .contains("fornyes ikke automatisk").contains("startlån");

        // An ended lease is not reminded about, and its dwelling is vacant again.
        leases.end(officer, leaseId).value();
        assertThat(dwellings.find(officer, dwellingId).orElseThrow().status()).isEqualTo(DwellingStatus.VACANT);
    }

    @Test
    void aOneYearLeaseNeedsAReasonAndTheTermIsThreeOrOneYear() {
        Actor officer = officer(FREDRIKSTAD);
        long dwellingId = dwelling(officer, 2, false, null);
        LocalDate start = TestClock.today();
        var noReason = leases.create(officer, dwellingId, new LeaseData(LeaseKind.DIRECT, false, start, 1, " ", 9_000, 0, 3));
        assertThat(noReason.failure().messageKey()).isEqualTo("housing.error.lease.shortTermReason");
        var twoYears = leases.create(officer, dwellingId, new LeaseData(LeaseKind.DIRECT, false, start, 2, null, 9_000, 0, 3));
        assertThat(twoYears.failure().messageKey()).isEqualTo("housing.error.lease.term");
        long id = leases.create(officer, dwellingId, new LeaseData(LeaseKind.DIRECT, false, start, 1, "Prøveperiode", 9_000, 0, 3)).value();
        assertThat(leases.find(officer, id).orElseThrow().endDate()).isEqualTo(start.plusYears(1).minusDays(1));
        assertThat(leases.review(officer, id, ReviewOutcome.START_LOAN, "Søker startlån i mars").value().reviewOutcome())
                .isEqualTo(ReviewOutcome.START_LOAN);
    }

    private long messages(Actor officer, String address) {
        return jdbc.sql("select count(*) from outbox_message where topic = 'LEASE_EXPIRY' and recipient = :r and subject like :s")
                .param("r", officer.username()).param("s", "%" + address).query(Long.class).single();
    }

    private static void at(LocalDate day, Runnable task) {
        ShiftableClock.runAt(day.atTime(6, 15).atZone(ZoneId.systemDefault()).toInstant(), task);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
