package no.bosetting.shared.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static no.bosetting.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page a failure on our side gives (a 500), which the server test cannot provoke: the container's error dispatch is
 * imitated with the attributes it sets. The page is in the layout and the reader's language, gives the time in Norwegian
 * time for user support, leads back to the start page — and never shows the exception's message, which may hold
 * personal data or SQL; nor does the problem JSON.
 */
@IntegrationTest
class ServerErrorPageTest {

    private static final String SECRET = "duplicate key value violates unique constraint, person 12345678901";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Clock clock;

    private MockHttpServletRequestBuilder failed(String path) {
        return get("/error")
                .with(request -> {
                    request.setDispatcherType(DispatcherType.ERROR);
                    return request;
                })
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path)
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException(SECRET))
                .requestAttr(RequestDispatcher.ERROR_MESSAGE, SECRET);
    }

    @Test
    void aCaseworkerSeesWhatHappenedWithTheTimeInNorwegianOrEnglishAndNoDetail() throws Exception {
        String time = ZonedDateTime.now(clock).withZoneSameInstant(ZoneId.of("Europe/Oslo"))
                .format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
        mvc.perform(failed("/saker").accept(MediaType.TEXT_HTML).with(as(fixtures.caseworker())))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Noe gikk galt hos oss")))
                .andExpect(content().string(containsString("Det du har lagret tidligere, er ikke berørt")))
                .andExpect(content().string(containsString(time)))
                .andExpect(content().string(containsString("<nav")))
                .andExpect(content().string(containsString("href=\"/\"")))
                .andExpect(content().string(not(containsString("12345678901"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
        mvc.perform(failed("/saker").param("lang", "en").accept(MediaType.TEXT_HTML).with(as(fixtures.caseworker())))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong on our side")))
                .andExpect(content().string(containsString(time)));
    }

    @Test
    void aRefugeeKeepsMinSideInUkrainian() throws Exception {
        mvc.perform(failed("/min-side").param("lang", "uk").accept(MediaType.TEXT_HTML))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("У нас щось пішло не так")))
                .andExpect(content().string(containsString("/min-side/logg-inn")))
                .andExpect(content().string(not(containsString("12345678901"))));
    }

    @Test
    void anApiClientGetsAProblemWithoutTheExceptionsMessage() throws Exception {
        mvc.perform(failed("/api/v1/cases").accept(MediaType.APPLICATION_JSON).with(as(fixtures.caseworker())))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(jsonPath("$.instance").value("/api/v1/cases"))
                .andExpect(content().string(not(containsString("12345678901"))))
                .andExpect(content().string(not(containsString("constraint"))));
    }
}
