package dev.imageautomation.cli;

import dev.imageautomation.OperatorMain;
import dev.imageautomation.config.OperatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code operator}: the controller manager, with Flux's flags (declared once in
 * {@link dev.imageautomation.config.OperatorSetting}), against the cluster of the current kubeconfig or the pod's
 * service account. Started with no arguments at all and no cluster reachable, it runs the embedded example
 * instead (see {@link ExampleRun}) rather than failing on a fresh machine.
 */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    modelTransformer = SettingOptions.class,
    usageHelpWidth = 110, // the longest environment variable names would break across lines at 80
    description = {
      "Runs the controller manager (ImageRepository, ImagePolicy and ImageUpdateAutomation reconcilers) against the",
      "cluster of the current kubeconfig (or the pod's service account). Flags follow Flux's controllers; each may",
      "also be set through the environment variable shown. With no arguments and no reachable cluster, runs the",
      "embedded reference example once (`run --dry-run` semantics) instead."
    })
public final class OperatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    var parsed = spec.commandLine().getParseResult();
    Map<String, String> environment = System.getenv();
    OperatorConfig config;
    try {
      config = OperatorConfig.from(SettingOptions.givenIn(parsed), environment);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("operator: " + e.getMessage());
      return RunCommand.EXIT_USAGE;
    }
    if (parsed.matchedOptions().isEmpty() && ClusterProbe.noClusterAt(environment)) {
      return ExampleRun.run(spec.commandLine().getOut(), environment);
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    return OperatorMain.run(config, client);
  }
}
