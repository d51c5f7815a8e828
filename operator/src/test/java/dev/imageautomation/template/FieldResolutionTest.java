package dev.imageautomation.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go field names on Java objects: record accessors, acronyms, bean getters, methods with arguments. */
class FieldResolutionTest {

    record Image(String apiVersion, String imageURL, List<String> tags) {
        public String tagAt(int index) {
            return tags.get(index);
        }
    }

    public static final class Bean {
        public String getOldValue() {
            return "old";
        }

        public boolean isPinned() {
            return true;
        }

        public String greet(String who, long times) {
            return ("hi " + who + " ").repeat((int) times).trim();
        }
    }

    private static String render(String text, Object data) throws TemplateException {
        return GoTemplate.parse("t", text).execute(data);
    }

    @Test
    void shouldResolveGoFieldNamesToRecordAccessorsIncludingAcronyms() throws Exception {
        Image image = new Image("v1", "ghcr.io/x", List.of("a", "b"));

        assertThat(render("{{ .APIVersion }} {{ .ImageURL }} {{ .Tags }}", image)).isEqualTo("v1 ghcr.io/x [a b]");
    }

    @Test
    void shouldResolveGoFieldNamesToBeanGetters() throws Exception {
        assertThat(render("{{ .OldValue }} {{ .Pinned }}", new Bean())).isEqualTo("old true");
    }

    @Test
    void shouldCallMethodsWithArgumentsLikeGoMethods() throws Exception {
        assertThat(render("{{ .Greet \"bob\" 2 }}", new Bean())).isEqualTo("hi bob hi bob");
        assertThat(render("{{ .TagAt 1 }}", new Image("v", "u", List.of("a", "b")))).isEqualTo("b");
    }

    @Test
    void shouldNotExposeLowerCaseJavaNamesAsGoFields() {
        assertThatThrownBy(() -> render("{{ .oldValue }}", new Bean()))
                .isInstanceOf(TemplateExecException.class)
                .hasMessageEndingWith("can't evaluate field oldValue in type Bean");
    }

    @Test
    void shouldPrintRecordsLikeGoStructsAndUseGoStringer() throws Exception {
        assertThat(render("{{ . }}", new ValueChange("a", "b", "s"))).isEqualTo("{a b s}");
        assertThat(render("{{ . }} {{ .Name }}", new AutomationObject("ns", "n"))).isEqualTo("ns/n n");
    }
}
