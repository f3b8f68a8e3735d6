package no.bosetting.demo;

import no.bosetting.introduction.OutcomeModels;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's introduction register (issue 17 items 4–5): an earlier cohort settled through the real commands, its adults'
 * programmes and statuses a year after recorded by the municipalities, so the outcome model trains at first start.
 */
@IntegrationTest
class IntroductionDemoTest {

    @Autowired
    IntroductionDemo demo;
    @Autowired
    OutcomeModels models;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEarlierCohortGoesThroughTheProgrammeAndTheModelIsTrained() {
        demo.run(8123);
        String prefix = "INTRO-8123-%";
        int settled = jdbc.sql("""
                select count(*) from settlement_case where permit_reference like :p and status = 'SETTLED'""")
                .param("p", prefix).query(Integer.class).single();
        int outcomes = jdbc.sql("""
                select count(*) from intro_outcome o join intro_participation i on i.person_id = o.person_id
                join settlement_case c on c.id = i.case_id where c.permit_reference like :p""")
                .param("p", prefix).query(Integer.class).single();
        int trainingRows = jdbc.sql("""
                select count(*) from intro_training t join intro_participation i on i.person_id = t.person_id
                join settlement_case c on c.id = i.case_id where c.permit_reference like :p""")
                .param("p", prefix).query(Integer.class).single();
        assertThat(settled).isEqualTo(IntroductionDemo.HOUSEHOLDS);
        assertThat(outcomes).isGreaterThanOrEqualTo(OutcomeModels.MIN_PERSONS);
        assertThat(trainingRows).isEqualTo(2 * outcomes);
        assertThat(models.current()).isPresent();
    }
}
