package dev.dlitools.dli.core.dli;

/** A resource tag as the service takes it: {@code {"key": "...", "value": "..."}}. */
public record Tag(String key, String value) {}
