package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.api.v1.ImageUpdateAutomationStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JosdkControlsTest {

  static Stream<Arguments> updates() {
    return Stream.of(
        Arguments.of("our own status patch", (Consumer<ImageUpdateAutomation>) a -> {
          ImageUpdateAutomationStatus status = new ImageUpdateAutomationStatus();
          status.setLastAutomationRunTime("2026-11-25T10:00:01Z");
          a.setStatus(status);
          a.getMetadata().setResourceVersion("2");
        }, false),
        Arguments.of("a label change", (Consumer<ImageUpdateAutomation>) a ->
            a.getMetadata().setLabels(Map.of("team", "a")), false),
        Arguments.of("a spec edit (new generation)", (Consumer<ImageUpdateAutomation>) a ->
            a.getMetadata().setGeneration(2L), true),
        Arguments.of("flux reconcile (new requestedAt)", (Consumer<ImageUpdateAutomation>) a ->
            a.getMetadata().setAnnotations(Map.of("reconcile.fluxcd.io/requestedAt", "now")), true),
        Arguments.of("a finalizer change", (Consumer<ImageUpdateAutomation>) a ->
            a.getMetadata().setFinalizers(List.of()), true),
        Arguments.of("a deletion", (Consumer<ImageUpdateAutomation>) a ->
            a.getMetadata().setDeletionTimestamp("2026-11-25T10:00:02Z"), true));
  }

  @ParameterizedTest(name = "{0}: reconcile = {2}")
  @MethodSource("updates")
  void shouldReconcileOnSpecRequestFinalizerOrDeletionButNeverOnOurOwnStatusPatch(String change,
      Consumer<ImageUpdateAutomation> edit, boolean reconciles) {
    ImageUpdateAutomation before = automation();
    ImageUpdateAutomation after = automation();
    edit.accept(after);

    assertThat(JosdkControls.<ImageUpdateAutomation>specOrRequestChanged().accept(after, before))
        .isEqualTo(reconciles);
  }

  private static ImageUpdateAutomation automation() {
    ImageUpdateAutomation automation = Fixtures.parse("""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageUpdateAutomation
        metadata:
          name: auto
          namespace: apps
          generation: 1
          resourceVersion: "1"
          finalizers: [image.toolkit.fluxcd.io/finalizer]
        spec: {interval: 5m, sourceRef: {kind: GitRepository, name: fleet}}
        """, ImageUpdateAutomation.class);
    return automation;
  }
}
