/**
 * Turns referenced Secrets and ServiceAccounts (read by the reconciler) into the domain's credential records:
 * {@link dev.imageautomation.kube.SecretCredentials} maps {@code secretRef} and a ServiceAccount's
 * {@code imagePullSecrets} (docker config secrets only, as Flux) to a registry {@code CredentialSource},
 * {@code certSecretRef} to {@code TlsSettings} and {@code proxySecretRef} to {@code ProxySettings};
 * {@link dev.imageautomation.kube.ServiceAccountIdentities} maps a ServiceAccount to the
 * {@code ServiceAccountIdentity} (package {@code identity}) for object-level workload identity.
 * Kubernetes types stop here; nothing below this package sees them.
 */
package dev.imageautomation.kube;
