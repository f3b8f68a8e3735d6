package no.bosetting.proposals;

import java.time.LocalDate;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OverdueProposalsTest {

    private static final String BINDAL = "1811";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;

    @Test
    void overdueCountsAgreeWithTheOverdueListInEachScope() {
        long centre = fixtures.centre(BINDAL);
        long late = fixtures.household(centre, 0);
        long onTime = fixtures.household(centre, 0);
        fixtures.ready(late);
        fixtures.ready(onTime);
        long lateProposal = fixtures.propose(late, BINDAL);
        fixtures.propose(onTime, BINDAL);
        jdbc.sql("update proposal set deadline = :d where id = :id").param("d", TestClock.today().minusDays(2))
                .param("id", lateProposal).update();

        var municipality = fixtures.municipality(BINDAL);
        assertThat(proposals.overdueCount(municipality)).isEqualTo(1)
                .isEqualTo(proposals.list(municipality, null, null, true, 1000).size());
        assertThat(proposals.overdueCount(fixtures.caseworker()))
                .isEqualTo(proposals.list(fixtures.caseworker(), null, null, true, 100_000).size());
        assertThat(proposals.overdueCount(fixtures.statistics())).isZero();
    }
}
