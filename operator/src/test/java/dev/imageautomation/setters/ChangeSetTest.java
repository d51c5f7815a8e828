package dev.imageautomation.setters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetTest {
  private static final ObjectIdentifier APP = new ObjectIdentifier("apps/v1", "Deployment", "ns", "app");
  private static final ObjectIdentifier KUSTOMIZATION =
      new ObjectIdentifier("kustomize.config.k8s.io/v1beta1", "Kustomization", "", "");
  private static final Change TAG = new Change("1.0", "2.0", "ns:app:tag");
  private static final Change IMAGE = new Change("a:1.0", "a:2.0", "ns:app");

  private final ChangeSet changes = new ChangeSet(List.of(
      new FileChange("a.yaml", List.of(new ObjectChange(APP, List.of(IMAGE)),
          new ObjectChange(KUSTOMIZATION, List.of(TAG)))),
      new FileChange("b.yaml", List.of(new ObjectChange(APP, List.of(TAG, IMAGE))))),
      List.of(), List.of(), List.of());

  @Test
  void shouldGroupChangesByFileThenObjectAsFluxFileChanges() {
    assertThat(changes.fileChanges()).containsOnlyKeys("a.yaml", "b.yaml");
    assertThat(changes.fileChanges().get("a.yaml")).containsExactly(
        org.assertj.core.api.Assertions.entry(APP, List.of(IMAGE)),
        org.assertj.core.api.Assertions.entry(KUSTOMIZATION, List.of(TAG)));
  }

  @Test
  void shouldConcatenateTheChangesOfAnObjectFoundInSeveralFiles() {
    assertThat(changes.objects().keySet()).containsExactly(APP, KUSTOMIZATION);
    assertThat(changes.objects().get(APP)).containsExactly(IMAGE, TAG, IMAGE);
  }

  @Test
  void shouldListEachDistinctChangeOnceInFirstSeenOrder() {
    assertThat(changes.changes()).containsExactly(IMAGE, TAG);
  }

  @Test
  void shouldExposeTheObjectFieldsTheTemplateReads() {
    ObjectChange object = changes.files().get(0).objects().get(0);
    assertThat(List.of(object.apiVersion(), object.kind(), object.namespace(), object.name()))
        .containsExactly("apps/v1", "Deployment", "ns", "app");
    assertThat(List.of(TAG.oldValue(), TAG.newValue(), TAG.setter()))
        .containsExactly("1.0", "2.0", "ns:app:tag");
  }
}
