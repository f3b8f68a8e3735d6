package no.bosetting.shared.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.shared.TimeConfig;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed request as a browser gets it, through the real server and its error dispatch (MockMvc has none): a page in
 * the layout in the person's language that names what happened and where to go — not Spring Boot's English
 * "Whitelabel Error Page" (403, 400) nor a JSON body (404 of a case, before this page). The API keeps RFC 9457
 * problem details. Same configuration as the browser tests, so a full run starts one server for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Fixtures.class, TestClockConfig.class})
class ErrorPagesServerTest {

    private static final String PASSWORD = "feilside-test";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;
    @Autowired
    Clock clock;

    @Test
    void aSignedInCaseworkerGetsNorwegianPagesInTheLayoutForACaseThatDoesNotExistAPageOfAnotherRoleAndABadAddress() throws Exception {
        HttpClient browser = client();
        signIn(browser, staff(Role.AGENCY_CASEWORKER));

        for (String path : new String[]{"/saker/99999999", "/finnes-ikke"}) {
            HttpResponse<String> missing = get(browser, path, BROWSER_ACCEPT);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(missing.body()).as(path)
                    .contains("<html lang=\"nb\">", "<title>Fant ikke siden – Bosetting</title>", "<h1>Fant ikke siden</h1>",
                            "Siden eller saken finnes ikke, eller du har ikke tilgang til den.", "<a href=\"/\">Til forsiden</a>",
                            "aria-label=\"Hovedmeny\"", "Feilkode 404");
        }

        HttpResponse<String> otherRole = get(browser, "/kommune", BROWSER_ACCEPT);
        assertThat(otherRole.statusCode()).isEqualTo(403);
        assertThat(otherRole.body()).contains("<h1>Ingen tilgang</h1>",
                "Du er logget inn som Saksbehandler i IMDi, og denne siden hører ikke til den rollen.");

        HttpResponse<String> notANumber = get(browser, "/saker/abc", BROWSER_ACCEPT);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("<h1>Ugyldig adresse</h1>").doesNotContain("Failed to convert");

        // The statistics know which years exist: the page says so, in Norwegian, instead of an English reason.
        int next = Year.now(clock.withZone(TimeConfig.OSLO)).getValue() + 1;
        HttpResponse<String> badYear = get(browser, "/statistikk?year=1999", BROWSER_ACCEPT);
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(badYear.body()).contains("<p id=\"error-explanation\">Statistikken finnes for årene 2000–" + next + ". 1999 er utenfor.</p>")
                .doesNotContain("year must be");

        // The same page in English when the person chose English.
        HttpResponse<String> english = get(browser, "/saker/99999999?lang=en", BROWSER_ACCEPT);
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Page not found</h1>", "To the start page", "Error code 404");
    }

    @Test
    void aFormSentWithAnExpiredTokenIsToldApartFromARoleWithoutAccessAndNothingIsSaved() throws Exception {
        HttpClient browser = client();
        signIn(browser, staff(Role.AGENCY_CASEWORKER));
        HttpResponse<String> expired = browser.send(HttpRequest.newBuilder(uri("/varsler/lest")).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=utlopt")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<h1>Skjemaet ble ikke sendt</h1>", "last inn siden på nytt")
                .doesNotContain("Ingen tilgang");
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentBackToThePublicSideInTheirLanguage() throws Exception {
        HttpClient visitor = client();
        HttpResponse<String> missing = get(visitor, "/offentlig/finnes-ikke", BROWSER_ACCEPT);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1>Fant ikke siden</h1>", "<a href=\"/offentlig/statistikk\">Til offentlig statistikk</a>")
                .doesNotContain("Hovedmeny", "Logg ut");

        HttpResponse<String> oldYear = get(visitor, "/offentlig/introduksjon?year=1989", BROWSER_ACCEPT);
        assertThat(oldYear.statusCode()).isEqualTo(400);
        assertThat(oldYear.body()).contains("<h1>Ugyldig adresse</h1>",
                "Resultatene finnes for fullføringsårene 1990–" + Year.now(clock.withZone(TimeConfig.OSLO)).getValue() + ". 1989 er utenfor.");

        HttpResponse<String> ukrainian = get(visitor, "/offentlig/finnes-ikke?lang=uk", BROWSER_ACCEPT);
        assertThat(ukrainian.statusCode()).isEqualTo(404);
        assertThat(ukrainian.body()).contains("<html lang=\"uk\">", "<h1>Сторінку не знайдено</h1>", "До відкритої статистики");
    }

    @Test
    void theApiAndOtherJsonClientsKeepProblemDetails() throws Exception {
        Actor caseworker = staff(Role.AGENCY_CASEWORKER);
        String basic = "Basic " + Base64.getEncoder().encodeToString((caseworker.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpClient api = client();
        for (String path : new String[]{"/api/v1/finnes-ikke", "/api/v1/cases/99999999"}) {
            HttpResponse<String> response = api.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                    .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":404").doesNotContain("<html");
        }
        // A script asking a web address for JSON gets problem details from the error page too, with the path it asked for.
        HttpClient script = client();
        signIn(script, caseworker);
        HttpResponse<String> json = get(script, "/saker/99999999", "application/json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.body()).contains("\"status\":404", "\"instance\":\"/saker/99999999\"");
    }

    private Actor staff(Role role) {
        Actor actor = new Actor("feilside-" + Fixtures.next(), "Test Feilside", role, null, null);
        users.createIfMissing(actor, PASSWORD, null);
        return actor;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<String> get(HttpClient client, String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void signIn(HttpClient client, Actor actor) throws Exception {
        String page = get(client, "/login", BROWSER_ACCEPT).body();
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the login page has a CSRF token").isTrue();
        String csrf = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(actor.username()) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
