package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader of the list answer reads what {@link DliJson#MAPPER} reads, quirks included. */
class ResourceListJsonTest {

    @Test
    void seedExampleReadsAsTheMapperReadsIt() throws IOException {
        String body;
        try (InputStream in = getClass().getResourceAsStream("/seeds/004-list-resources-response.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ResourceList streamed = ResourceListJson.read(body);

        assertThat(streamed).isEqualTo(DliJson.MAPPER.readValue(body, ResourceList.class));
        assertThat(streamed.groups()).isNotEmpty();
        assertThat(streamed.resources()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the service's scalars in either form
        "{\"groups\":[{\"group_name\":\"g\",\"status\":\"READY\",\"is_async\":\"true\","
                + "\"create_time\":\"1551334579654\",\"update_time\":1551334579655,"
                + "\"resources\":[\"a.jar\",7],\"owner\":42,"
                + "\"details\":[{\"resource_name\":\"a.jar\",\"is_async\":\"false\",\"create_time\":0,"
                + "\"underlying_name\":\"u_a.jar\",\"status\":\"uploading\"}]}],\"total\":\"1\"}",
        // nulls, empty strings, booleans as 0 and 1, unknown members of every shape
        "{\"resources\":null,\"modules\":[{\"module_name\":\"m\",\"resources\":[\"x\"],\"description\":null,"
                + "\"create_time\":\"\",\"extra\":{\"a\":[1,{\"b\":null}]}}],\"groups\":[{\"group_name\":\"g2\","
                + "\"is_async\":1,\"details\":null,\"unknown\":[true,false]},{\"group_name\":\"g3\",\"is_async\":0,"
                + "\"status\":null}],\"total\":2,\"next\":\"x\"}",
        // floats where whole numbers are expected, and nothing at all
        "{\"total\":3.0,\"groups\":[{\"create_time\":1.5E3}]}",
        "{}"
    })
    void quirkyAnswersReadAsTheMapperReadsThem(String body) throws IOException {
        assertThat(ResourceListJson.read(body)).isEqualTo(DliJson.MAPPER.readValue(body, ResourceList.class));
    }

    @Test
    void bodyCutShortFailsAsEndOfInput() {
        assertThatThrownBy(() -> ResourceListJson.read("{\"groups\":[{\"group_name\":\"g\""))
                .isInstanceOf(JsonEOFException.class);
    }

    /** Where data binding answers null, which the listing could not show. */
    @Test
    void nullAnswerFails() {
        assertThatThrownBy(() -> ResourceListJson.read("null")).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>portal</html>", "[]", "{\"groups\":\"g\"}",
        "{\"groups\":[\"g\"]}", "{\"groups\":[{\"create_time\":\"yesterday\"}]}",
        "{\"groups\":[{\"is_async\":\"maybe\"}]}", "{\"groups\":[{\"group_name\":{\"a\":1}}]}"})
    void notJsonOrWrongShapeFailsAsTheMapperFails(String body) {
        assertThatThrownBy(() -> DliJson.MAPPER.readValue(body, ResourceList.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> ResourceListJson.read(body)).isInstanceOf(JsonProcessingException.class);
    }
}
