package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.common.Setting;
import java.util.Properties;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/**
 * An error about a setting whose {@code -D} property lost to the pom's value says so, and only then: the
 * configuration is what Maven executes, the pom's values and {@code ${property}} for the rest.
 */
class OverriddenPropertiesTest {

    private static final String NO_SUCH_BUCKET = "Bucket 'acme-dli-artifacts' does not exist at http://obs: check "
            + Setting.BUCKET.named() + ".";

    @Test
    void aPomValueThatBeatTheCommandLineIsNamedWithTheWayOut() {
        OverriddenProperties overridden = new OverriddenProperties(
                configuration("bucket", "acme-dli-artifacts", "region", "${dli.region}"),
                properties("dli.obs.bucket", "etl-jars", "dli.region", "cn-north-4"), new Properties());

        assertThat(overridden.note(NO_SUCH_BUCKET)).isEqualTo(" The pom's <bucket>acme-dli-artifacts</bucket> set"
                + " bucket: -Ddli.obs.bucket=etl-jars lost to it, as Maven gives the plugin's <configuration>"
                + " precedence over -D. Remove <bucket> from the pom, or give it there as"
                + " <properties><dli.obs.bucket>acme-dli-artifacts</dli.obs.bucket></properties>, which -D overrides.");
    }

    @Test
    void aPropertyOfTheJvmCountsAsGiven() {
        OverriddenProperties overridden = new OverriddenProperties(configuration("bucket", "acme-dli-artifacts"),
                new Properties(), properties("dli.obs.bucket", "etl-jars"));

        assertThat(overridden.note(NO_SUCH_BUCKET)).contains("-Ddli.obs.bucket=etl-jars lost to it");
    }

    @Test
    void nothingIsSaidWhenThePropertyDecidedOrWasNotGivenOrAgrees() {
        Properties given = properties("dli.obs.bucket", "etl-jars");

        assertThat(new OverriddenProperties(configuration("bucket", "${dli.obs.bucket}"), given, new Properties())
                .note(NO_SUCH_BUCKET)).as("the pom leaves the bucket out").isEmpty();
        assertThat(new OverriddenProperties(configuration("bucket", "acme-dli-artifacts"), new Properties(),
                new Properties()).note(NO_SUCH_BUCKET)).as("no -D").isEmpty();
        assertThat(new OverriddenProperties(configuration("bucket", "etl-jars"), given, new Properties())
                .note(NO_SUCH_BUCKET)).as("the same value").isEmpty();
        assertThat(new OverriddenProperties(null, given, new Properties()).note(NO_SUCH_BUCKET))
                .as("no configuration known").isEmpty();
    }

    @Test
    void onlyTheSettingsTheMessageNamesAreExplained() {
        OverriddenProperties overridden = new OverriddenProperties(configuration("bucket", "acme-dli-artifacts"),
                properties("dli.obs.bucket", "etl-jars"), new Properties());

        assertThat(overridden.note("Invalid " + Setting.GROUP.named() + ": too long")).isEmpty();
        assertThat(overridden.note("gave up " + Setting.RETRIES.aside() + ", check "
                + Setting.BUCKET.withValue("x"))).contains("<bucket>acme-dli-artifacts</bucket>");
    }

    @Test
    void everyNoteHasOneSentenceForEachSettingThatLostAndNoneForTheOthers() {
        Xpp3Dom configuration = configuration("bucket", "acme-dli-artifacts", "region", "${dli.region}",
                "format", "json");
        configuration.addChild(nested("job", "queue", "etl").getChild("job"));
        OverriddenProperties overridden = new OverriddenProperties(configuration,
                properties("dli.obs.bucket", "etl-jars", "dli.region", "eu-de", "dli.format", "json"),
                properties("dli.job.queue", "adhoc"));

        assertThat(overridden.everyNote()).containsExactlyInAnyOrder(
                "The pom's <bucket>acme-dli-artifacts</bucket> set bucket: -Ddli.obs.bucket=etl-jars lost to it, as"
                        + " Maven gives the plugin's <configuration> precedence over -D. Remove <bucket> from the"
                        + " pom, or give it there as <properties><dli.obs.bucket>acme-dli-artifacts</dli.obs.bucket>"
                        + "</properties>, which -D overrides.",
                "The pom's <job><queue>etl</queue></job> set job.queue: -Ddli.job.queue=adhoc lost to it, as Maven"
                        + " gives the plugin's <configuration> precedence over -D. Remove <job><queue> from the pom,"
                        + " or give it there as <properties><dli.job.queue>etl</dli.job.queue></properties>, which -D"
                        + " overrides.");
    }

    @Test
    void aMapInThePomIsReplacedByItsPropertyAndSoNeverBeatsIt() {
        Xpp3Dom configuration = nested("tags", "env", "prod");

        assertThat(new OverriddenProperties(configuration, properties("dli.tags", "env=test"), new Properties())
                .note("Invalid " + Setting.TAGS.named() + ": x")).isEmpty();
    }

    @Test
    void aFieldOfANestedElementIsNamedByItsPath() {
        Xpp3Dom configuration = nested("job", "queue", "etl");

        assertThat(new OverriddenProperties(configuration, properties("dli.job.queue", "adhoc"), new Properties())
                .note("Queue not found: check " + Setting.JOB_QUEUE.named()))
                .startsWith(" The pom's <job><queue>etl</queue></job> set job.queue: -Ddli.job.queue=adhoc lost to it")
                .contains("Remove <job><queue> from the pom");
    }

    private static Xpp3Dom configuration(String... namesAndValues) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            configuration.addChild(element(namesAndValues[i], namesAndValues[i + 1]));
        }
        return configuration;
    }

    /** {@code <configuration><outer><name>value</name></outer></configuration>}. */
    private static Xpp3Dom nested(String outer, String name, String value) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom element = new Xpp3Dom(outer);
        element.addChild(element(name, value));
        configuration.addChild(element);
        return configuration;
    }

    private static Xpp3Dom element(String name, String value) {
        Xpp3Dom element = new Xpp3Dom(name);
        element.setValue(value);
        return element;
    }

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }
}
