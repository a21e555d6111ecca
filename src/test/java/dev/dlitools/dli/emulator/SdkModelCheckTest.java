package dev.dlitools.dli.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.dli.v1.model.UploadJobResourcesRequestBody;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.Tag;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.emulator.SdkModelCheck.ModelMismatchException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our request bodies as Huawei's generated SDK models read them. */
class SdkModelCheckTest {

    private static final String PATH = "https://jars.obs.cn-north-4.myhuaweicloud.com/dli/app-1.0.jar";

    @Test
    void theGroupUploadOurClientSendsIsReadFieldForFieldByHuaweisModel() {
        String sent = DliJson.write(new UploadGroupRequest(List.of(PATH), "jar", "orders-job", true,
                List.of(new Tag("team", "etl"))));

        UploadJobResourcesRequestBody read = SdkModelCheck.read(sent, UploadJobResourcesRequestBody.class);

        assertThat(read.getPaths()).containsExactly(PATH);
        assertThat(read.getKind()).isEqualTo("jar");
        assertThat(read.getGroup()).isEqualTo("orders-job");
        assertThat(read.getIsAsync()).isTrue();
        assertThat(read.getTags()).singleElement().satisfies(tag -> {
            assertThat(tag.getKey()).isEqualTo("team");
            assertThat(tag.getValue()).isEqualTo("etl");
        });
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedSayingSo() {
        assertThatThrownBy(() -> SdkModelCheck.read("{\"paths\":", UploadJobResourcesRequestBody.class))
                .isInstanceOf(ModelMismatchException.class)
                .hasMessageStartingWith("The request body is not valid JSON");
        assertThatThrownBy(() -> SdkModelCheck.read("null", UploadJobResourcesRequestBody.class))
                .isInstanceOf(ModelMismatchException.class)
                .hasMessage("The request body must be a JSON object, not null");
        assertThatThrownBy(() -> SdkModelCheck.read("{\"kind\":\"jar\"} {}", UploadJobResourcesRequestBody.class))
                .isInstanceOf(ModelMismatchException.class);
    }
}
