package no.bosetting.housing;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseQueries;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared set-up for the housing tests: accepted households and dwellings built through the real commands. */
abstract class HousingIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    Interviews interviews;
    @Autowired
    CaseQueries cases;
    @Autowired
    Dwellings dwellings;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;

    /** The municipality's officer, also stored as a user so notifications reach it. */
    Actor officer(String municipality) {
        Actor actor = fixtures.municipality(municipality);
        users.createIfMissing(actor, null, null);
        return actor;
    }

    /**
     * A household of one adult and {@code children} children that {@code municipality} has accepted,
     * so it waits for a dwelling there. {@code adaptationNeeds} is what the interview recorded.
     */
    long acceptedHousehold(String municipality, int children, String adaptationNeeds) {
        // This year's decision is what the housing pages count against; the place itself counts in the planned
        // date's year, which is next year when the test runs in the last days of December.
        LocalDate planned = TestClock.today().plusDays(5);
        fixtures.decidePlannedYear(municipality, TestClock.today(), 10_000, 0);
        fixtures.decidePlannedYear(municipality, planned, 10_000, 0);
        long centre = fixtures.centre("0301");
        long caseId = fixtures.household(centre, children);
        InterviewAnswers a = fixtures.answers();
        interviews.record(caseId, new InterviewAnswers(a.heldOn(), a.interpreterLanguage(), null, null, null, adaptationNeeds,
                false, null, null, a.education(), a.workExperience(), a.drivingLicence(), a.hasCar(), a.languages(), null),
                fixtures.caseworker()).value();
        long proposalId = fixtures.propose(caseId, municipality);
        CommandResult.attempt(() -> proposals.accept(officer(municipality), proposalId,
                fixtures.plannedDates(caseId, planned), null)).value();
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
        return caseId;
    }

    long dwelling(Actor officer, int rooms, boolean accessible, Integer distanceSchoolM) {
        return dwellings.create(officer, data("Testveien " + Fixtures.next(), rooms, accessible, distanceSchoolM)).value();
    }

    static DwellingData data(String address, int rooms, boolean accessible, Integer distanceSchoolM) {
        return new DwellingData(address, OwnerType.MUNICIPAL, DwellingType.FLAT, rooms, 20 + rooms * 15, DwellingStandard.GOOD,
                accessible, distanceSchoolM, 300, 200, 9_000 + rooms * 1_000, TestClock.today().minusDays(10), "Boligkontoret", false);
    }
}
