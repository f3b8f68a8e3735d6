package no.bosetting.selfsettlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import no.bosetting.access.Actor;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 21 for agreed self-settlement: its statistics (staff) follow the same small-cell rule as the public
 * statistics, and the public list of places left does not give away a used-places count the public
 * statistics withhold.
 */
@IntegrationTest
class SelfSettlementDisclosureTest extends SelfSettlementTestSupport {

    private static final String KVINNHERAD = "4617";
    private static final String ULLENSVANG = "4618";

    @Autowired
    MockMvc mvc;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    PermitImport permitImport;
    @Autowired
    SelfSettlementOverview overview;

    private void accept(String municipality, long caseId, LocalDate settledOn) {
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, municipality);
        Actor officer = fixtures.municipality(municipality);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(officer, proposal,
                fixtures.plannedDates(caseId, TestClock.today()), null)).value();
        if (settledOn != null) {
            fixtures.decisionsMadeOn(caseId, settledOn);
            ids.forEach(id -> decisions.registerSettlementDate(id, settledOn, null, officer).value());
        }
    }

    @Autowired
    no.bosetting.applications.SettlementApplications applications;

    private long privateResident(String municipality, LocalDate permit) {
        String duf = Fixtures.duf();
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(), PermitType.COLLECTIVE_PROTECTION,
                permit, LivingSituation.PRIVATE, null, municipality, List.of(new PermitImportRequest.PersonData(duf, null, null,
                        "Privat", "Testesen", LocalDate.of(1980, 5, 1), "F", "UKR", Relation.MAIN, null, null))), fixtures.caseworker());
        assertThat(outcome.ok()).as("%s", outcome.problems()).isTrue();
        // A private resident is mapped only once the application is accepted (issue 20 item 5); sent late, the designated group accepts.
        long application = applications.save(Actor.refugee(duf, "Privat Testesen"), new no.bosetting.applications.ApplicationForm(false,
                null, null, null, false, null, null, "false", null, null, null, null, null, null, null, null, null), true).value().id();
        applications.accept(application, new Actor("admin-test", "Test Admin", no.bosetting.access.Role.AGENCY_ADMIN, null, null)).value();
        return outcome.caseId();
    }

    @Test
    void aVariantRowWithOneSmallCellGetsASecondSuppressionAndTheTotalsGiveNothingAway() throws Exception {
        // A past year only this test settles households in: five ordinary persons and one private resident in Ullensvang.
        int year = TestClock.today().getYear() - 10;
        jdbc.sql("update settlement_decision set status = 'DECLINED' where status = 'SETTLED' and extract(year from settlement_date) = :y")
                .param("y", year).update();
        fixtures.resetMunicipality(ULLENSVANG);
        fixtures.decide(ULLENSVANG, TestClock.today().getYear(), 20, 0);
        LocalDate permit = LocalDate.of(year, 3, 1);
        LocalDate settled = LocalDate.of(year, 4, 1);
        long centre = fixtures.centre(ULLENSVANG);
        for (int i = 0; i < 5; i++) {
            accept(ULLENSVANG, fixtures.household(centre, 0, permit), settled);
        }
        accept(ULLENSVANG, privateResident(ULLENSVANG, permit), settled);

        List<SelfSettlementOverview.VariantRow> rows = overview.statistics(year).variants();

        SelfSettlementOverview.VariantRow ullensvang = rows.stream().filter(r -> ULLENSVANG.equals(r.municipalityNumber())).findFirst().orElseThrow();
        // The total (6) is published by the open statistics as used places; the private resident (1) is withheld, and
        // so is the ordinary count (5), which would otherwise give it away as 6 − 5.
        assertThat(ullensvang.total()).isEqualTo(6);
        assertThat(ullensvang.privateResidents()).isNull();
        assertThat(ullensvang.ordinary()).isNull();
        for (SelfSettlementOverview.VariantRow r : rows) {
            long withheld = java.util.stream.Stream.of(r.ordinary(), r.asb(), r.municipalityInitiated(), r.privateResidents())
                    .filter(Objects::isNull).count();
            assertThat(r.total() == null || withheld != 1).as("a row with a published total and one withheld cell: %s", r).isTrue();
        }
        // The same in the export the statistics reader downloads.
        String csv = mvc.perform(get("/statistikk/selvbosetting/eksport/bosettingsformer.csv").param("year", String.valueOf(year))
                .with(as(fixtures.statistics()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().filter(l -> l.startsWith(ULLENSVANG + ",")).findFirst().orElseThrow()).endsWith(",,0,0,,6");
    }

    @Test
    void placesLeftDoNotShowThatAWithheldUsedCountIsSmall() throws Exception {
        // Seven decided places and one used: the open statistics withhold the 1, and "Yes" (6 left) would show it
        // to be at most 1. A municipality with nothing used keeps its "Yes".
        acceptingMunicipality(KVINNHERAD, 7, 100);
        accept(KVINNHERAD, household(KVINNHERAD, 0), null);
        acceptingMunicipality(ULLENSVANG, 40, 100);

        List<SelfSettlementOverview.PublicMunicipality> list = overview.publicList();

        assertThat(list).filteredOn(m -> m.number().equals(KVINNHERAD)).singleElement()
                .extracting(SelfSettlementOverview.PublicMunicipality::placesLeft).isEqualTo(SelfSettlementOverview.PlacesLeft.WITHHELD);
        assertThat(list).filteredOn(m -> m.number().equals(ULLENSVANG)).singleElement()
                .extracting(SelfSettlementOverview.PublicMunicipality::placesLeft).isEqualTo(SelfSettlementOverview.PlacesLeft.YES);
        String page = mvc.perform(get("/offentlig/selvbosetting")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Kontakt kommunen");
    }
}
