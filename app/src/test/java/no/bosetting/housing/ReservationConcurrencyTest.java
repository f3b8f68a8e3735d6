package no.bosetting.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two officers reserving at the same moment can never double-book a dwelling or a household. */
@IntegrationTest
class ReservationConcurrencyTest extends HousingIntegrationTest {

    private static final String SANDEFJORD = "3907";

    @Test
    void twoHouseholdsRacingForOneDwellingGetItOnceOnly() throws Exception {
        Actor first = officer(SANDEFJORD);
        Actor second = new Actor("kommune-3907-andre", "Andre saksbehandler", first.role(), SANDEFJORD, null);
        long a = acceptedHousehold(SANDEFJORD, 1, null);
        long b = acceptedHousehold(SANDEFJORD, 1, null);
        for (int round = 0; round < 5; round++) {
            long dwellingId = dwelling(first, 3, false, 500);
            List<CommandResult<Dwelling>> results = race(
                    () -> CommandResult.attempt(() -> dwellings.reserve(first, dwellingId, a)),
                    () -> CommandResult.attempt(() -> dwellings.reserve(second, dwellingId, b)));
            assertThat(results.stream().filter(CommandResult::isSuccess)).hasSize(1);
            assertThat(results.stream().filter(r -> !r.isSuccess()).findFirst().orElseThrow().failure().messageKey())
                    .isEqualTo("housing.error.dwelling.notVacant");
            Long holder = jdbc.sql("select reserved_case_id from dwelling where id = :id").param("id", dwellingId)
                    .query(Long.class).single();
            assertThat(holder).isIn(a, b);
            dwellings.release(first, dwellingId).value();
        }
    }

    @Test
    void oneHouseholdRacingForTwoDwellingsGetsOnlyOne() throws Exception {
        Actor first = officer(SANDEFJORD);
        Actor second = new Actor("kommune-3907-andre", "Andre saksbehandler", first.role(), SANDEFJORD, null);
        long household = acceptedHousehold(SANDEFJORD, 0, null);
        long x = dwelling(first, 2, false, null);
        long y = dwelling(first, 2, false, null);
        List<CommandResult<Dwelling>> results = race(
                () -> CommandResult.attempt(() -> dwellings.reserve(first, x, household)),
                () -> CommandResult.attempt(() -> dwellings.reserve(second, y, household)));
        assertThat(results.stream().filter(CommandResult::isSuccess)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from dwelling where reserved_case_id = :c").param("c", household)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dwelling where id in (:ids) and status = 'VACANT'")
                .param("ids", List.of(x, y)).query(Long.class).single()).isEqualTo(1);
    }

    @SafeVarargs
    private static <T> List<T> race(Callable<T>... tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
