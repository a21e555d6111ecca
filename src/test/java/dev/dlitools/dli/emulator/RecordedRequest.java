package dev.dlitools.dli.emulator;

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
}
