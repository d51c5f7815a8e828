package dev.imageautomation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.config.FeatureGates.Gate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureGatesTest {

  @Test
  void shouldStartFromFluxDefaults() {
    FeatureGates gates = FeatureGates.defaults();

    assertThat(gates.enabled(Gate.ObjectLevelWorkloadIdentity)).isFalse();
    assertThat(gates.enabled(Gate.GitShallowClone)).isTrue();
    assertThat(gates.enabled(Gate.GitSparseCheckout)).isFalse();
  }

  @Test
  void shouldParseFluxDeploymentArgumentSyntax() {
    FeatureGates gates = FeatureGates.parse("ObjectLevelWorkloadIdentity=true, GitShallowClone=false,");

    assertThat(gates.enabled(Gate.ObjectLevelWorkloadIdentity)).isTrue();
    assertThat(gates.enabled(Gate.GitShallowClone)).isFalse();
    assertThat(gates.enabled(Gate.GitAllBranchReferences)).isTrue();
  }

  @Test
  void shouldRejectAnUnknownGateNamingTheKnownOnes() {
    assertThatThrownBy(() -> FeatureGates.parse("ObjectLevelWorkloadIdentiy=true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unrecognized feature gate: ObjectLevelWorkloadIdentiy")
        .hasMessageContaining("ObjectLevelWorkloadIdentity");
  }

  @Test
  void shouldRejectAGateWithoutABooleanValue() {
    assertThatThrownBy(() -> FeatureGates.parse("FluxStorage")).hasMessageContaining("missing bool value");
    assertThatThrownBy(() -> FeatureGates.parse("FluxStorage=yes")).hasMessageContaining("expected true or false");
  }

  @Test
  void shouldReportABadFlagByItsName() {
    assertThatThrownBy(() -> OperatorConfig.from(Map.of(OperatorSetting.FEATURE_GATES, "Nope=true"), Map.of()))
        .hasMessageContaining("--feature-gates");
  }

  @Test
  void shouldRefuseADefaultServiceAccountWithoutTheWorkloadIdentityGate() {
    assertThatThrownBy(() -> OperatorConfig.from(
        Map.of(OperatorSetting.DEFAULT_SERVICE_ACCOUNT, "image-reader"), Map.of()))
        .hasMessageContaining("ObjectLevelWorkloadIdentity");

    OperatorConfig config = OperatorConfig.from(Map.of(OperatorSetting.DEFAULT_SERVICE_ACCOUNT, "image-reader",
        OperatorSetting.FEATURE_GATES, "ObjectLevelWorkloadIdentity=true"), Map.of());
    assertThat(config.defaultServiceAccount()).contains("image-reader");
  }
}
