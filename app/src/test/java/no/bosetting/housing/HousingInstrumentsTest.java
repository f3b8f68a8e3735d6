package no.bosetting.housing;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Housing allowance, start loans and Husbanken applications from application to decision, per municipality. */
@IntegrationTest
class HousingInstrumentsTest extends HousingIntegrationTest {

    private static final String NAMSOS = "5007";
    private static final String LARVIK = "3909";

    @Autowired
    HousingInstruments instruments;

    @Test
    void applicationsAreTrackedUntilDecidedAndARefusalNeedsItsReason() throws Exception {
        Actor officer = officer(LARVIK);
        long household = acceptedHousehold(LARVIK, 2, null);
        long dwellingId = dwelling(officer, 4, false, null);
        LocalDate today = TestClock.today();

        assertThat(instruments.apply(officer, InstrumentKind.START_LOAN, null, dwellingId, today, 2_000_000, null).failure().messageKey())
                .as("a start loan is for a household").isEqualTo("housing.error.instrument.household");
        assertThat(instruments.apply(officer, InstrumentKind.HUSBANKEN_GRANT, null, dwellingId, today, 500_000, null).failure().messageKey())
                .isEqualTo("housing.error.instrument.grantAbolished");
        assertThat(instruments.apply(officer, InstrumentKind.HOUSING_ALLOWANCE, household, null, today.plusDays(1), null, null)
                .failure().messageKey()).isEqualTo("housing.error.date.future");

        long allowance = instruments.apply(officer, InstrumentKind.HOUSING_ALLOWANCE, household, null, today.minusDays(20), 4_500, null).value();
        long loan = instruments.apply(officer, InstrumentKind.HUSBANKEN_LOAN, null, dwellingId, today.minusDays(40), 3_000_000, "85 %").value();
        assertThat(instruments.list(officer, InstrumentStatus.PENDING)).extracting(HousingInstrument::id).containsSubsequence(loan, allowance);

        assertThat(instruments.decide(officer, allowance, InstrumentStatus.REFUSED, today, null, " ").failure().messageKey())
                .isEqualTo("housing.error.reason.required");
        assertThat(instruments.decide(officer, allowance, InstrumentStatus.GRANTED, today.minusDays(30), null, null).failure().messageKey())
                .as("decided before applied").isEqualTo("housing.error.instrument.decidedOn");
        HousingInstrument refused = instruments.decide(officer, allowance, InstrumentStatus.REFUSED, today, null,
                "Mangler registrert adresse i folkeregisteret").value();
        assertThat(refused.status()).isEqualTo(InstrumentStatus.REFUSED);
        assertThat(refused.refusalReason()).contains("folkeregisteret");

        mvc.perform(post("/kommune/virkemidler/vedtak").with(as(officer)).with(csrf()).param("id", String.valueOf(loan))
                        .param("status", "GRANTED").param("decidedOn", today.toString()).param("decisionAmount", "2 900 000"))
                .andExpect(redirectedUrl("/kommune/virkemidler"));
        assertThat(instruments.find(officer, loan).orElseThrow().amount()).isEqualTo(2_900_000);
        mvc.perform(get("/kommune/virkemidler").with(as(officer)).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Husbanken: loan for rental dwellings")));
    }

    @Test
    void anotherMunicipalityCanNeitherSeeNorDecideTheApplications() throws Exception {
        Actor officer = officer(LARVIK);
        Actor other = officer(NAMSOS);
        long household = acceptedHousehold(LARVIK, 0, null);
        long allowance = instruments.apply(officer, InstrumentKind.HOUSING_ALLOWANCE, household, null, TestClock.today(), null, null).value();

        assertThat(instruments.apply(other, InstrumentKind.START_LOAN, household, null, TestClock.today(), null, null).failure().messageKey())
                .isEqualTo("housing.error.instrument.household");
        mvc.perform(post("/kommune/virkemidler/vedtak").with(as(other)).with(csrf()).param("id", String.valueOf(allowance))
                        .param("status", "GRANTED").param("decidedOn", TestClock.today().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Fant ikke søknad")));
        mvc.perform(get("/kommune/virkemidler").with(as(other)).param("vedtak", String.valueOf(allowance)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ingen søknader")));
        assertThat(instruments.find(officer, allowance).orElseThrow().status()).isEqualTo(InstrumentStatus.PENDING);
    }
}
