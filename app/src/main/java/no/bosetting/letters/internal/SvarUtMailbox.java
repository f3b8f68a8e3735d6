package no.bosetting.letters.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.bosetting.letters.DigitalMailbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a letter to the municipal digital mailbox in the style of KS Fiks SvarUt: one multipart HTTP
 * POST with the shipment's metadata as JSON ("forsendelse") and the PDF ("filer"), HTTP Basic with
 * the integration's id and password. The letter's stable reference lets the receiver drop a repeat.
 * Any answer but 2xx throws, so the outbox retries.
 */
@Component
@ConditionalOnProperty(name = "bosetting.letters.mailbox", havingValue = "svarut")
class SvarUtMailbox implements DigitalMailbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String username;
    private final String password;
    private final HttpClient http;
    private final Duration timeout;

    public SvarUtMailbox(@Value("${bosetting.letters.svarut.url}") String endpoint,
                         @Value("${bosetting.letters.svarut.username}") String username,
                         @Value("${bosetting.letters.svarut.password}") String password,
                         @Value("${bosetting.letters.svarut.timeout:PT30S}") Duration timeout) {
        this.endpoint = URI.create(endpoint);
        this.username = username;
        this.password = password;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Receipt send(Shipment shipment) throws IOException, InterruptedException {
        String boundary = "bosetting-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "forsendelse", null, "application/json", metadata(shipment).getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "filer", shipment.filename(), "application/pdf", shipment.pdf());
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("SvarUt answered " + response.statusCode() + " for " + shipment.reference());
        }
        String id = response.body() == null ? "" : response.body().trim();
        if (id.startsWith("{")) {
            Object value = JSON.readValue(id, Map.class).get("id");
            id = value == null ? "" : value.toString();
        }
        return new Receipt("SVARUT", "SENT", id.isEmpty() ? null : id);
    }

    static String metadata(Shipment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eksternReferanse", s.reference());
        m.put("tittel", s.title());
        m.put("avgivendeSystem", "Bosetting");
        m.put("krevNiva4Innlogging", true);
        m.put("kunDigitalLevering", false);
        m.put("mottaker", Map.of("type", s.recipientType(), "id", s.recipientId() == null ? "" : s.recipientId(),
                "navn", s.recipientName()));
        m.put("saksreferanse", s.caseReference());
        m.put("dokumenter", List.of(Map.of("filnavn", s.filename(), "mimeType", "application/pdf")));
        return JSON.writeValueAsString(m);
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, String type, byte[] content)
            throws IOException {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
        out.write(header.getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
