package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import org.junit.jupiter.api.Test;

class DliJsonTest {

    /** A type no other test writes, so the mapper has no serializer for it before this test. */
    record Prepared(String groupName, int size) {}

    private static int cachedSerializers() {
        return ((DefaultSerializerProvider) DliJson.MAPPER.getSerializerProvider()).cachedSerializersCount();
    }

    @Test
    void prepareLeavesTheSerializersOfTheTypesInTheMapper() {
        int before = cachedSerializers();

        DliJson.prepare(Prepared.class);

        assertThat(cachedSerializers()).isGreaterThan(before);
        assertThat(DliJson.write(new Prepared("etl", 2))).contains("\"group_name\" : \"etl\"");
    }
}
