package dev.imageautomation.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a real Kubernetes API with the project's CRDs installed: the JVM-wide
 * {@link KubeApiServer} (or a server of its own with {@code shared = false}), or the cluster named by
 * {@code KUBECONFIG_E2E}. Test methods and constructors may take a
 * {@link io.fabric8.kubernetes.client.KubernetesClient} (one per class, closed after it) and the {@link KubeCluster}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KubeApiServerExtension.class)
public @interface WithKubeApiServer {

  /** Share one API server with every other test class of the JVM (fast); false starts one for this class. */
  boolean shared() default true;
}
