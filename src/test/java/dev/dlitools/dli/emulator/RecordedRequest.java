package dev.dlitools.dli.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as the emulator received it.
 *
 * @param method the HTTP method
 * @param path the raw (still percent-encoded) path
 * @param query the raw query, or {@code null} when there is none
 * @param headers received headers, looked up without regard to case; several values are joined by {@code ,}
 * @param body the body as UTF-8 text, empty for none
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body) {

    public String header(String name) {
        return headers.get(name);
    }

    /** The query's parameters, decoded; the first value of a name given twice wins. */
    Map<String, String> queryParameters() {
        Map<String, String> first = new LinkedHashMap<>();
        parseQuery(query).forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    /** Parameters of a raw query in arrival order, decoded; a name given twice keeps every value. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String parameter : rawQuery.split("&")) {
            if (!parameter.isEmpty()) {
                int equals = parameter.indexOf('=');
                String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
                String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    /** Percent-decoding that keeps {@code +} a plus, as the signers do. */
    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
