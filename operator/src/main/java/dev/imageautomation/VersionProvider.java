package dev.imageautomation;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven wrote into the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"image-automation " + (version == null ? "development build" : version)};
  }
}
