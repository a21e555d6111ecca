package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.Timeouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every setting of the core is worded as a real parameter of the goals, with its real user property, so that a
 * message never tells a user to set something that does not exist. Read from the plugin descriptor Maven itself
 * reads, generated from the goals' {@code @Parameter}s.
 */
class MavenWordsTest {

    /** One goal's parameters: names, and per name the {@code ${property}} and default, when it has them. */
    private record Goal(String name, Set<String> parameters, Map<String, String> properties,
            Map<String, String> defaults) {}

    private static List<Goal> goals;

    @BeforeAll
    static void readPluginDescriptor() throws Exception {
        Path classes = Path.of(UploadGroupMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path descriptor = classes.resolve("META-INF/maven/plugin.xml");
        assertThat(descriptor).as("the plugin descriptor of this build").exists();
        Document document;
        try (var in = Files.newInputStream(descriptor)) {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        goals = new ArrayList<>();
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Set<String> parameters = new HashSet<>();
            NodeList names = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("name");
            for (int j = 0; j < names.getLength(); j++) {
                parameters.add(names.item(j).getTextContent().trim());
            }
            Map<String, String> properties = new HashMap<>();
            Map<String, String> defaults = new HashMap<>();
            NodeList configuration = mojo.getElementsByTagName("configuration");
            if (configuration.getLength() > 0) {
                NodeList entries = configuration.item(0).getChildNodes();
                for (int j = 0; j < entries.getLength(); j++) {
                    if (entries.item(j).getNodeType() == Node.ELEMENT_NODE) {
                        Element entry = (Element) entries.item(j);
                        String expression = entry.getTextContent().trim();
                        if (expression.startsWith("${") && expression.endsWith("}")) {
                            properties.put(entry.getTagName(), expression.substring(2, expression.length() - 1));
                        }
                        if (entry.hasAttribute("default-value")) {
                            defaults.put(entry.getTagName(), entry.getAttribute("default-value"));
                        }
                    }
                }
            }
            goals.add(new Goal(mojo.getElementsByTagName("goal").item(0).getTextContent().trim(), parameters,
                    properties, defaults));
        }
        assertThat(goals).extracting(Goal::name).contains("upload-group", "list", "describe", "delete-group");
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void everySettingIsAParameterOfAGoalWithItsProperty(Setting setting) {
        MavenWords.Written written = MavenWords.written(setting);
        assertThat(written).as("Maven's words for " + setting).isNotNull();

        // the parameter exists and, where it has a property, it is the one named; the tags map has none, its
        // command-line twin (tagList) takes the property
        assertThat(goals)
                .as(written + " in the plugin descriptor")
                .anyMatch(goal -> goal.parameters().contains(written.parameter())
                        && goal.properties().containsValue(written.property())
                        && written.property().equals(goal.properties()
                                .getOrDefault(written.parameter(), written.property())));
    }

    @Test
    void theGoalsDefaultTimeoutsAreTheCoresDefaults() {
        for (Goal goal : goals) {
            if (goal.parameters().contains("connectTimeout")) {
                assertThat(goal.defaults()).as(goal.name())
                        .containsEntry("connectTimeout", String.valueOf(Timeouts.CONNECT.toSeconds()))
                        .containsEntry("readTimeout", String.valueOf(Timeouts.READ.toSeconds()));
            }
        }
    }

    @Test
    void referencesBecomeParameterAndProperty() {
        String text = "Set " + Setting.BUCKET.named() + "; gave up " + Setting.RETRIES.aside() + "; e.g. "
                + Setting.EXCLUDES.withValue("org.slf4j:*") + ".";

        assertThat(MavenWords.render(text)).isEqualTo("Set bucket (-Ddli.obs.bucket); gave up (retries, "
                + "-Ddli.retries); e.g. excludes (-Ddli.excludes=org.slf4j:*).");
    }
}
