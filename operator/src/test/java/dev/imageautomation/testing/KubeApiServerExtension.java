package dev.imageautomation.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 side of {@link WithKubeApiServer}: obtains the cluster for a test class, installs the CRDs, hands out
 * a client, and stops a per-class server afterwards (the shared one stops with the JVM). Set up on first need,
 * which for {@code PER_CLASS} test instances is constructor injection, before any {@code beforeAll}.
 */
public final class KubeApiServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KubeApiServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    classCluster(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassCluster classCluster = context.getStore(NAMESPACE).remove(ClassCluster.class, ClassCluster.class);
    if (classCluster != null) {
      classCluster.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class || type == KubeCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ClassCluster classCluster = classCluster(context);
    return parameter.getParameter().getType() == KubeCluster.class ? classCluster.cluster() : classCluster.client();
  }

  private static ClassCluster classCluster(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    ExtensionContext owner = classContext;
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(ClassCluster.class, key -> ClassCluster.open(owner),
        ClassCluster.class);
  }

  /** The cluster of one test class, its client, and whether the class started (and so stops) the cluster. */
  private record ClassCluster(KubeCluster cluster, KubernetesClient client, boolean ownsCluster) {

    static ClassCluster open(ExtensionContext classContext) {
      boolean shared = AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), WithKubeApiServer.class)
          .map(WithKubeApiServer::shared).orElse(true);
      Optional<ExistingCluster> existing = ExistingCluster.fromEnvironment(System.getenv());
      KubeCluster cluster = existing.isPresent() ? existing.get()
          : shared ? KubeApiServer.shared() : KubeApiServer.start();
      KubernetesClient client = cluster.newClient();
      CrdInstaller.installProjectCrds(client);
      return new ClassCluster(cluster, client, existing.isEmpty() && !shared);
    }

    void close() {
      client.close();
      if (ownsCluster) {
        cluster.close();
      }
    }
  }
}
