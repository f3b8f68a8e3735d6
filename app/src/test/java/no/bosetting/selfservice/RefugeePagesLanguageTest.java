package no.bosetting.selfservice;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.cases.PermitImport;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Every refugee page renders in bokmål, English and Ukrainian with no missing message key. */
@IntegrationTest
class RefugeePagesLanguageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermitImport permits;

    @Test
    void everyRefugeePageInEveryLanguageHasNoMissingKeys() throws Exception {
        String duf = Fixtures.duf();
        RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(50), "0301");
        MockHttpSession withCase = RefugeeSupport.signIn(mvc, jdbc, duf);
        MockHttpSession withoutCase = RefugeeSupport.signIn(mvc, jdbc, Fixtures.duf());
        for (String lang : List.of("nb", "en", "uk")) {
            String expectedLang = "lang=\"" + lang + "\"";
            check(get("/min-side/logg-inn").param("lang", lang), expectedLang);
            check(post("/min-side/logg-inn").param("lang", lang).param("dufNumber", "1").with(csrf()), expectedLang);
            MockHttpSession pending = new MockHttpSession();
            pending.setAttribute("selfservice.pendingDuf", Fixtures.duf());
            check(get("/min-side/logg-inn/kode").session(pending).param("lang", lang), expectedLang);
            check(post("/min-side/logg-inn/kode").session(pending).param("lang", lang).param("code", "x").with(csrf()), expectedLang);
            check(get("/demo-postkasse").param("lang", lang), expectedLang);
            check(get("/min-side").session(withCase).param("lang", lang), expectedLang);
            check(post("/min-side/melding").session(withCase).param("lang", lang).with(csrf()), expectedLang);
            check(get("/min-side").session(withoutCase).param("lang", lang), expectedLang);
            check(get("/min-side/soknad").session(withCase).param("lang", lang), expectedLang);
            check(get("/min-side/soknad").session(withoutCase).param("lang", lang), expectedLang);
            check(post("/min-side/soknad").session(withCase).param("lang", lang).param("action", "submit")
                    .param("unaccompaniedMinor", "true").param("healthDetails", "x").param("notifiedDate", "bad").with(csrf()), expectedLang);
        }
    }

    private void check(MockHttpServletRequestBuilder request, String expectedLang) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        String html = response.getContentAsString();
        assertThat(response.getStatus()).as(html).isEqualTo(200);
        assertThat(html).contains(expectedLang).doesNotContain("??");
    }
}
