package no.bosetting.letters.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import no.bosetting.letters.DigitalMailbox;
import no.bosetting.letters.LetterKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SvarUt adapter against a local HTTP server: what it posts, and that a refusal throws (so the outbox retries). */
class SvarUtMailboxTest {

    HttpServer server;
    final AtomicReference<String> method = new AtomicReference<>();
    final AtomicReference<String> path = new AtomicReference<>();
    final AtomicReference<String> authorization = new AtomicReference<>();
    final AtomicReference<String> contentType = new AtomicReference<>();
    final AtomicReference<byte[]> body = new AtomicReference<>();
    final AtomicInteger answer = new AtomicInteger(200);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v2/forsendelse", exchange -> {
            method.set(exchange.getRequestMethod());
            path.set(exchange.getRequestURI().getPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            body.set(exchange.getRequestBody().readAllBytes());
            byte[] response = "{\"id\":\"svarut-4711\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.get(), response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    SvarUtMailbox mailbox() {
        return new SvarUtMailbox("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/forsendelse",
                "bosetting-integrasjon", "hemmelig", Duration.ofSeconds(5));
    }

    static DigitalMailbox.Shipment shipment() {
        byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.ISO_8859_1);
        return new DigitalMailbox.Shipment(42, "bosetting-brev-42", LetterKind.DECISION, "PERSON", "202312345678",
                "Олена Коваленко", "Vedtak om bosettingskommune", "BS-2026-000123", "vedtak-bosettingskommune-42-v1.pdf", pdf);
    }

    @Test
    void postsThePdfAndItsMetadataWithBasicAuthentication() throws Exception {
        DigitalMailbox.Receipt receipt = mailbox().send(shipment());

        assertThat(receipt).isEqualTo(new DigitalMailbox.Receipt("SVARUT", "SENT", "svarut-4711"));
        assertThat(method.get()).isEqualTo("POST");
        assertThat(path.get()).isEqualTo("/api/v2/forsendelse");
        assertThat(authorization.get()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("bosetting-integrasjon:hemmelig".getBytes(StandardCharsets.UTF_8)));
        assertThat(contentType.get()).startsWith("multipart/form-data; boundary=");
        String sent = new String(body.get(), StandardCharsets.UTF_8);
        assertThat(sent).contains("name=\"forsendelse\"", "Content-Type: application/json", "\"eksternReferanse\":\"bosetting-brev-42\"",
                "\"tittel\":\"Vedtak om bosettingskommune\"", "\"type\":\"PERSON\"", "\"id\":\"202312345678\"",
                "\"navn\":\"Олена Коваленко\"", "\"saksreferanse\":\"BS-2026-000123\"",
                "name=\"filer\"; filename=\"vedtak-bosettingskommune-42-v1.pdf\"", "Content-Type: application/pdf", "%PDF-1.7 test");
    }

    @Test
    void aRefusalThrowsSoTheOutboxRetries() {
        answer.set(503);
        assertThatThrownBy(() -> mailbox().send(shipment())).isInstanceOf(IOException.class).hasMessageContaining("503");
    }
}
