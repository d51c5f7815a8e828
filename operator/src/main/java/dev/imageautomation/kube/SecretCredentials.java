package dev.imageautomation.kube;

import dev.imageautomation.registry.CredentialSource;
import dev.imageautomation.registry.DockerConfigCredentials;
import dev.imageautomation.registry.ProxySettings;
import dev.imageautomation.registry.TlsSettings;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns the Secrets an ImageRepository references into the registry package's records: {@code secretRef} and a
 * ServiceAccount's {@code imagePullSecrets} into a {@link CredentialSource}, {@code certSecretRef} into
 * {@link TlsSettings}, {@code proxySecretRef} into {@link ProxySettings}. Messages name the secret and key,
 * never a value. The objects are read by the caller (the reconciler reads them through its cluster reader, so the
 * {@code run} command can read them from files).
 */
public final class SecretCredentials {

    public static final String DOCKER_CONFIG_JSON_TYPE = "kubernetes.io/dockerconfigjson";
    public static final String DOCKER_CFG_TYPE = "kubernetes.io/dockercfg";

    private SecretCredentials() {
    }

    /**
     * Docker config secrets as one keyring, as go-containerregistry's Kubernetes keychain builds it from Flux's list
     * ({@code secretRef} first, then the ServiceAccount's pull secrets in order): the most specific key matching the
     * image wins across all secrets, and for equal keys the earlier secret wins. Other secret types are ignored.
     */
    public static CredentialSource fromPullSecrets(List<Secret> secrets) {
        List<DockerConfigCredentials> configs = secrets.stream().map(SecretCredentials::dockerConfig)
                .flatMap(Optional::stream).toList();
        return configs.isEmpty() ? CredentialSource.ANONYMOUS : DockerConfigCredentials.merge(configs);
    }

    /** The docker config of a {@code kubernetes.io/dockerconfigjson} or {@code kubernetes.io/dockercfg} secret. */
    public static Optional<DockerConfigCredentials> dockerConfig(Secret secret) {
        String type = secret.getType();
        try {
            if (DOCKER_CONFIG_JSON_TYPE.equals(type)) {
                return Optional.of(DockerConfigCredentials.fromDockerConfigJson(required(secret, ".dockerconfigjson")));
            }
            if (DOCKER_CFG_TYPE.equals(type)) {
                return Optional.of(DockerConfigCredentials.fromDockerCfg(required(secret, ".dockercfg")));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret " + describe(secret) + ": " + e.getMessage(), null);
        }
        return Optional.empty();
    }

    /** {@code ca.crt} and/or {@code tls.crt} + {@code tls.key}; the legacy {@code caFile}/{@code certFile}/{@code keyFile} as fallbacks. */
    public static TlsSettings tls(Secret secret) {
        byte[] ca = value(secret, "ca.crt").or(() -> value(secret, "caFile")).orElse(null);
        byte[] cert = value(secret, "tls.crt").or(() -> value(secret, "certFile")).orElse(null);
        byte[] key = value(secret, "tls.key").or(() -> value(secret, "keyFile")).orElse(null);
        try {
            return new TlsSettings(ca, cert, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret " + describe(secret) + ": " + e.getMessage(), null);
        }
    }

    /** {@code address} (required), {@code username}, {@code password}. */
    public static ProxySettings proxy(Secret secret) {
        try {
            return ProxySettings.of(text(secret, "address"), text(secret, "username"), text(secret, "password"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret " + describe(secret) + ": " + e.getMessage(), null);
        }
    }

    public static List<String> imagePullSecretNames(ServiceAccount account) {
        List<LocalObjectReference> refs = account.getImagePullSecrets();
        return refs == null ? List.of() : refs.stream().map(LocalObjectReference::getName)
                .filter(n -> n != null && !n.isEmpty()).toList();
    }

    private static byte[] required(Secret secret, String key) {
        return value(secret, key).orElseThrow(() -> new IllegalArgumentException("missing key '" + key + "'"));
    }

    private static String text(Secret secret, String key) {
        return value(secret, key).map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }

    /** {@code data} is base64 (as read from the API); {@code stringData} is plain (as written in manifests). */
    private static Optional<byte[]> value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().get(key) != null) {
            try {
                return Optional.of(Base64.getMimeDecoder().decode(secret.getData().get(key)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("secret " + describe(secret) + ": key '" + key
                        + "' is not base64", null);
            }
        }
        if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
            return Optional.of(secret.getStringData().get(key).getBytes(StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    private static String describe(Secret secret) {
        var meta = secret.getMetadata();
        return meta == null ? "(unnamed)" : meta.getNamespace() + "/" + meta.getName();
    }
}
