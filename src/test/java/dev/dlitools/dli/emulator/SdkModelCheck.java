package dev.dlitools.dli.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a request body into Huawei's own SDK model class ({@code com.huaweicloud.sdk.dli.v1.model}), refusing
 * fields the model does not know: a misspelled or wrongly cased field name fails here the way a wrong signature
 * fails {@code AKSKSigner}, instead of being ignored by the emulator and the service alike.
 */
final class SdkModelCheck {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SdkModelCheck() {}

    /**
     * The body as an instance of {@code model}.
     *
     * @throws ModelMismatchException when the body is not JSON, has a field the model does not know, or a value of
     *     the wrong type; its message names the field
     */
    static <T> T read(String body, Class<T> model) {
        try {
            T read = STRICT.readValue(body, model);
            if (read == null) {
                throw new ModelMismatchException("The request body must be a JSON object, not null");
            }
            return read;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Objects::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ModelMismatchException("Unknown field '" + location(e) + "': Huawei's "
                    + simpleName(e.getReferringClass()) + " knows " + known);
        } catch (MismatchedInputException e) {
            throw new ModelMismatchException("Field '" + location(e) + "' does not fit " + simpleName(model) + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ModelMismatchException("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The JSON path of the problem, e.g. {@code tags[0].kay}. */
    private static String location(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "the model" : type.getSimpleName();
    }

    /** A request body that Huawei's SDK model does not accept; the message says which field and why. */
    static final class ModelMismatchException extends RuntimeException {

        ModelMismatchException(String message) {
            super(message);
        }
    }
}
