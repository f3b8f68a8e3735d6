package no.bosetting.cases;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Protected addresses (issue 18 item 4; the Norwegian rule every public case system keeps: fortrolig / strengt fortrolig
 * adresse): one rule, {@link ProtectedAddress}, asked by the case list and page, the household page and API, letters,
 * the municipality's views and the statistics. Only a designated caseworker marks a person, reads the address and
 * current municipality (each read logged) and acts on the household; a caseworker without the designation sees that the
 * case exists, not where it lives, and is refused when entering the address; the municipality never sees it; the
 * allocation's proposal and the municipality's acceptance still work.
 */
@IntegrationTest
class ProtectedAddressTest {

    /** Værøy: no other test settles here. */
    private static final String MUNICIPALITY = "1857";

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProtectedAddress protection;
    @Autowired
    ProtectionDesignation designation;
    @Autowired
    UserAccounts users;
    @Autowired
    CaseQueries queries;
    @Autowired
    CaseCommands commands;
    @Autowired
    HouseholdQueries households;
    @Autowired
    PersonCorrections corrections;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private Actor designated;
    private Actor undesignated;

    @BeforeEach
    void users() {
        designated = new Actor("vern-test", "Test Utpekt", Role.AGENCY_CASEWORKER, null, null);
        users.createIfMissing(designated, null, null);
        designation.designate(designated.username(), true);
        undesignated = fixtures.caseworker();
        users.createIfMissing(undesignated, null, null);
    }

    private long mainPerson(long caseId) {
        return jdbc.sql("select id from person where case_id = :c and relation = 'MAIN'").param("c", caseId).query(Long.class).single();
    }

    /** A household with an address, then marked strengt fortrolig by the designated caseworker. */
    private long protectedHousehold() {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long main = mainPerson(caseId);
        corrections.changeAddress(caseId, main, new PersonCorrections.Address("Hemmeligveien 7", "8063", "Værøy", MUNICIPALITY,
                TestClock.today().minusDays(2), "Flyttet"), undesignated).value();
        assertThat(protection.mark(designated, caseId, main, AddressProtection.STRENGT_FORTROLIG, "Vedtak om sperre").isSuccess()).isTrue();
        return caseId;
    }

    @Test
    void onlyADesignatedCaseworkerMarksAPersonAndTheMarkingIsInTheHistoryWithoutTheAddress() {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long main = mainPerson(caseId);
        CommandResult<Void> refused = protection.mark(undesignated, caseId, main, AddressProtection.FORTROLIG, "Sperre");
        assertThat(refused.failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(refused.failure().messageKey()).isEqualTo("error.protected.designatedOnly");
        assertThat(protection.isProtected(caseId)).isFalse();
        CommandResult<Void> noReason = protection.mark(designated, caseId, main, AddressProtection.FORTROLIG, " ");
        assertThat(noReason.failure().messageKey()).isEqualTo("error.reason.required");
        assertThat(protection.isProtected(caseId)).isFalse();

        assertThat(protection.mark(designated, caseId, main, AddressProtection.FORTROLIG, "Sperre fra Folkeregisteret").isSuccess()).isTrue();
        assertThat(protection.level(caseId)).contains(AddressProtection.FORTROLIG);
        CaseHistoryEntry line = queries.history(caseId).get(queries.history(caseId).size() - 1);
        assertThat(line.command()).isEqualTo("MARK_ADDRESS_PROTECTION");
        assertThat(line.reason()).doesNotContain("Sperre fra");
    }

    @Test
    void anUndesignatedCaseworkerSeesTheCaseButNeitherAddressNorMunicipalityAndCannotActOrEnterTheAddress() {
        long caseId = protectedHousehold();
        long main = mainPerson(caseId);

        CaseSummary seen = queries.summary(caseId, undesignated).orElseThrow();
        assertThat(seen.receptionCentreName()).isNull();
        assertThat(seen.livingMunicipalityNumber()).isNull();
        assertThat(queries.detail(caseId, undesignated, "test").orElseThrow().residences())
                .allSatisfy(r -> assertThat(r.receptionCentreName()).isNull());
        HouseholdView view = households.household(caseId, undesignated, "test").orElseThrow();
        assertThat(view.addressHidden()).isTrue();
        assertThat(view.member(main).addressLine()).isNull();
        assertThat(view.member(main).addressMunicipality()).isNull();
        assertThat(view.commands()).isEmpty();
        assertThat(commands.validCommands(caseId, undesignated)).isEmpty();

        // "A protected person's address entered by someone without the role": refused, nothing saved (issue 18, bad input).
        CommandResult<Void> entered = corrections.changeAddress(caseId, main, new PersonCorrections.Address("Annen vei 1", "8063",
                "Værøy", MUNICIPALITY, TestClock.today(), "Flytting"), undesignated);
        assertThat(entered.failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(entered.failure().messageKey()).isEqualTo("error.protected.designatedOnly");
        assertThat(jdbc.sql("select address_line from person where id = :p").param("p", main).query(String.class).single())
                .isEqualTo("Hemmeligveien 7");
        // The letters never print it either.
        assertThat(protection.forPrinting(queries.summaryForSystem(caseId).orElseThrow()).receptionCentreName()).isNull();
    }

    @Test
    void theDesignatedCaseworkerSeesTheAddressAndEveryReadIsLogged() {
        long caseId = protectedHousehold();
        long main = mainPerson(caseId);
        long before = reads(main);
        HouseholdView view = households.household(caseId, designated, "test").orElseThrow();
        assertThat(view.addressHidden()).isFalse();
        assertThat(view.member(main).addressLine()).isEqualTo("Hemmeligveien 7");
        assertThat(queries.summary(caseId, designated).orElseThrow().receptionCentreName()).isNotNull();
        assertThat(jdbc.sql("select count(*) from person_access_log where person_id = :p and username = :u and purpose like 'adressesperre:%'")
                .param("p", main).param("u", designated.username()).query(Long.class).single()).isPositive();
        assertThat(reads(main)).isGreaterThan(before);
        assertThat(commands.validCommands(caseId, designated)).isNotEmpty();
    }

    private long reads(long personId) {
        return jdbc.sql("select count(*) from person_access_log where person_id = :p").param("p", personId).query(Long.class).single();
    }

    @Test
    void theWebPagesAndTheApiHideTheAddressFromTheUndesignatedAndTheMunicipalityWhileAllocationStillWorks() throws Exception {
        fixtures.resetMunicipality(MUNICIPALITY);
        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.decide(MUNICIPALITY, planned.getYear(), 5, 0);
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long main = mainPerson(caseId);
        corrections.changeAddress(caseId, main, new PersonCorrections.Address("Hemmeligveien 7", "8063", "Værøy", MUNICIPALITY,
                TestClock.today().minusDays(2), "Flyttet"), undesignated).value();
        fixtures.ready(caseId);
        protection.mark(designated, caseId, main, AddressProtection.FORTROLIG, "Sperre").value();

        // Allocation still works: proposed and accepted by the municipality.
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        proposals.accept(fixtures.municipality(MUNICIPALITY), proposalId, fixtures.plannedDates(caseId, planned), null).value();

        String page = mvc.perform(get("/saker/{id}/husstand", caseId).with(as(undesignated))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Hemmeligveien").contains("Skjermet (adressesperre)");
        String casePage = mvc.perform(get("/saker/{id}", caseId).with(as(undesignated))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(casePage).doesNotContain("Testmottak").contains("Fortrolig adresse");
        String api = mvc.perform(get("/api/v1/cases/{id}/household", caseId).with(as(undesignated))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(api).doesNotContain("Hemmeligveien");
        String designatedPage = mvc.perform(get("/saker/{id}/husstand", caseId).with(as(designated))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(designatedPage).contains("Hemmeligveien 7");

        // The municipality settling the household never sees where it lives (web and API).
        Actor officer = fixtures.municipality(MUNICIPALITY);
        String list = mvc.perform(get("/api/v1/cases").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(queries.summaryForSystem(caseId).orElseThrow().reference()).doesNotContain("Testmottak");
        String officerList = mvc.perform(get("/saker").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(officerList).doesNotContain("Testmottak").doesNotContain("Hemmeligveien");
        String officerHousehold = mvc.perform(get("/api/v1/cases/{id}/household", caseId).with(as(officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(officerHousehold).doesNotContain("Hemmeligveien").doesNotContain("Testmottak");

        // The undesignated caseworker's form post is refused and saves nothing.
        mvc.perform(post("/saker/{id}/husstand/{p}/adresse", caseId, main).with(as(undesignated)).with(csrf())
                        .param("addressLine", "Ny vei 2").param("postalCode", "8063").param("postalPlace", "Værøy")
                        .param("addressMunicipality", MUNICIPALITY).param("addressFrom", TestClock.today().toString())
                        .param("addressReason", "Flytting"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select address_line from person where id = :p").param("p", main).query(String.class).single())
                .isEqualTo("Hemmeligveien 7");
    }
}
