package dev.imageautomation.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fills the static fields marked {@link StartedGitServers}. The servers go into the class's extension store, which
 * JUnit closes (as an {@link AutoCloseable}) when the class is done, so every started server is stopped.
 */
final class GitServersExtension implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GitServersExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
      if (field.isAnnotationPresent(StartedGitServers.class)) {
        requireStaticGitServers(field);
        GitServers servers = GitServers.start();
        context.getStore(NAMESPACE).put(field.getName(), servers);
        field.setAccessible(true);
        field.set(null, servers);
      }
    }
  }

  private static void requireStaticGitServers(Field field) {
    if (!Modifier.isStatic(field.getModifiers()) || field.getType() != GitServers.class) {
      throw new ExtensionConfigurationException("@StartedGitServers needs a static GitServers field, not "
          + field);
    }
  }
}
