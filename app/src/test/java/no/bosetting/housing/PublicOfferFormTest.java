package no.bosetting.housing;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public offer form: open without login, validated, and unable to see or change anything else. */
@IntegrationTest
class PublicOfferFormTest extends HousingIntegrationTest {

    private static final String KRISTIANSAND = "4204";

    @Test
    void theFormIsOpenWithoutLoginAndLabelsEveryInput() throws Exception {
        mvc.perform(get("/tilby-bolig"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"contactEmail\"")))
                .andExpect(content().string(containsString("id=\"contactEmail\"")))
                .andExpect(content().string(containsString("autocomplete=\"email\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("Kristiansand")));
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        String address = "Ugyldigveien " + Fixtures.next();
        mvc.perform(post("/tilby-bolig").with(csrf())
                        .param("municipalityNumber", "9999").param("contactName", "")
                        .param("contactEmail", "ikke-en-adresse").param("address", address).param("dwellingType", "CASTLE")
                        .param("rooms", "tre").param("availableFrom", TestClock.today().minusMonths(2).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("Velg en kommune fra listen")))
                .andExpect(content().string(containsString("Fyll ut feltet")))
                .andExpect(content().string(containsString("Skriv en gyldig e-postadresse")))
                .andExpect(content().string(containsString("Velg et av alternativene")))
                .andExpect(content().string(containsString("Skriv et helt tall")))
                .andExpect(content().string(containsString("Datoen må være fra i dag")))
                .andExpect(content().string(containsString("aria-describedby=\"contactEmail-hint contactEmail-error\"")))
                .andExpect(content().string(containsString("value=\"" + address + "\"")));
        mvc.perform(post("/tilby-bolig").with(csrf()).param("municipalityNumber", KRISTIANSAND).param("contactName", "Ola")
                        .param("address", address).param("dwellingType", "FLAT").param("rooms", "2")
                        .param("availableFrom", TestClock.today().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Oppgi telefon eller e-post")));
        assertThat(count(address)).isZero();
    }

    @Test
    void withoutTheCsrfTokenNothingIsAccepted() throws Exception {
        String address = "Csrfveien " + Fixtures.next();
        mvc.perform(post("/tilby-bolig").param("municipalityNumber", KRISTIANSAND).param("contactName", "Ola")
                        .param("contactPhone", "99887766").param("address", address).param("dwellingType", "FLAT")
                        .param("rooms", "2").param("availableFrom", TestClock.today().toString()))
                .andExpect(status().isForbidden());
        assertThat(count(address)).isZero();
    }

    @Test
    void theFormCanOnlyAddAnOfferAndNeitherSeeNorChangeAnythingElse() throws Exception {
        Actor officer = officer(KRISTIANSAND);
        long dwellingId = dwelling(officer, 3, false, 400);
        String address = "Trygtveien " + Fixtures.next();
        // Fields the form does not have are ignored: the offer starts unchecked in the queue, tied to no dwelling.
        mvc.perform(post("/tilby-bolig").with(csrf()).param("municipalityNumber", KRISTIANSAND).param("contactName", "Ola")
                        .param("contactPhone", "+47 998 87 766").param("address", address).param("dwellingType", "HOUSE")
                        .param("rooms", "5").param("availableFrom", TestClock.today().plusDays(3).toString())
                        .param("status", "APPROVED").param("dwellingId", String.valueOf(dwellingId)).param("inspectionDone", "true")
                        .param("fireSafetyOk", "true").param("id", "1"))
                .andExpect(redirectedUrl("/tilby-bolig/mottatt"));
        assertThat(jdbc.sql("select status || ':' || inspection_done || ':' || fire_safety_ok || ':' || coalesce(dwelling_id::text, '-') from housing_offer where address = :a")
                .param("a", address).query(String.class).single()).isEqualTo("RECEIVED:false:false:-");

        // The receipt echoes nothing back.
        mvc.perform(get("/tilby-bolig/mottatt"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(address))));

        // Everything behind the form needs a municipality officer: anonymous callers are sent to the login page.
        String dwellingState = jdbc.sql("select status || ':' || address from dwelling where id = :id").param("id", dwellingId)
                .query(String.class).single();
        long offerId = jdbc.sql("select id from housing_offer where address = :a").param("a", address).query(Long.class).single();
        for (String path : new String[]{"/kommune/boliger", "/kommune/boliger/" + dwellingId, "/kommune/botilbud",
                "/kommune/botilbud/" + offerId, "/kommune/utleiere", "/kommune/leieforhold"}) {
            mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/kommune/botilbud/{id}/godkjenn", offerId).with(csrf()).param("inspectionDone", "true")
                        .param("propertyRegisterChecked", "true").param("fireSafetyOk", "true").param("rentReasonable", "true")
                        .param("ownerType", "PRIVATE_DIRECT").param("standard", "GOOD"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/kommune/boliger/{id}", dwellingId).with(csrf()).param("address", "Kapret 1"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/tilby-bolig/mottatt").with(csrf())).andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select status from housing_offer where id = :id").param("id", offerId).query(String.class).single())
                .isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select status || ':' || address from dwelling where id = :id").param("id", dwellingId)
                .query(String.class).single()).isEqualTo(dwellingState);
    }

    private long count(String address) {
        return jdbc.sql("select count(*) from housing_offer where address = :a").param("a", address).query(Long.class).single();
    }
}
