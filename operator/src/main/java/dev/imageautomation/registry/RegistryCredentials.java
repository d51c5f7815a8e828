package dev.imageautomation.registry;

import java.util.Objects;

/**
 * How to authenticate to a registry. The records' {@code toString} never shows a secret, so a credential that
 * ends up in a log line or an exception message by accident is still redacted.
 */
public sealed interface RegistryCredentials {

    /** No credentials: public registries, or Bearer token services that grant anonymous pull. */
    RegistryCredentials ANONYMOUS = new Anonymous();

    static RegistryCredentials basic(String username, String password) {
        return new Basic(username, password);
    }

    /** No credentials. */
    record Anonymous() implements RegistryCredentials {
    }

    /** Username and password: sent as HTTP Basic to the registry or to its token service. */
    record Basic(String username, String password) implements RegistryCredentials {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=***]";
        }
    }

    /** A registry token (docker config {@code registrytoken}): sent as is in {@code Authorization: Bearer}. */
    record BearerToken(String token) implements RegistryCredentials {
        public BearerToken {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "BearerToken[***]";
        }
    }

    /**
     * An OAuth2 refresh token (docker config {@code identitytoken}): exchanged at the registry's token service
     * with {@code grant_type=refresh_token} for an access token.
     */
    record IdentityToken(String token) implements RegistryCredentials {
        public IdentityToken {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "IdentityToken[***]";
        }
    }
}
