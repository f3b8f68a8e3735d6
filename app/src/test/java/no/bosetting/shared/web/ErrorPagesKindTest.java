package no.bosetting.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/** Which heading and text each status gets; the statuses the server test cannot provoke (500, 405, 413) included. */
class ErrorPagesKindTest {

    @Test
    void eachStatusPeopleMeetHasItsOwnTextAndTheRestShareOne() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(ErrorPages.kind(HttpStatus.NOT_FOUND, request)).isEqualTo("notFound");
        assertThat(ErrorPages.kind(HttpStatus.BAD_REQUEST, request)).isEqualTo("badRequest");
        assertThat(ErrorPages.kind(HttpStatus.METHOD_NOT_ALLOWED, request)).isEqualTo("methodNotAllowed");
        assertThat(ErrorPages.kind(HttpStatus.PAYLOAD_TOO_LARGE, request)).isEqualTo("tooLarge");
        assertThat(ErrorPages.kind(HttpStatus.INTERNAL_SERVER_ERROR, request)).isEqualTo("serverError");
        assertThat(ErrorPages.kind(HttpStatus.SERVICE_UNAVAILABLE, request)).isEqualTo("serverError");
        assertThat(ErrorPages.kind(HttpStatus.CONFLICT, request)).isEqualTo("otherClientError");
    }

    @Test
    void everyKindIsWordedInBokmalEnglishAndUkrainian() throws Exception {
        for (String language : new String[]{"", "_en", "_uk"}) {
            java.util.Properties texts = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/i18n/common" + language + ".properties")) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String kind : new String[]{"notFound", "forbidden", "expiredForm", "badRequest", "methodNotAllowed", "tooLarge",
                    "otherClientError", "serverError"}) {
                assertThat(texts).as("common%s.properties", language)
                        .containsKeys("error.page." + kind + ".title", "error.page." + kind + ".text");
            }
            assertThat(texts).as("common%s.properties", language).containsKeys("error.page.forbidden.role", "error.page.home",
                    "error.page.myPage", "error.page.login", "error.page.refugeeLogin", "error.page.public", "error.page.status");
        }
    }

    @Test
    void aRefusedFormTokenIsAnExpiredFormAndAnyOtherRefusalNoAccess() {
        MockHttpServletRequest csrf = new MockHttpServletRequest();
        csrf.setAttribute(WebAttributes.ACCESS_DENIED_403,
                new InvalidCsrfTokenException(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "a"), "b"));
        assertThat(ErrorPages.kind(HttpStatus.FORBIDDEN, csrf)).isEqualTo("expiredForm");

        MockHttpServletRequest role = new MockHttpServletRequest();
        role.setAttribute(WebAttributes.ACCESS_DENIED_403, new AccessDeniedException("Access Denied"));
        assertThat(ErrorPages.kind(HttpStatus.FORBIDDEN, role)).isEqualTo("forbidden");
        assertThat(ErrorPages.kind(HttpStatus.FORBIDDEN, new MockHttpServletRequest())).isEqualTo("forbidden");
    }
}
