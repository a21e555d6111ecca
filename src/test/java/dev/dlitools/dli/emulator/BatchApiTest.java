package dev.dlitools.dli.emulator;

import static dev.dlitools.dli.emulator.SignedClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.auth.Credentials;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The emulator refuses Spark job bodies that DLI would not take, as Huawei's SDK model reads them. */
class BatchApiTest {

    private static final String AK = "BATCHAK";
    private static final String SK = "batch-secret";
    private static final String BATCHES = "/v2.0/p-batch/batches";

    private DliEmulator emulator;
    private SignedClient client;

    @BeforeEach
    void start() {
        emulator = DliEmulator.builder().credentials(AK, SK).projectId("p-batch").start();
        client = new SignedClient(emulator.endpoint(), Credentials.of(AK, SK));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"file\":\"obs://b/app.jar\",\"class_name\":\"com.example.App\",\"queue\":\"q\"}",
        "{\"file\":\"obs://b/app.jar\",\"className\":\"com.example.App\",\"queue\":\"q\",\"scType\":\"A\"}",
        "{\"file\":\"obs://b/app.jar\",\"className\":\"com.example.App\",\"queue\":\"q\",\"driverCores\":\"many\"}",
        "{\"file\":\"obs://b/app.jar\",\"className\":\"com.example.App\"}",
        "{\"file\":\"obs://b/app.jar\",\"className\":\"com.example.App\",\"queue\":\"q\",\"cluster_name\":\"c\"}",
        "{\"file\":\"obs://b/app.jar\",\"queue\":\"q\"}",
        "{\"className\":\"com.example.App\",\"queue\":\"q\"}",
        "not json"
    })
    void refusesABodyDliWouldNotTake(String body) throws Exception {
        HttpResponse<String> response = client.post(BATCHES, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error_code").asText()).isEqualTo("DLI.0001");
        assertThat(emulator.batchJobs()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"file\":\"obs://b/app.jar\",\"className\":\"com.example.App\",\"queue\":\"q\",\"sc_type\":\"A\"}",
        "{\"file\":\"obs://b/app.py\",\"cluster_name\":\"c\",\"pyFiles\":[\"obs://b/lib.py\"]}"
    })
    void acceptsABodyInDlisFieldNames(String body) throws Exception {
        HttpResponse<String> response = client.post(BATCHES, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("state").asText()).isEqualTo("starting");
        assertThat(emulator.batchJobs()).hasSize(1);
    }
}
