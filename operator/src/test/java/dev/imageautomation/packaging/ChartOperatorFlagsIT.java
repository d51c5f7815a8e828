package dev.imageautomation.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imageautomation.Main;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The arguments the chart gives the operator container are ones the {@code operator} subcommand accepts: each
 * rendering of the Deployment (defaults and the optional switches) is parsed by the real command line, so a renamed
 * flag fails here rather than in a crash-looping pod.
 */
class ChartOperatorFlagsIT {

  static Stream<String> renderings() {
    return Stream.of(
        "replicaCount=1",
        HelmChartIT.everyOptionalPart(),
        "webhookReceiver.enabled=false,leaderElection.enabled=false,watchAllNamespaces=false,logLevel=debug",
        "extraArgs={--git-timeout=2m,--requeue-dependency=10s}");
  }

  @ParameterizedTest(name = "--set {0}")
  @MethodSource("renderings")
  void shouldPassOnlyArgumentsTheOperatorCommandAccepts(String values) throws Exception {
    CommandLine main = new CommandLine(new Main());
    assumeTrue(main.getSubcommands().get("operator").getCommandSpec().findOption("--concurrent") != null,
        "the operator subcommand is still the stub on this branch (no --concurrent); merge the operator branch");
    List<String> args = RenderedChart.parse(Helm.locate().template("--set", values).requireSuccess().stdout())
        .operatorArgs();

    assertThat(args.get(0)).isEqualTo("operator");
    assertThatCode(() -> main.parseArgs(args.toArray(String[]::new)))
        .as("image-automation %s", args)
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "--set {0}")
  @MethodSource("renderings")
  void shouldServeTheWebhookOnlyWhenTheReceiverIsEnabled(String values) throws Exception {
    RenderedChart rendered = RenderedChart.parse(Helm.locate().template("--set", values).requireSuccess().stdout());
    boolean enabled = !values.contains("webhookReceiver.enabled=false");

    assertThat(rendered.operatorArgs()).contains(enabled ? "--webhook-addr=:9292" : "--webhook-addr=");
  }
}
