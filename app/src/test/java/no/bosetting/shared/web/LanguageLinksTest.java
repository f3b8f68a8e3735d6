package no.bosetting.shared.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Switching language keeps the page as it was: its filters, sort and page; only lang changes. */
class LanguageLinksTest {

    @Test
    void theQueryIsKeptAndOnlyTheLanguageReplaced() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/saker");
        request.setQueryString("status=READY_FOR_ALLOCATION&lang=nb&page=3&sort=waited");
        LanguageLinks links = LanguageLinks.of(request);
        assertThat(links.en()).isEqualTo("/saker?status=READY_FOR_ALLOCATION&page=3&sort=waited&lang=en");
        assertThat(links.nb()).isEqualTo("/saker?status=READY_FOR_ALLOCATION&page=3&sort=waited&lang=nb");
        assertThat(links.uk()).endsWith("&lang=uk");

        MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/kommune");
        assertThat(LanguageLinks.of(plain).en()).isEqualTo("/kommune?lang=en");
    }

    @Test
    void onTheErrorPageItIsTheAddressThatFailed() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/statistikk");
        request.setAttribute(RequestDispatcher.ERROR_QUERY_STRING, "year=1999");
        assertThat(LanguageLinks.of(request).en()).isEqualTo("/statistikk?year=1999&lang=en");
    }

    @Test
    void aPathThatCouldLeaveTheSiteIsNotLinked() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "//andre.example/x");
        assertThat(LanguageLinks.of(request).en()).isEqualTo("/?lang=en");
    }

    @Test
    void aPageAnsweringAFormLinksToThePageTheFormWasOnAsAGetToTheFormsAddressWouldBeRefused() {
        MockHttpServletRequest shownAgain = new MockHttpServletRequest("POST", "/saker/12/husstand/medlem");
        shownAgain.setServerName("bosetting.example");
        shownAgain.addHeader("Referer", "https://bosetting.example/saker/12/husstand?lang=nb&tab=2");
        assertThat(LanguageLinks.of(shownAgain).en()).isEqualTo("/saker/12/husstand?tab=2&lang=en");

        MockHttpServletRequest refusedForm = new MockHttpServletRequest("POST", "/error");
        refusedForm.setServerName("bosetting.example");
        refusedForm.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/kommune/forslag/7/svar");
        refusedForm.addHeader("Referer", "https://bosetting.example/kommune/forslag/7");
        assertThat(LanguageLinks.of(refusedForm).uk()).isEqualTo("/kommune/forslag/7?lang=uk");

        MockHttpServletRequest elsewhere = new MockHttpServletRequest("POST", "/saker/12/husstand/medlem");
        elsewhere.setServerName("bosetting.example");
        elsewhere.addHeader("Referer", "https://andre.example/phish");
        assertThat(LanguageLinks.of(elsewhere).en()).as("another site's address is not taken").isEqualTo("/saker/12/husstand/medlem?lang=en");

        MockHttpServletRequest noReferer = new MockHttpServletRequest("POST", "/saker/12/husstand/medlem");
        assertThat(LanguageLinks.of(noReferer).en()).isEqualTo("/saker/12/husstand/medlem?lang=en");
    }
}
