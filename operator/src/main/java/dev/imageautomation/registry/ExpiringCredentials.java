package dev.imageautomation.registry;

import java.time.Instant;
import java.util.Objects;

/** Credentials a cloud issued, with the time they stop working. */
public record ExpiringCredentials(RegistryCredentials credentials, Instant expiresAt) {

    public ExpiringCredentials {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
