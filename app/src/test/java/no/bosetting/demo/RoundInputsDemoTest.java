package no.bosetting.demo;

import java.util.Set;

import no.bosetting.interview.AllocationFacts;
import no.bosetting.interview.InterviewFacts;
import no.bosetting.municipalities.MunicipalService;
import no.bosetting.municipalities.ServiceCatalogue;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 23 item 1 in the demo: catalogues, ties, job offers and a together-group through the commands; a job offer moves a proposal. */
@IntegrationTest
class RoundInputsDemoTest {

    @Autowired
    RoundInputsDemo demo;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    InterviewFacts facts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoRecordsTheRoundInputsAndAJobOfferWithFamilyMovesAProposal() {
        int year = TestClock.today().getYear();
        for (String m : new String[]{"0301", "1804"}) {
            if (jdbc.sql("select count(*) from capacity_decision where municipality_number = :m and year = :y").param("m", m)
                    .param("y", year).query(Long.class).single() == 0) {
                fixtures.decide(m, year, 400, 0);
            }
        }
        RoundInputsDemo.Shown shown = demo.run(777, fixtures.caseworker(), fixtures.municipality("4601"), fixtures.centre("3403"));

        // Bergen's catalogue is kept by Bergen's own officer (this run's, or the full demo's when it ran first in the same
        // database and recorded the same entries), never by the agency.
        assertThat(catalogue.entries("4601")).extracting(ServiceCatalogue.Entry::recordedBy).isNotEmpty()
                .allMatch(by -> by.equals("kommune-4601-test") || by.equals("kommune-bergen"));
        assertThat(catalogue.entries("0301")).extracting(ServiceCatalogue.Entry::service).contains(MunicipalService.values());
        AllocationFacts jobAndFamily = facts.find(shown.caseId()).orElseThrow();
        assertThat(jobAndFamily.jobHoursPerWeek()).isEqualTo(12);
        assertThat(jobAndFamily.widerFamilyMunicipality()).isEqualTo(shown.jobTown());
        assertThat(jdbc.sql("select count(*) from interview_allocation_facts f join settlement_case c on c.id = f.case_id "
                        + "where c.permit_reference like 'DEMO-R777-%' and f.together_with_case_id is not null")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from interview_allocation_facts f join settlement_case c on c.id = f.case_id "
                        + "where c.permit_reference like 'DEMO-R777-%' and f.close_family_kind is not null")
                .query(Long.class).single()).isEqualTo(1);

        System.out.println("[demo] job-and-family household " + shown.caseId() + ": without ties " + shown.withoutTies()
                + ", with ties " + shown.withTies() + " (" + shown.jobTown() + "); reasons: " + shown.reasons());
        assertThat(shown.withTies()).isEqualTo(shown.jobTown());
        assertThat(shown.withoutTies()).isNotEqualTo(shown.jobTown());
        assertThat(String.join(" ", shown.reasons())).contains("jobbtilbud eller studieplass").contains("familie eller nettverk");
        assertThat(Set.copyOf(shown.reasons())).noneMatch(r -> r.contains("brukt opp"));
    }
}
