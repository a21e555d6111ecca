package dev.dlitools.dli.maven;

import java.util.List;

/**
 * Keeps the bundled AWS SDK and its Apache HTTP client from logging requests at debug level: the SDK's signer logs
 * each canonical request with every signed header's value ({@code x-amz-security-token} included), and the HTTP
 * client logs headers ({@code Proxy-Authorization} included) and bodies. Masking header by header would trust a
 * list of names; quieting these loggers leaves nothing to trust. Our own debug lines show the OBS calls instead.
 *
 * <p>They log through SLF4J to Maven's simple logger, which reads a logger's level from a system property when it
 * creates the logger; the SDK creates its loggers when its classes load, after {@link #quiet()} ran at the start of
 * the goal. The core leaves this to the front end, as only the front end knows its logging.
 */
final class SdkLogging {

    /** Logger names, each with the loggers below it. */
    private static final List<String> QUIETED = List.of("software.amazon.awssdk", "org.apache.http");

    /** Maven 3's SLF4J simple logger and Maven 4's logger take their per-logger levels under these keys. */
    private static final List<String> LEVEL_KEY_PREFIXES = List.of("org.slf4j.simpleLogger.log.", "maven.logger.log.");

    private SdkLogging() {}

    /** Sets their loggers to warnings and errors only, whatever level was asked for: no level may show a secret. */
    static void quiet() {
        for (String prefix : LEVEL_KEY_PREFIXES) {
            for (String logger : QUIETED) {
                System.setProperty(prefix + logger, "warn");
            }
        }
    }
}
