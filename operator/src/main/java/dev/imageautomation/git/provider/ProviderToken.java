package dev.imageautomation.git.provider;

import java.time.Instant;
import java.util.Objects;

/**
 * A short-lived credential a provider issued for git: a GitHub App installation token or an Entra ID access token.
 * {@link #toString()} never shows the value.
 */
public record ProviderToken(String value, Instant expiresAt) {

    public ProviderToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "ProviderToken[expiresAt=" + expiresAt + "]";
    }
}
