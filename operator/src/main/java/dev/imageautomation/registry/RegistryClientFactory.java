package dev.imageautomation.registry;

/** A client for given connection settings; implementations may share clients between equal settings. */
@FunctionalInterface
public interface RegistryClientFactory {

    RegistryClient clientFor(ConnectionSettings settings);
}
