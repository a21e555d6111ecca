package dev.dlitools.dli.testsupport;

import java.util.Set;
import java.util.stream.Collectors;

/** The JDK HTTP clients' selector threads: one per client, alive until the client is closed or collected. */
public final class HttpClientThreads {

    private HttpClientThreads() {}

    /** The selector threads alive now. */
    public static Set<Thread> selectors() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().matches("HttpClient-\\d+-SelectorManager"))
                .collect(Collectors.toSet());
    }
}
