package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example response of the API pages in shared/seeds parses into our records. */
class SeedExamplesTest {

    private static <T> T seed(String name, Class<T> type) throws IOException {
        try (InputStream in = SeedExamplesTest.class.getResourceAsStream("/seeds/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return DliJson.MAPPER.readValue(in, type);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "000-upload-pyfile-group-response.json",
        "001-upload-file-group-response.json",
        "002-upload-group-response.json",
        "003-upload-file-group-response.json"
    })
    void uploadResponsesParseWithEveryPackageReady(String name) throws IOException {
        PackageGroup group = seed(name, PackageGroup.class);

        assertThat(group.groupName()).isNotBlank();
        assertThat(group.groupStatus()).isEqualTo(PackageStatus.READY);
        assertThat(group.details()).isNotEmpty()
                .allSatisfy(detail -> assertThat(detail.packageStatus()).isEqualTo(PackageStatus.READY));
        assertThat(group.details()).extracting(ResourcePackage::resourceName)
                .containsExactlyElementsOf(group.resources());
    }

    @Test
    void uploadGroupResponseKeepsZeroTimesAndUnderlyingNames() throws IOException {
        PackageGroup group = seed("002-upload-group-response.json", PackageGroup.class);

        assertThat(group.groupName()).isEqualTo("gatk");
        assertThat(group.packageCount()).isEqualTo(3);
        assertThat(group.details().get(0).createTime()).isZero();
        assertThat(group.details().get(0).underlyingName())
                .isEqualTo("987e208d-d46e-4475-a8c0-a62f0275750b_spark-sdv-app.jar");
        assertThat(group.createTime()).isEqualTo(1551334579654L);
        assertThat(group.isAsync()).isNull();
    }

    @Test
    void fileGroupResponseSaysItWasNotAsync() throws IOException {
        PackageGroup group = seed("001-upload-file-group-response.json", PackageGroup.class);

        assertThat(group.isAsync()).isFalse();
        assertThat(group.details()).extracting(ResourcePackage::resourceType).containsOnly("file");
    }

    @Test
    void listResponseHasSingleResourcesGroupsAndModules() throws IOException {
        ResourceList list = seed("004-list-resources-response.json", ResourceList.class);

        assertThat(list.resources()).singleElement()
                .satisfies(resource -> assertThat(resource.resourceName()).isEqualTo("luxor-router-1.1.1.jar"));
        assertThat(list.groups()).singleElement().satisfies(group -> {
            assertThat(group.groupName()).isEqualTo("groupTest");
            assertThat(group.details()).extracting(ResourcePackage::resourceType).containsExactly("jar", "file");
        });
        assertThat(list.modules()).singleElement().satisfies(module -> {
            assertThat(module.moduleName()).isEqualTo("gatk");
            assertThat(module.resources()).hasSize(3);
        });
        // the seed leaves out the mandatory "total"
        assertThat(list.total()).isNull();
    }

    @Test
    void requestWithStringAsyncFlagIsReadAsTrue() throws IOException {
        // seed 002 sends "is_async":"true"; the emulator reads our requests with the same mapping
        record UploadBody(java.util.List<String> paths, String kind, String group, Boolean isAsync) {}
        UploadBody body = seed("002-upload-group-request.json", UploadBody.class);

        assertThat(body.isAsync()).isTrue();
        assertThat(body.kind()).isEqualTo("jar");
        assertThat(body.paths()).hasSize(3);
    }

    @Test
    void statusIsComparedWithoutCase() {
        assertThat(PackageStatus.of("uploading")).isEqualTo(PackageStatus.UPLOADING);
        assertThat(PackageStatus.of(" Ready ")).isEqualTo(PackageStatus.READY);
        assertThat(PackageStatus.of("failed").isFinal()).isTrue();
        assertThat(PackageStatus.of("weird")).isEqualTo(PackageStatus.UNKNOWN);
        assertThat(PackageStatus.of(null)).isEqualTo(PackageStatus.UNKNOWN);
    }
}
