package no.bosetting.selfsettlement;

import java.time.LocalDate;

import no.bosetting.access.Actor;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages: languages, scope, personal data, errors next to fields, and the full flow through the web. */
@IntegrationTest
class SelfSettlementWebTest extends SelfSettlementTestSupport {

    private static final String VOLDA = "1577";
    private static final String VANYLVEN = "1511";
    private static final String MOLDE = "1506";
    private static final String GISKE = "1532";

    @Autowired
    MockMvc mvc;

    private String page(String url, Actor actor) throws Exception {
        var request = get(url);
        if (actor != null) {
            request.with(as(actor));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void everyPageRendersInItsLanguagesWithoutMissingKeys() throws Exception {
        acceptingMunicipality(VOLDA, 40, 25);
        long caseId = household(VOLDA, 1);
        Actor refugee = refugeeOf(caseId);
        long id = forwarded(caseId, VOLDA);
        Actor officer = fixtures.municipality(VOLDA);
        for (String lang : new String[]{"nb", "en", "uk"}) {
            for (String url : new String[]{"/min-side/selvbosetting", "/offentlig/selvbosetting"}) {
                String html = page(url + "?lang=" + lang, url.startsWith("/min-side") ? refugee : null);
                assertThat(html).as(url + " " + lang).contains("lang=\"" + lang + "\"").doesNotContain("??");
            }
        }
        for (String lang : new String[]{"nb", "en"}) {
            for (String url : new String[]{"/kommune/selvbosetting", "/kommune/selvbosetting/innstillinger", "/kommune/selvbosetting/ny",
                    "/kommune/selvbosetting/" + id}) {
                assertThat(page(url + "?lang=" + lang, officer)).as(url + " " + lang).doesNotContain("??");
            }
            for (String url : new String[]{"/selvbosetting", "/selvbosetting/" + id, "/statistikk/selvbosetting"}) {
                assertThat(page(url + "?lang=" + lang, fixtures.caseworker())).as(url + " " + lang).doesNotContain("??");
            }
            assertThat(page("/saker/" + caseId + "?lang=" + lang, fixtures.caseworker())).contains("/selvbosetting/" + id);
        }
        assertThat(page("/selvbosetting", fixtures.caseworker())).contains("/selvbosetting/" + id).contains("Svarmål");
        int year = TestClock.today().getYear();
        assertThat(page("/statistikk/selvbosetting", fixtures.caseworker()))
                .contains("/statistikk/selvbosetting/eksport/utfall.csv?year=" + year)
                .contains("/statistikk/selvbosetting/eksport/avslagsgrunner.xlsx?year=" + year)
                .contains("Sendt til IMDi").contains("Forespørsler registrert i " + year + ", etter status");
    }

    @Test
    void theWholeFlowThroughTheWeb() throws Exception {
        acceptingMunicipality(VANYLVEN, 30, 50);
        long caseId = household(VANYLVEN, 0);
        Actor refugee = refugeeOf(caseId);
        // A bad form keeps what was typed and names the problem next to the field, in Norwegian.
        String bad = mvc.perform(post("/min-side/selvbosetting").with(csrf()).with(as(refugee))
                        .param("municipalityNumber", VANYLVEN).param("address", "Fjordvegen 3").param("landlordName", "Ola Utleier")
                        .param("leaseStart", TestClock.today().toString()).param("monthlyRent", "tusen").param("rooms", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("monthlyRent-error").contains("Skriv et helt tall").contains("Fjordvegen 3");
        mvc.perform(post("/min-side/selvbosetting").with(csrf()).with(as(refugee))
                        .param("municipalityNumber", VANYLVEN).param("address", "Fjordvegen 3").param("landlordName", "Ola Utleier")
                        .param("leaseStart", TestClock.today().toString()).param("monthlyRent", "9500").param("rooms", "2"))
                .andExpect(status().is3xxRedirection());
        long id = requests.forRefugee(refugee).get(0).id();
        Actor officer = fixtures.municipality(VANYLVEN);
        // Forwarding with an incomplete checklist shows the error next to the box.
        String incomplete = mvc.perform(post("/kommune/selvbosetting/" + id + "/videresend").with(csrf()).with(as(officer))
                        .param("leaseTermsOk", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(incomplete).contains("rentWithinLimit-error");
        mvc.perform(post("/kommune/selvbosetting/" + id + "/videresend").with(csrf()).with(as(officer))
                        .param("leaseTermsOk", "true").param("rentWithinLimit", "true").param("propertyRegisterOk", "true")
                        .param("independentDwelling", "true").param("inspectionResult", "NOT_NEEDED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/selvbosetting/" + id + "/godkjenn").with(csrf()).with(as(fixtures.caseworker()))
                        .param("municipalityNumber", VANYLVEN))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.find(refugee, id).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(page("/min-side/selvbosetting", refugee)).contains("Godkjent");
    }

    @Test
    void aRefugeeSeesAndActsOnlyOnTheirOwnRequests() throws Exception {
        acceptingMunicipality(VOLDA, 40, 25);
        long mine = household(VOLDA, 0);
        long theirs = household(VOLDA, 0);
        Actor me = refugeeOf(mine);
        RequestData myDwelling = dwelling(VOLDA);
        RequestData theirDwelling = dwelling(VOLDA);
        registrations.register(me, null, myDwelling).value();
        long theirId = registrations.register(refugeeOf(theirs), null, theirDwelling).value();

        String html = page("/min-side/selvbosetting", me);
        assertThat(html).contains(myDwelling.address()).doesNotContain(theirDwelling.address());
        mvc.perform(post("/min-side/selvbosetting/trekk").with(csrf()).with(as(me)).param("requestId", String.valueOf(theirId)))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.find(fixtures.caseworker(), theirId).orElseThrow().status()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(requests.find(me, theirId)).isEmpty();
        // Another municipality's officer cannot reach the request by id.
        mvc.perform(get("/kommune/selvbosetting/" + theirId).with(as(fixtures.municipality(MOLDE)))).andExpect(status().isNotFound());
        mvc.perform(post("/kommune/selvbosetting/" + theirId + "/avslag").with(csrf()).with(as(fixtures.municipality(MOLDE)))
                .param("refusalReason", "OTHER").param("refusalText", "x")).andExpect(status().isNotFound());
    }

    @Test
    void thePublicPageShowsMunicipalitiesAndRulesButNoPersonalData() throws Exception {
        acceptingMunicipality(VOLDA, 40, 25);
        long caseId = household(VOLDA, 0);
        Actor refugee = refugeeOf(caseId);
        RequestData d = dwelling(VOLDA);
        long id = registrations.register(refugee, null, d).value();
        String reference = requests.find(refugee, id).orElseThrow().caseReference();

        String html = page("/offentlig/selvbosetting", null);
        assertThat(html).contains("Volda").contains("Privat leiemarked")
                .doesNotContain(d.address()).doesNotContain(d.landlordName()).doesNotContain(reference)
                .doesNotContain(refugee.dufNumber().orElseThrow()).doesNotContain("Testesen");
    }

    @Test
    void eachPageOffersTheCommandsValidForItsReaderNow() throws Exception {
        acceptingMunicipality(GISKE, 40, 50);
        long caseId = household(GISKE, 0);
        Actor refugee = refugeeOf(caseId);
        Actor officer = fixtures.municipality(GISKE);
        long id = registrations.register(refugee, null, dwelling(GISKE)).value();

        // Requested: the refugee may withdraw or report the dwelling lost; the municipality checks, forwards or refuses.
        assertThat(page("/min-side/selvbosetting", refugee)).contains("Trekk forespørselen").contains("Jeg har mistet boligen");
        assertThat(page("/kommune/selvbosetting/" + id, officer)).contains("Videresend til IMDi").contains("Lagre sjekklisten")
                .contains("/kommune/selvbosetting/" + id + "/avslag").contains("Registrer at boligen er tapt");

        // Forwarded: the municipality may only report the dwelling lost; the caseworker decides, a planner may not.
        checks.forward(officer, id, COMPLETE).value();
        assertThat(page("/kommune/selvbosetting/" + id, officer)).doesNotContain("Videresend til IMDi")
                .doesNotContain("/kommune/selvbosetting/" + id + "/avslag").contains("Registrer at boligen er tapt");
        assertThat(page("/selvbosetting/" + id, fixtures.caseworker())).contains("/selvbosetting/" + id + "/godkjenn")
                .contains("/selvbosetting/" + id + "/avslag").doesNotContain("Bare saksbehandlere kan avgjøre");
        assertThat(page("/selvbosetting/" + id, fixtures.planner())).doesNotContain("/selvbosetting/" + id + "/godkjenn")
                .doesNotContain("/selvbosetting/" + id + "/avslag").contains("Bare saksbehandlere kan avgjøre");

        // Decided: nothing more for anyone.
        approvals.refuseByAgency(fixtures.caseworker(), id, RefusalReason.CONCENTRATION, null).value();
        assertThat(page("/min-side/selvbosetting", refugee)).doesNotContain("Trekk forespørselen").doesNotContain("Jeg har mistet boligen");
        assertThat(page("/kommune/selvbosetting/" + id, officer)).doesNotContain("Registrer at boligen er tapt");
        assertThat(page("/selvbosetting/" + id, fixtures.caseworker())).doesNotContain("/selvbosetting/" + id + "/godkjenn")
                .doesNotContain("Bare saksbehandlere kan avgjøre");
    }
}
