package no.bosetting.housing;

import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static no.bosetting.support.Race.race;
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
}
