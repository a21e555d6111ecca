package dev.dlitools.dli.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** References to settings in the core's texts, and how a front end words them. */
class SettingTest {

    /** Words that show which form was asked for. */
    private static final Setting.Words WORDS = new Setting.Words() {
        @Override
        public String named(Setting setting) {
            return "<" + setting.name().toLowerCase() + ">";
        }

        @Override
        public String aside(Setting setting) {
            return "(aside " + setting.name().toLowerCase() + ")";
        }

        @Override
        public String withValue(Setting setting, String value) {
            return "<" + setting.name().toLowerCase() + "=" + value + ">";
        }
    };

    @Test
    void eachFormOfReferenceIsWordedByTheFrontEnd() {
        String text = "Set " + Setting.BUCKET.named() + " or " + Setting.OBS_ENDPOINT.named() + "; gave up "
                + Setting.RETRIES.aside() + "; e.g. " + Setting.EXCLUDES.withValue("org.x:*") + " ("
                + Setting.GROUP.named() + " too).";

        assertThat(Setting.render(text, WORDS)).isEqualTo("Set <bucket> or <obs_endpoint>; gave up (aside retries);"
                + " e.g. <excludes=org.x:*> (<group> too).");
    }

    @Test
    void textWithoutReferencesAndUnknownNamesStayAsTheyAre() {
        assertThat(Setting.render("no settings here", WORDS)).isEqualTo("no settings here");
        assertThat(Setting.render("a {{NOT_A_SETTING}} and {{lower}}", WORDS))
                .isEqualTo("a {{NOT_A_SETTING}} and {{lower}}");
        assertThat(Setting.render(null, WORDS)).isNull();
    }
}
