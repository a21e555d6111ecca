package dev.dlitools.dli.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.SettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageKindTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void noKindMeansJar(String value) {
        assertThat(PackageKind.parse(value)).isEqualTo(PackageKind.JAR);
    }

    @ParameterizedTest
    @CsvSource({"jar, JAR", "pyFile, PY_FILE", "pyfile, PY_FILE", "FILE, FILE", "modelFile, MODEL_FILE"})
    void kindsAreNamedAsInDlisApiIgnoringCase(String value, PackageKind expected) {
        assertThat(PackageKind.parse(value)).isEqualTo(expected);
    }

    @Test
    void apiNamesAreDlis() {
        assertThat(PackageKind.values()).extracting(PackageKind::apiName)
                .containsExactly("jar", "pyFile", "file", "modelFile");
    }

    @Test
    void anUnknownKindListsTheKinds() {
        assertThatThrownBy(() -> PackageKind.parse("python"))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{KIND}}: 'python' is not a DLI package kind. Use one of: jar, pyFile,"
                        + " file, modelFile (file takes a mix of file types).");
    }

    @Test
    void jarTakesOnlyJars() {
        assertThat(PackageKind.JAR.accepts("app-1.0.jar")).isTrue();
        assertThat(PackageKind.JAR.accepts("APP.JAR")).isTrue();
        assertThat(PackageKind.JAR.accepts("job.py")).isFalse();
        assertThat(PackageKind.JAR.accepts("app.jar.zip")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"job.py, true", "deps.zip, true", "lib.egg, true", "lib.whl, false", "app.jar, false"})
    void pyFileTakesPythonSourcesAndArchives(String fileName, boolean accepted) {
        assertThat(PackageKind.PY_FILE.accepts(fileName)).isEqualTo(accepted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.jar", "job.py", "model.onnx", "README"})
    void fileAndModelFileTakeAnything(String fileName) {
        assertThat(PackageKind.FILE.accepts(fileName)).isTrue();
        assertThat(PackageKind.MODEL_FILE.accepts(fileName)).isTrue();
    }
}
