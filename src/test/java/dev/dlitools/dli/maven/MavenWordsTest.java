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

    /** One goal's parameters: names and types, and per name the {@code ${property}} and default, when it has them. */
    private record Goal(String name, Map<String, String> types, Map<String, String> properties,
            Map<String, String> defaults) {

        Set<String> parameters() {
            return types.keySet();
        }
    }

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
            Map<String, String> types = new HashMap<>();
            NodeList parameters =
                    ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                types.put(parameter.getElementsByTagName("name").item(0).getTextContent().trim(),
                        parameter.getElementsByTagName("type").item(0).getTextContent().trim());
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
            goals.add(new Goal(mojo.getElementsByTagName("goal").item(0).getTextContent().trim(), types,
                    properties, defaults));
        }
        assertThat(goals).extracting(Goal::name)
                .contains("upload-group", "submit", "list", "describe", "delete-group");
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void everySettingIsAParameterOfAGoalWithItsProperty(Setting setting) throws Exception {
        MavenWords.Written written = MavenWords.written(setting);
        assertThat(written).as("Maven's words for " + setting).isNotNull();
        if (written.parameter().contains(".")) {
            assertIsAFieldOfANestedParameter(written);
            return;
        }

        // the parameter exists and, where it has a property, it is the one named; the tags map has none, its
        // command-line twin (tagList) takes the property
        assertThat(goals)
                .as(written + " in the plugin descriptor")
                .anyMatch(goal -> goal.parameters().contains(written.parameter())
                        && goal.properties().containsValue(written.property())
                        && written.property().equals(goal.properties()
                                .getOrDefault(written.parameter(), written.property())));
    }

    /**
     * {@code job.queue}: a field of the goal's {@code job} parameter, whose property (read by the goal itself, as
     * Maven binds none to a nested field) is {@code dli.} and the parameter's path, or none for a pom-only map.
     */
    private static void assertIsAFieldOfANestedParameter(MavenWords.Written written) throws Exception {
        String outer = written.parameter().substring(0, written.parameter().indexOf('.'));
        String field = written.parameter().substring(outer.length() + 1);
        Goal goal = goals.stream().filter(candidate -> candidate.parameters().contains(outer)).findFirst()
                .orElseThrow(() -> new AssertionError("no goal has the parameter " + outer + " of " + written));
        Class<?> type = Class.forName(goal.types().get(outer));
        assertThat(type.getDeclaredField(field)).as(written + " in " + type.getName()).isNotNull();
        if (written.property() != null) {
            assertThat(written.property()).isEqualTo("dli." + written.parameter());
        } else {
            assertThat(type.getDeclaredField(field).getType()).as("a pom-only setting").isEqualTo(Map.class);
        }
    }

    @Test
    void everyFieldOfTheJobElementIsASetting() {
        Set<String> worded = new HashSet<>();
        for (Setting setting : Setting.values()) {
            worded.add(MavenWords.written(setting).parameter());
        }

        assertThat(Job.class.getDeclaredFields()).extracting(field -> "job." + field.getName())
                .allMatch(worded::contains, "worded by a Setting");
    }

    @Test
    void aPomOnlySettingIsNamedByItsElement() {
        assertThat(MavenWords.render("Invalid " + Setting.JOB_CONF.named() + ": x"))
                .isEqualTo("Invalid job.conf (<job><conf> in the pom): x");
        assertThat(MavenWords.render("Invalid " + Setting.JOB_QUEUE.named() + ": x"))
                .isEqualTo("Invalid job.queue (-Ddli.job.queue): x");
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
