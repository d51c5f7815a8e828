package dev.imageautomation.identity;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Kubernetes ServiceAccount as a cloud identity (object-level workload identity): where it lives and the
 * annotations that name the cloud identity it stands for. Other annotations are dropped, so that an unrelated edit
 * of the account does not start a new token cache, and the record can key one.
 */
public record ServiceAccountIdentity(String namespace, String name, Map<String, String> annotations) {

    /** The AWS IAM role the account assumes through STS. */
    public static final String AWS_ROLE_ARN = "eks.amazonaws.com/role-arn";
    /** The Entra ID application (client) the account federates with. */
    public static final String AZURE_CLIENT_ID = "azure.workload.identity/client-id";
    /** The Entra ID tenant of that application. */
    public static final String AZURE_TENANT_ID = "azure.workload.identity/tenant-id";
    /** The GCP workload identity pool provider whose STS accepts the account's tokens. */
    public static final String GCP_WORKLOAD_IDENTITY_PROVIDER = "gcp.auth.fluxcd.io/workload-identity-provider";
    /** The GCP service account to impersonate (optional). */
    public static final String GCP_SERVICE_ACCOUNT = "iam.gke.io/gcp-service-account";

    private static final Set<String> CLOUD_ANNOTATIONS = Set.of(AWS_ROLE_ARN, AZURE_CLIENT_ID, AZURE_TENANT_ID,
            GCP_WORKLOAD_IDENTITY_PROVIDER, GCP_SERVICE_ACCOUNT);

    public ServiceAccountIdentity {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        annotations = annotations == null ? Map.of() : annotations.entrySet().stream()
                .filter(e -> CLOUD_ANNOTATIONS.contains(e.getKey()) && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** {@code namespace/name}, as messages name the account. */
    public String reference() {
        return namespace + "/" + name;
    }

    /** An annotation's value, or empty text when the account does not carry it. */
    public String annotation(String key) {
        return annotations.getOrDefault(key, "");
    }
}
