package dev.imageautomation.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitMessageTemplateTest {

    /** The {@code messageTemplate} of the reference document, as its YAML block scalar delivers it. */
    private static final String REFERENCE_TEMPLATE = """
            chore: automated image update

            Automation: {{ .AutomationObject }}

            {{ range .Changed.Changes -}}
            - {{ .OldValue }} -> {{ .NewValue }}
            {{ end -}}
            """;

    @Test
    void shouldRenderTheReferenceDocumentTemplateExactlyAsGoDoes() throws Exception {
        String message = CommitMessageTemplate.render(REFERENCE_TEMPLATE, TemplateFixtures.commit());

        assertThat(message).isEqualTo("""
                chore: automated image update

                Automation: flux-system/app-dev

                - dev-abc1234-12345678 -> dev-def5678-12345690
                - ghcr.io/org/app:1.0.0 -> ghcr.io/org/app:1.1.0
                """);
    }

    @Test
    void shouldUseFluxDefaultMessageWithoutNewlineWhenTemplateIsEmpty() throws Exception {
        assertThat(CommitMessageTemplate.render("", TemplateFixtures.commit()))
                .isEqualTo("Update from image update automation");
        assertThat(CommitMessageTemplate.render(null, TemplateFixtures.commit()))
                .isEqualTo("Update from image update automation");
    }

    @Test
    void shouldStallWithRemovedTemplateFieldWhenTemplateUsesUpdated() {
        assertThatThrownBy(() -> CommitMessageTemplate.render("{{ range .Updated.Images }}{{ . }}{{ end }}",
                TemplateFixtures.commit()))
                .isInstanceOfSatisfying(RemovedTemplateFieldException.class,
                        e -> assertThat(e.field()).isEqualTo(".Updated"))
                .hasMessageContaining("Please use '.Changed' instead");
    }

    @Test
    void shouldStallWithRemovedTemplateFieldWhenTemplateUsesChangedImageResult() {
        assertThatThrownBy(() -> CommitMessageTemplate.render("{{ .Changed.ImageResult }}", TemplateFixtures.commit()))
                .isInstanceOfSatisfying(RemovedTemplateFieldException.class,
                        e -> assertThat(e.field()).isEqualTo(".Changed.ImageResult"))
                .hasMessageContaining("'.Changed.FileChanges' or '.Changed.Objects'");
    }

    @Test
    void shouldNotStallWhenRemovedFieldIsInABranchThatDoesNotRun() throws Exception {
        assertThat(CommitMessageTemplate.render("{{ if false }}{{ .Updated }}{{ end }}ok", TemplateFixtures.commit()))
                .isEqualTo("ok");
    }

    @Test
    void shouldReportParseErrorsWithLineAndColumnInFluxWording() {
        assertThatThrownBy(() -> CommitMessageTemplate.render("subject\n\n  {{ nope 1 }}", TemplateFixtures.commit()))
                .isExactlyInstanceOf(TemplateException.class)
                .hasMessage("unable to create commit message template from spec: "
                        + "template: commit message:3:5: function \"nope\" not defined")
                .cause()
                .isInstanceOfSatisfying(TemplateParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(5);
                });
    }

    @Test
    void shouldReportExecutionErrorsWithTemplateLocationInFluxWording() {
        assertThatThrownBy(() -> CommitMessageTemplate.render("x\n {{ .Changed.Nope }}", TemplateFixtures.commit()))
                .isExactlyInstanceOf(TemplateException.class)
                .hasMessage("failed to run template from spec: template: commit message:2:12: executing "
                        + "\"commit message\" at <.Changed.Nope>: can't evaluate field Nope in type update.Result");
    }

    @Test
    void shouldListChangesByFilePathThenDocumentOrderAndDeduplicateThem() throws Exception {
        Map<String, Map<ObjectIdentifier, List<ValueChange>>> files = new LinkedHashMap<>();
        ObjectIdentifier web = new ObjectIdentifier("apps/v1", "Deployment", "web", "prod");
        ObjectIdentifier api = new ObjectIdentifier("apps/v1", "Deployment", "api", "prod");
        Map<ObjectIdentifier, List<ValueChange>> z = new LinkedHashMap<>();
        z.put(web, List.of(new ValueChange("w1", "w2", "s:web")));
        z.put(api, List.of(new ValueChange("a1", "a2", "s:api")));
        files.put("z.yaml", z);
        files.put("a.yaml", Map.of(web, List.of(new ValueChange("w1", "w2", "s:web"), new ValueChange("x", "y", "s:x"))));
        CommitMessageData data = new CommitMessageData(new AutomationObject("ns", "auto"), new ChangeResult(files),
                Map.of());

        String message = CommitMessageTemplate.render(
                "{{ range .Changed.Changes }}{{ .NewValue }} {{ end }}|{{ range $o, $c := .Changed.Objects }}"
                        + "{{ $o.Name }}={{ len $c }} {{ end }}", data);

        assertThat(message).isEqualTo("w2 y a2 |api=1 web=3 ");
    }

    @Test
    void shouldTreatUnsetValuesAsAnEmptyStringMap() throws Exception {
        CommitMessageData data = new CommitMessageData(new AutomationObject("ns", "a"),
                new ChangeResult(Map.of()), null);

        assertThat(CommitMessageTemplate.render("{{ .Values }}|{{ .Values.x }}|{{ index .Values \"x\" }}|", data))
                .isEqualTo("map[]|<no value>||");
    }
}
