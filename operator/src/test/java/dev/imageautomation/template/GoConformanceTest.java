package dev.imageautomation.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every template in {@code testdata/template/go-text-template-cases.json} and compares with what Go 1.26's
 * {@code text/template} with Sprig v3.3.0 produced for the same data (see {@link TemplateFixtures}); the file
 * holds Go's outputs and error messages, generated once by a throw-away Go program. Parse errors are compared
 * without the column this implementation adds ({@code name:LINE:COL:} versus Go's {@code name:LINE:}).
 * Cases where the Java value model cannot know a Go static type are listed in {@link #KNOWN_DIFFERENCES}
 * with what this implementation produces instead.
 */
class GoConformanceTest {
    private static final String CASES = "/testdata/template/go-text-template-cases.json";

    /**
     * Case name → what this implementation produces instead. Go reports the static type of a map value
     * ({@code interface {}}) where this reports the dynamic one; Sprig's int64 results are plain ints here.
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "struct missing field",
            "template: commit message:1:10: executing \"commit message\" at <.Struct.Nope>: "
                    + "can't evaluate field Nope in type Person",
            "exec error line and column",
            "template: commit message:2:21: executing \"commit message\" at <.Struct.Nope>: "
                    + "can't evaluate field Nope in type Person",
            "sprig add result to int param",
            "sprig repeat accepts any integer: Go's int64/int distinction is not modelled",
            "print float64 from sprig",
            "3 2.5 int float64 []interface {}");

    @TestFactory
    Stream<DynamicTest> shouldRenderLikeGoTextTemplateWithSprig() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        return tests.stream();
    }

    private static Iterable<JsonNode> cases() throws Exception {
        try (InputStream in = GoConformanceTest.class.getResourceAsStream(CASES)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void check(JsonNode c) {
        String name = c.get("name").asText();
        String text = c.get("template").asText();
        Object data = TemplateFixtures.data(c.get("data").asText());
        boolean flux = c.has("mode") && c.get("mode").asText().equals("flux");
        if (name.equals("sprig add result to int param")) {
            return; // documented leniency, asserted in SprigFunctionsTest
        }
        if (flux) {
            checkFlux(c, text, (CommitMessageData) data);
            return;
        }
        if (c.hasNonNull("parseError")) {
            assertThatThrownBy(() -> GoTemplate.parse(CommitMessageTemplate.TEMPLATE_NAME, text))
                    .isInstanceOf(TemplateParseException.class)
                    .extracting(e -> withoutColumn(e.getMessage()))
                    .isEqualTo(c.get("parseError").asText());
            return;
        }
        Throwable thrown = catchThrowable(() -> render(text, data, c));
        if (c.hasNonNull("execError")) {
            String expected = KNOWN_DIFFERENCES.getOrDefault(name, c.get("execError").asText());
            assertThat(thrown).isInstanceOf(TemplateExecException.class).hasMessage(expected);
        } else {
            assertThat(thrown).isNull();
        }
    }

    private static void render(String text, Object data, JsonNode c) throws TemplateException {
        String output = GoTemplate.parse(CommitMessageTemplate.TEMPLATE_NAME, text).execute(data);
        String name = c.get("name").asText();
        assertThat(output).isEqualTo(KNOWN_DIFFERENCES.getOrDefault(name, c.get("output").asText()));
    }

    private static void checkFlux(JsonNode c, String text, CommitMessageData data) {
        Throwable thrown = catchThrowable(() -> {
            String output = CommitMessageTemplate.render(text, data);
            assertThat(output).isEqualTo(c.get("output").asText());
        });
        if (c.hasNonNull("fluxError") && !c.get("fluxError").asText().isEmpty()) {
            String field = c.get("fluxError").asText().substring("removed:".length());
            assertThat(thrown).isInstanceOf(RemovedTemplateFieldException.class);
            assertThat(((RemovedTemplateFieldException) thrown).field()).isEqualTo(field);
        } else if (c.hasNonNull("execError")) {
            assertThat(thrown).isExactlyInstanceOf(TemplateException.class)
                    .hasMessage("failed to run template from spec: " + c.get("execError").asText());
        } else if (c.hasNonNull("parseError")) {
            assertThat(thrown).isExactlyInstanceOf(TemplateException.class)
                    .extracting(e -> withoutColumn(e.getMessage()))
                    .isEqualTo("unable to create commit message template from spec: " + c.get("parseError").asText());
        } else {
            assertThat(thrown).isNull();
        }
    }

    static String withoutColumn(String message) {
        return message.replaceFirst("(template: [^:]+:\\d+):\\d+: ", "$1: ");
    }
}
