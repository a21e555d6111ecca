package dev.dlitools.dli.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.emulator.S3ObjectStore.ObjectLocation;
import java.net.URI;
import org.junit.jupiter.api.Test;

class S3ObjectStoreTest {

    @Test
    void locatesAVirtualHostedObsUrl() {
        assertThat(S3ObjectStore.locate(URI.create("https://my-jars.obs.cn-north-4.myhuaweicloud.com/app/lib/a.jar")))
                .isEqualTo(new ObjectLocation("my-jars", "app/lib/a.jar"));
        assertThat(S3ObjectStore.locate(URI.create("https://jars.obs.eu-de.otc.t-systems.com/a%20b.jar")))
                .isEqualTo(new ObjectLocation("jars", "a b.jar"));
    }

    @Test
    void locatesAPathStyleUrl() {
        assertThat(S3ObjectStore.locate(URI.create("http://127.0.0.1:9000/jars/app/a.jar")))
                .isEqualTo(new ObjectLocation("jars", "app/a.jar"));
        assertThat(S3ObjectStore.locate(URI.create("https://obs.cn-north-4.myhuaweicloud.com/jars/a.jar")))
                .isEqualTo(new ObjectLocation("jars", "a.jar"));
    }

    @Test
    void refusesAUrlWithoutBucketAndKey() {
        assertThatThrownBy(() -> S3ObjectStore.locate(URI.create("http://127.0.0.1:9000/jars")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3ObjectStore.locate(URI.create("https://jars.obs.cn-north-4.myhuaweicloud.com/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
