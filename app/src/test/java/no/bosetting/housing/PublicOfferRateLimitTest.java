package no.bosetting.housing;

import java.time.Duration;
import java.time.Instant;

import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The anonymous offer form e-mails the municipality's officers on every offer, so offers are limited per client
 * address; beyond the limit a friendly 429 keeps the form (issue 21, finding 9).
 */
@IntegrationTest
class PublicOfferRateLimitTest {

    private static final String ROST = "1856";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Value("${bosetting.public-offer.rate-limit.max}")
    int max;
    @Value("${bosetting.public-offer.rate-limit.window:PT10M}")
    Duration window;

    @Test
    void offersBeyondTheLimitFromOneAddressGetA429ThatKeepsTheFormAndCreateNothing() throws Exception {
        // The whole test at one instant, so no window boundary falls between the offers.
        Instant now = TestClock.instant();
        ShiftableClock.set(now);
        try {
            limited(now);
        } finally {
            ShiftableClock.reset();
        }
    }

    private void limited(Instant now) throws Exception {
        String client = "198.51.100." + (Fixtures.next() % 250 + 1);
        String street = "Grenseveien " + Fixtures.next();
        for (int i = 0; i < max; i++) {
            offer(client, street + "-" + i).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tilby-bolig/mottatt"));
        }
        String description = "Stor hage, «utsikt» & rolig nabolag";
        offer(client, street + "-over", description)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")))
                .andExpect(content().string(containsString("id=\"rate-limited\"")))
                .andExpect(content().string(containsString("tar vi imot høyst " + max + " tilbud fra samme nettverk")))
                .andExpect(content().string(containsString("value=\"" + street + "-over\"")))
                .andExpect(content().string(containsString("Stor hage, «utsikt» &amp; rolig nabolag</textarea>")))
                .andExpect(content().string(containsString("value=\"Kari Utleier\"")));
        assertThat(offers(street + "-over")).isZero();
        assertThat(jdbc.sql("select count(*) from housing_offer where address like :a").param("a", street + "-%")
                .query(Long.class).single()).isEqualTo(max);

        // Another address is not affected.
        offer("198.51.100.251", street + "-annen").andExpect(status().is3xxRedirection());
        assertThat(offers(street + "-annen")).isEqualTo(1);

        // When the window has passed, the same address may offer again.
        ShiftableClock.set(now.plus(window));
        offer(client, street + "-senere").andExpect(status().is3xxRedirection());
        assertThat(offers(street + "-senere")).isEqualTo(1);
    }

    @Test
    void invalidAttemptsDoNotUseUpTheLimit() throws Exception {
        ShiftableClock.set(TestClock.instant());
        try {
            invalidAttempts();
        } finally {
            ShiftableClock.reset();
        }
    }

    private void invalidAttempts() throws Exception {
        String client = "203.0.113." + (Fixtures.next() % 250 + 1);
        for (int i = 0; i < max + 2; i++) {
            mvc.perform(post("/tilby-bolig").with(csrf()).with(r -> {
                        r.setRemoteAddr(client);
                        return r;
                    }).param("municipalityNumber", ROST).param("contactName", "Kari"))
                    .andExpect(status().isOk());
        }
        offer(client, "Retteveien " + Fixtures.next()).andExpect(status().is3xxRedirection());
    }

    private ResultActions offer(String client, String address) throws Exception {
        return offer(client, address, null);
    }

    private ResultActions offer(String client, String address, String description) throws Exception {
        return mvc.perform(post("/tilby-bolig").with(csrf()).with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                })
                .param("municipalityNumber", ROST).param("contactName", "Kari Utleier").param("contactPhone", "+47 990 00 000")
                .param("address", address).param("dwellingType", "FLAT").param("rooms", "2")
                .param("availableFrom", TestClock.today().plusDays(7).toString())
                .param("description", description == null ? "" : description));
    }

    private long offers(String address) {
        return jdbc.sql("select count(*) from housing_offer where address = :a").param("a", address).query(Long.class).single();
    }
}
