package dev.imageautomation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeBinariesTest {

  private static final String HOME = System.getProperty("user.home");

  @Test
  void shouldUseTheDirectoryNamedByKubeBinariesDir() {
    assertThat(KubeBinaries.directory(Map.of("KUBE_BINARIES_DIR", "/opt/kube", "XDG_CACHE_HOME", "/x")))
        .isEqualTo(Path.of("/opt/kube"));
  }

  @Test
  void shouldDefaultToThePinnedVersionUnderTheUserCache() {
    assertThat(KubeBinaries.directory(Map.of()))
        .isEqualTo(Path.of(HOME, ".cache/image-automation/kube", KubeBinaries.pinnedVersion()));
  }

  @Test
  void shouldFollowXdgCacheHomeAndAnOverriddenVersionLikeTheScript() {
    assertThat(KubeBinaries.directory(Map.of("XDG_CACHE_HOME", "/ci/cache", "KUBE_VERSION", "v1.36.3")))
        .isEqualTo(Path.of("/ci/cache/image-automation/kube/v1.36.3"));
  }

  @Test
  void shouldReadAKubernetesVersionPinFromTheBuildScript() {
    assertThat(KubeBinaries.pinnedVersion()).matches("v1\\.[0-9]+\\.[0-9]+");
  }

  @Test
  void shouldTellWhichScriptBuildsMissingBinaries() {
    assertThatThrownBy(() -> KubeBinaries.verified(KubeBinaries.in(Path.of("/nonexistent/kube"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/kube/kube-apiserver")
        .hasMessageContaining("scripts/kube-binaries.sh");
  }
}
