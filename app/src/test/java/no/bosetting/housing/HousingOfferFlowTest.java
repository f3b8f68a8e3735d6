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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A resident offers a dwelling on the public form; the municipality checks it and it becomes a dwelling. */
@IntegrationTest
class HousingOfferFlowTest extends HousingIntegrationTest {

    private static final String TRONDHEIM = "5001";

    @Autowired
    HousingOffers offers;

    @Test
    void offerThenChecklistThenApprovalCreatesAVacantDwellingAndALandlord() throws Exception {
        Actor trondheim = officer(TRONDHEIM);
        String address = "Tilbudsveien " + Fixtures.next();
        String email = "utleier" + Fixtures.next() + "@example.no";
        submit(address, email);

        long offerId = offerId(address);
        mvc.perform(get("/kommune/botilbud").with(as(trondheim)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(address)));
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :r and subject like :s")
                .param("r", trondheim.username()).param("s", "%" + address).query(Long.class).single()).isEqualTo(1);

        // An incomplete checklist is refused next to the checklist, and what was ticked is kept.
        mvc.perform(post("/kommune/botilbud/{id}/godkjenn", offerId).with(as(trondheim)).with(csrf())
                        .param("inspectionDone", "true").param("fireSafetyOk", "true")
                        .param("ownerType", "PRIVATE_SUBLEASE").param("standard", "GOOD"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alle punktene i sjekklisten")))
                .andExpect(content().string(containsString("href=\"#checklist\"")));
        assertThat(jdbc.sql("select status from housing_offer where id = :id").param("id", offerId).query(String.class).single())
                .isEqualTo("RECEIVED");

        mvc.perform(post("/kommune/botilbud/{id}/godkjenn", offerId).with(as(trondheim)).with(csrf())
                        .param("inspectionDone", "true").param("propertyRegisterChecked", "true").param("fireSafetyOk", "true")
                        .param("rentReasonable", "true").param("ownerType", "PRIVATE_SUBLEASE").param("standard", "FAIR")
                        .param("holdingUnit", "Flyktningtjenesten"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/kommune/boliger/*"));

        Long dwellingId = jdbc.sql("select dwelling_id from housing_offer where id = :id").param("id", offerId).query(Long.class).single();
        Dwelling d = dwellings.find(trondheim, dwellingId).orElseThrow();
        assertThat(d.address()).isEqualTo(address);
        assertThat(d.status()).isEqualTo(DwellingStatus.VACANT);
        assertThat(d.ownerType()).isEqualTo(OwnerType.PRIVATE_SUBLEASE);
        assertThat(d.rooms()).isEqualTo(4);
        assertThat(d.holdingUnit()).isEqualTo("Flyktningtjenesten");
        assertThat(d.landlordId()).isNotNull();
        mvc.perform(get("/kommune/utleiere").with(as(trondheim)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(email)));
        mvc.perform(get("/kommune/boliger/{id}", dwellingId).with(as(trondheim)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(address)));
    }

    @Test
    void aRejectedLandlordIsListedAndItsNextOfferCannotBeApproved() throws Exception {
        Actor trondheim = officer(TRONDHEIM);
        String email = "avvist" + Fixtures.next() + "@example.no";
        String first = "Avvistgata " + Fixtures.next();
        submit(first, email);
        long firstId = offerId(first);
        mvc.perform(post("/kommune/botilbud/{id}/avvis", firstId).with(as(trondheim)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Skriv en begrunnelse")));
        mvc.perform(post("/kommune/botilbud/{id}/avvis", firstId).with(as(trondheim)).with(csrf())
                        .param("reason", "Fuktskader i kjelleren").param("rejectLandlord", "true"))
                .andExpect(redirectedUrl("/kommune/botilbud"));
        mvc.perform(get("/kommune/utleiere").with(as(trondheim)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Fuktskader i kjelleren")));

        String second = "Avvistgata " + Fixtures.next();
        submit(second, email.toUpperCase());
        long secondId = offerId(second);
        var result = offers.approve(trondheim, secondId, new Checklist(true, true, true, true), OwnerType.PRIVATE_DIRECT,
                DwellingStandard.GOOD, null);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failure().messageKey()).isEqualTo("housing.error.landlord.rejected");
    }

    private void submit(String address, String email) throws Exception {
        mvc.perform(post("/tilby-bolig").with(csrf())
                        .param("municipalityNumber", TRONDHEIM).param("contactName", "Kari Utleier").param("contactEmail", email)
                        .param("address", address).param("dwellingType", "FLAT").param("rooms", "4").param("areaM2", "85")
                        .param("monthlyRent", "14500").param("availableFrom", TestClock.today().plusDays(14).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tilby-bolig/mottatt"));
    }

    private long offerId(String address) {
        return jdbc.sql("select id from housing_offer where address = :a").param("a", address).query(Long.class).single();
    }
}
