package dev.imageautomation.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where this implementation deliberately differs from Go + Sprig (leniencies, safety limits), and the failures it keeps. */
class SprigLeniencyTest {

    private static String render(String text, Object data) throws TemplateException {
        return GoTemplate.parse("t", text).execute(data);
    }

    @Test
    void shouldAcceptSprigInt64ResultsWhereGoWantsInt() throws Exception {
        // Go fails with "wrong type for value; expected int; got int64"; integer kinds are not modelled here.
        assertThat(render("{{ repeat (add 1 1) \"x\" }}", null)).isEqualTo("xx");
    }

    @Test
    void shouldReturnSprigKeysAndValuesInSortedOrderWhereGoIsRandom() throws Exception {
        assertThat(render("{{ keys (dict \"b\" 1 \"a\" 2) }} {{ values (dict \"b\" 1 \"a\" 2) }}", null))
                .isEqualTo("[a b] [2 1]");
    }

    @Test
    void shouldRejectTimeRandomAndEnvironmentFunctionsAsFluxDoes() {
        for (String function : new String[] {"now", "env", "randAlpha", "uuidv4", "date"}) {
            assertThatThrownBy(() -> GoTemplate.parse("t", "{{ " + function + " }}"))
                    .isInstanceOf(TemplateParseException.class)
                    .hasMessageContaining("function \"" + function + "\" not defined");
        }
    }

    @Test
    void shouldStopRunawayTemplatesWithAClearErrorInsteadOfHanging() {
        assertThatThrownBy(() -> render("{{ range 100000000000 }}{{ end }}", null))
                .isInstanceOf(TemplateExecException.class)
                .hasMessageContaining("template execution exceeded 10000000 steps");
        assertThatThrownBy(() -> render("{{ range 5000 }}{{ repeat 1000 \"x\" }}{{ end }}", null))
                .isInstanceOf(TemplateExecException.class)
                .hasMessageContaining("template output exceeds 4194304 characters");
        assertThatThrownBy(() -> render("{{ repeat 2000000000 \"xy\" }}", null))
                .isInstanceOf(TemplateExecException.class)
                .hasMessageContaining("error calling repeat: repeat result exceeds");
        assertThatThrownBy(() -> render("{{ define \"r\" }}{{ template \"r\" }}{{ end }}{{ template \"r\" }}", null))
                .isInstanceOf(TemplateExecException.class);
    }

    @Test
    void shouldKeepTheDataUnchangedWhenAFunctionFails() {
        Map<String, Object> data = Map.of("Items", java.util.List.of("a"));

        assertThatThrownBy(() -> render("{{ set .Items \"k\" 1 }}", data))
                .isInstanceOf(TemplateExecException.class)
                .hasMessageContaining("wrong type for value; expected map[string]interface {}; got []interface {}");
        assertThat(data.get("Items")).isEqualTo(java.util.List.of("a"));
    }
}
