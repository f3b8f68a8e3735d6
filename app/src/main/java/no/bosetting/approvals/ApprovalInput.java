package no.bosetting.approvals;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A held command's input, stored as a form-encoded line (name=value&amp;…), in the order it was given. */
final class ApprovalInput {

    private ApprovalInput() {
    }

    static String encode(Map<String, String> input) {
        StringBuilder s = new StringBuilder();
        input.forEach((k, v) -> {
            if (v != null) {
                s.append(s.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return s.toString();
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> input = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return input;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            input.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return input;
    }
}
