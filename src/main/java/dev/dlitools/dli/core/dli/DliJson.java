package dev.dlitools.dli.core.dli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/** The one JSON mapping of the service's shapes: snake_case names, unknown fields ignored, nulls left out. */
public final class DliJson {

    /** The mapper for every JSON the plugin reads or writes; configured once, shared by all threads. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // the service answers "is_async": "true" as often as true
            .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // no null field, nor a null value of a map (what the deprecated serializationInclusion(NON_NULL) set)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private DliJson() {}

    /**
     * Builds the mapper's serializers for these types, and what writing and reading JSON loads, so the goal's own
     * writes and reads find them made. The mapper's first use in a fresh JVM loads some 600 classes, a few tenths
     * of a second that a goal spends on a second thread while it waits for something else.
     *
     * @param written the types the goal will write
     */
    public static void prepare(Class<?>... written) {
        for (Class<?> type : written) {
            MAPPER.writerFor(type);
        }
        try {
            MAPPER.readTree(write(Map.of("prepared", List.of(true))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read JSON the mapper wrote", e);
        }
    }

    /**
     * Indented JSON of one of our records.
     *
     * @param value a record of the plugin's
     * @return the JSON, without a trailing line break; {@code null} fields left out
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
