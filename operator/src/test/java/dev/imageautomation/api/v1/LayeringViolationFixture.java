package dev.imageautomation.api.v1;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.eclipse.jgit.lib.ObjectId;

/** Breaks two package rules on purpose; {@code LayeringTest} checks that its rules notice. Never used otherwise. */
public final class LayeringViolationFixture {

  private LayeringViolationFixture() {}

  static String describe(KubernetesClient client, ObjectId commit) {
    return client.getMasterUrl() + "@" + commit.name();
  }
}
