package no.bosetting.messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the real server (Tomcat parses the multipart body, which MockMvc does not): a message with
 * an attachment over the 10 MB limit comes back as the form, with the typed text kept and a Norwegian error
 * next to the file field, not as the container's bare 413 page (issue 21, finding 8). Same configuration as
 * the browser tests, so a full run starts one server for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Fixtures.class, TestClockConfig.class})
class LargeUploadServerTest {

    private static final String PASSWORD = "opplasting-test";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aTwentyFiveMegabyteAttachmentGivesTheFormBackWithTheTextKeptAndAnErrorNextToTheFile() throws Exception {
        Actor caseworker = new Actor("opplasting-" + Fixtures.next(), "Test Opplaster", no.bosetting.access.Role.AGENCY_CASEWORKER, null, null);
        users.createIfMissing(caseworker, PASSWORD, null);
        long caseId = fixtures.household(fixtures.centre("3911"), 0);
        fixtures.ready(caseId);
        fixtures.propose(caseId, "3911");
        login(caseworker);

        String threadPage = get("/meldinger/sak/" + caseId);
        byte[] big = new byte[25 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        String typed = "Vedlagt er leiekontrakten – se side 3.";
        HttpResponse<String> response = postMultipart("/meldinger/sak/" + caseId, csrf(threadPage), typed, "kontrakt.pdf", big);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("id=\"attachments-error\"")
                .contains("«kontrakt.pdf» er større enn 10 MB")
                .contains(typed + "</textarea>");
        assertThat(jdbc.sql("select count(*) from message m join message_thread t on t.id = m.thread_id where t.case_id = :c")
                .param("c", caseId).query(Long.class).single()).isZero();
    }

    @Test
    void aRequestAboveEvenTheContainersLimitGetsAShortNorwegianPageNotTheBare413() throws Exception {
        // Only the headers and a little of the body are sent: the answer must come without reading the rest.
        for (String path : new String[]{"/meldinger/sak/1", "/api/v1/permits/batch"}) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nReferer: http://localhost:" + port
                        + "/meldinger/sak/1?kommune=3911\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                        + (70L * 1024 * 1024) + "\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = readUntil(socket.getInputStream(), path.startsWith("/api/") ? "}" : "</html>");
                assertThat(response).as(path).startsWith("HTTP/1.1 413");
                if (path.startsWith("/api/")) {
                    assertThat(response).contains("application/problem+json").contains("\"status\":413");
                } else {
                    assertThat(response).contains("<html lang=\"nb\">").contains("Filene er for store")
                            .contains("høyst 10 MB").contains("href=\"/meldinger/sak/1?kommune=3911\"");
                }
            }
        }
    }

    /** The response as far as {@code end}: the server need not close the connection for the answer to be complete. */
    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.toString(StandardCharsets.UTF_8).contains(end)) {
                break;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void login(Actor actor) throws Exception {
        String page = get("/login");
        String form = "username=" + enc(actor.username()) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf(page));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> postMultipart(String path, String csrf, String body, String fileName, byte[] file) throws Exception {
        String boundary = "----bosetting" + Fixtures.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page has a CSRF token").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
