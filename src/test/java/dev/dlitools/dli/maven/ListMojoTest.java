package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

@MojoTest
class ListMojoTest {

    private static final String POM = "classpath:/unit/list/pom.xml";

    @Test
    @InjectMojo(goal = "list", pom = POM)
    @MojoParameter(name = "format", value = "yaml")
    void unknownFormatNamesTheSetting(ListMojo mojo) {
        mojo.environment = Map.of();
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("format (-Ddli.format)")
                .hasMessageContaining("table or json");
    }

    @Test
    @InjectMojo(goal = "list", pom = POM)
    @MojoParameter(name = "kindFilter", value = "pyfiles")
    void aKindThatIsNoDliKindFailsNamingTheSettingAndTheKindsBeforeCredentialsOrAnyCall(ListMojo mojo) {
        // no credentials: a call would fail on those first
        mojo.environment = Map.of();
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Invalid kindFilter (-Ddli.kind): 'pyfiles' is not a DLI package kind. Use one of: jar, "
                        + "pyFile, file, modelFile (file takes a mix of file types).");
    }

    @Test
    @InjectMojo(goal = "list", pom = POM)
    void missingCredentialsListBothWaysToGiveThem(ListMojo mojo) {
        mojo.environment = Map.of();
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("No Huawei Cloud credentials found")
                .hasMessageContaining("<server> with id 'huaweicloud'")
                .hasMessageContaining("HUAWEICLOUD_SDK_AK")
                .hasMessageContaining("HUAWEICLOUD_SDK_SK");
    }

    @Test
    @InjectMojo(goal = "list", pom = POM)
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    @MojoParameter(name = "projectId", value = "p")
    @MojoParameter(name = "retries", value = "0")
    void unreachableServiceIsOurMessageWithoutTheLowLevelCausesMavenWouldAppend(ListMojo mojo) {
        mojo.environment = Map.of("HUAWEICLOUD_SDK_AK", "AK0123456789", "HUAWEICLOUD_SDK_SK", "sk");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Could not reach http://127.0.0.1:1 (connection refused). Check endpoint (-Ddli.endpoint), "
                        + "the network and the proxy settings.")
                .hasNoCause();
    }

    @Test
    @InjectMojo(goal = "list", pom = POM)
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    @MojoParameter(name = "projectId", value = "p")
    @MojoParameter(name = "retries", value = "0")
    void aSecurityTokenPastedWithATrailingLineBreakIsSentTrimmedNeverEchoed(ListMojo mojo) {
        String token = "list-session-token-0123456789abcdef";
        mojo.environment = Map.of("HUAWEICLOUD_SDK_AK", "AK0123456789", "HUAWEICLOUD_SDK_SK", "sk",
                "HUAWEICLOUD_SDK_SECURITY_TOKEN", token + "\n");

        // the request went out: the JDK client refused no header
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Could not reach http://127.0.0.1:1 (connection refused).")
                .message().doesNotContain(token);
    }

    @Test
    @InjectMojo(goal = "list", pom = POM)
    @MojoParameter(name = "endpoint", value = "http://gateway-user:gateway-pass-77@127.0.0.1:1")
    @MojoParameter(name = "projectId", value = "p")
    @MojoParameter(name = "retries", value = "0")
    void aLoginInTheEndpointIsRefusedInMavenWordsWithoutEchoingIt(ListMojo mojo) {
        mojo.environment = Map.of("HUAWEICLOUD_SDK_AK", "AK0123456789", "HUAWEICLOUD_SDK_SK", "sk");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("endpoint (-Ddli.endpoint) must not hold a login (user:password@): give it "
                        + "as 'http://127.0.0.1:1'.")
                .message().doesNotContain("gateway-pass-77");
    }

    @Test
    @InjectMojo(goal = "list", pom = POM)
    @MojoParameter(name = "endpoint", value = "https://dli.example.com:84433")
    @MojoParameter(name = "projectId", value = "p")
    @MojoParameter(name = "retries", value = "0")
    void anEndpointPortOutOfRangeIsRefusedInMavenWords(ListMojo mojo) {
        // 8443 typed as 84433
        mojo.environment = Map.of("HUAWEICLOUD_SDK_AK", "AK0123456789", "HUAWEICLOUD_SDK_SK", "sk");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("endpoint (-Ddli.endpoint) has port 84433, which is not 1 to 65535: "
                        + "'https://dli.example.com:84433'. Give it as https://host[:port].");
    }

    @Test
    @InjectMojo(goal = "list", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothingButSayingSo(ListMojo mojo) throws Exception {
        mojo.environment = Map.of(); // no credentials: any call would fail
        List<String> infos = InfoLines.of(mojo);

        mojo.execute();

        assertThat(infos).containsExactly("Skipping dli:list (dli.skip=true)");
    }

    // before, skip was a boolean here: releases and snapshots silently meant false
    @Test
    @InjectMojo(goal = "list", pom = POM)
    @MojoParameter(name = "skip", value = "releases")
    void releasesSkipsTheListingInAReleaseProjectAsItSkipsTheOtherGoals(ListMojo mojo) {
        mojo.environment = Map.of(); // no credentials: any call would fail
        List<String> infos = InfoLines.of(mojo);

        assertThatCode(mojo::execute).doesNotThrowAnyException();
        assertThat(infos).containsExactly("Skipping dli:list (dli.skip=releases)");
    }

    // upload-group's settings in the pom's <properties> are the listing's filters too: the build says so
    @Test
    void aFilterThatComesFromThePomsPropertiesIsSaid() {
        ListMojo mojo = new ListMojo(null);
        MavenProject project = new MavenProject();
        project.setFile(new File("pom.xml"));
        project.getProperties().setProperty("dli.group", "etl-orders");
        mojo.project = project;
        mojo.groupFilter = "etl-orders";
        mojo.format = "table";
        mojo.environment = Map.of();
        List<String> infos = InfoLines.of(mojo);

        catchThrowable(mojo::execute); // without a region the listing fails, after the line

        assertThat(infos).containsExactly("Listing only dli.group=etl-orders, from the pom's <properties>;"
                + " -Ddli.group= lists without that filter.");
    }
}
