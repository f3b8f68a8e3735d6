package no.bosetting.housing;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The register through the browser, and one municipality never reaching another's dwellings by URL. */
@IntegrationTest
class DwellingScopeTest extends HousingIntegrationTest {

    private static final String ALESUND = "1508";
    private static final String HAMMERFEST = "5603";

    @Autowired
    Leases leases;

    @Test
    void createValidateAndEditADwellingThroughTheForm() throws Exception {
        Actor alesund = officer(ALESUND);
        mvc.perform(get("/kommune/boliger/ny").with(as(alesund)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<label for=\"address\"")));
        mvc.perform(post("/kommune/boliger/ny").with(as(alesund)).with(csrf())
                        .param("address", "").param("ownerType", "MUNICIPAL").param("dwellingType", "FLAT").param("rooms", "0")
                        .param("standard", "GOOD").param("availableFrom", "31.02.2026").param("distanceSchoolM", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv adressen")))
                .andExpect(content().string(containsString("Skriv et tall fra 1 til 20")))
                .andExpect(content().string(containsString("Skriv en gyldig dato")))
                .andExpect(content().string(containsString("aria-describedby=\"rooms-hint rooms-error\"")));
        String address = "Skjemaveien " + Fixtures.next();
        mvc.perform(post("/kommune/boliger/ny").with(as(alesund)).with(csrf())
                        .param("address", address).param("ownerType", "MUNICIPAL_COMPANY").param("dwellingType", "TERRACED")
                        .param("rooms", "4").param("areaM2", "90").param("standard", "GOOD").param("accessible", "true")
                        .param("distanceSchoolM", "650").param("monthlyRent", "13 500")
                        .param("availableFrom", TestClock.today().minusDays(20).toString()).param("holdingUnit", "Boligkontoret"))
                .andExpect(redirectedUrlPattern("/kommune/boliger/*"));
        Dwelling d = dwellings.list(alesund, DwellingFilter.none()).stream().filter(x -> x.address().equals(address)).findFirst().orElseThrow();
        assertThat(d.monthlyRent()).isEqualTo(13_500);
        assertThat(d.daysVacant()).isEqualTo(20);
        mvc.perform(get("/kommune/boliger").with(as(alesund)).param("status", "VACANT").param("minRooms", "4").param("accessible", "yes"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(address)));
        mvc.perform(get("/kommune/boliger").with(as(alesund)).param("minRooms", "5"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(address))));
        mvc.perform(post("/kommune/boliger/{id}", d.id()).with(as(alesund)).with(csrf())
                        .param("address", address).param("ownerType", "MUNICIPAL_COMPANY").param("dwellingType", "TERRACED")
                        .param("rooms", "4").param("standard", "FAIR").param("availableFrom", d.availableFrom().toString())
                        .param("unavailable", "true"))
                .andExpect(redirectedUrl("/kommune/boliger/" + d.id()));
        Dwelling after = dwellings.find(alesund, d.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(DwellingStatus.UNAVAILABLE);
        assertThat(after.daysVacant()).isNull();
    }

    @Test
    void aMunicipalityCannotSeeOrChangeAnothersDwellingsOffersOrLeases() throws Exception {
        Actor alesund = officer(ALESUND);
        Actor hammerfest = officer(HAMMERFEST);
        long household = acceptedHousehold(HAMMERFEST, 0, null);
        long dwellingId = dwelling(alesund, 2, false, null);
        String address = dwellings.find(alesund, dwellingId).orElseThrow().address();
        long leaseDwelling = dwelling(alesund, 2, false, null);
        long leaseId = leases.create(alesund, leaseDwelling,
                new LeaseData(LeaseKind.SUBLEASE, false, TestClock.today(), 3, null, 8_000, 16_000, 3)).value();

        mvc.perform(get("/kommune/boliger/{id}", dwellingId).with(as(hammerfest))).andExpect(status().isNotFound());
        mvc.perform(get("/kommune/boliger").with(as(hammerfest)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(address))));
        mvc.perform(post("/kommune/boliger/{id}", dwellingId).with(as(hammerfest)).with(csrf())
                        .param("address", "Kapret 1").param("ownerType", "MUNICIPAL").param("dwellingType", "FLAT")
                        .param("rooms", "2").param("standard", "GOOD").param("availableFrom", TestClock.today().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/kommune/boliger/{id}/leie", dwellingId).with(as(hammerfest)).with(csrf())
                        .param("kind", "DIRECT").param("startDate", TestClock.today().toString()).param("termYears", "3")
                        .param("leaseRent", "1000"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/kommune/boliger/husstand/{id}/reserver", household).with(as(hammerfest)).with(csrf())
                        .param("dwellingId", String.valueOf(dwellingId)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/kommune/leieforhold/{id}/avslutt", leaseId).with(as(hammerfest)).with(csrf()))
                .andExpect(status().isNotFound());
        // Ålesund cannot reserve its dwelling for Hammerfest's household either.
        mvc.perform(post("/kommune/boliger/husstand/{id}/reserver", household).with(as(alesund)).with(csrf())
                        .param("dwellingId", String.valueOf(dwellingId)))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select status || ':' || address from dwelling where id = :id").param("id", dwellingId)
                .query(String.class).single()).isEqualTo("VACANT:" + address);
        assertThat(jdbc.sql("select count(*) from lease where dwelling_id = :id").param("id", dwellingId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select status from lease where id = :id").param("id", leaseId).query(String.class).single()).isEqualTo("ACTIVE");
    }
}
