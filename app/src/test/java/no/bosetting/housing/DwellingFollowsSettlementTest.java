package no.bosetting.housing;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The planned settlement date follows the reserved dwelling, and the settlement occupies it. */
@IntegrationTest
class DwellingFollowsSettlementTest extends HousingIntegrationTest {

    private static final String LARVIK = "3909";

    @Autowired
    SettlementDecisions decisions;

    @Test
    void plannedDateMovesToTheDwellingsAvailabilityAndSettlementOccupiesIt() {
        Actor officer = officer(LARVIK);
        long household = acceptedHousehold(LARVIK, 1, null); // planned in 5 days
        long dwellingId = dwelling(officer, 3, false, 400);
        LocalDate later = TestClock.today().plusDays(20);
        jdbc.sql("update dwelling set available_from = :d, vacant_since = :d where id = :id").param("d", later).param("id", dwellingId).update();

        dwellings.reserve(officer, dwellingId, household).value();

        assertThat(decisions.forCase(household)).allSatisfy(d -> assertThat(d.plannedSettlementDate()).isEqualTo(later));
        assertThat(jdbc.sql("select count(*) from case_history where case_id = :c and command = 'PLANNED_DATE_FOLLOWS_DWELLING'")
                .param("c", household).query(Long.class).single()).isEqualTo(1L);

        for (SettlementDecision d : decisions.forCase(household)) {
            decisions.registerSettlementDate(d.id(), TestClock.today(), null, officer).value();
        }
        assertThat(jdbc.sql("select status from dwelling where id = :id").param("id", dwellingId).query(String.class).single())
                .isEqualTo("OCCUPIED");
    }

    @Test
    void anEarlierAvailableDwellingLeavesThePlannedDateAlone() {
        Actor officer = officer(LARVIK);
        long household = acceptedHousehold(LARVIK, 0, null);
        LocalDate planned = decisions.forCase(household).get(0).plannedSettlementDate();
        long dwellingId = dwelling(officer, 2, false, null); // available since ten days ago
        dwellings.reserve(officer, dwellingId, household).value();
        assertThat(decisions.forCase(household)).allSatisfy(d -> assertThat(d.plannedSettlementDate()).isEqualTo(planned));
    }
}
