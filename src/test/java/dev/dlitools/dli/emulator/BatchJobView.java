package dev.dlitools.dli.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Spark job as the emulator holds it.
 *
 * @param body the request body as received
 * @param cancelled whether a {@code DELETE} ended it while it ran
 */
public record BatchJobView(String id, String name, String state, JsonNode body, boolean cancelled) {}
