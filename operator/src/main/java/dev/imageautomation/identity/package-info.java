/**
 * Kubernetes ServiceAccounts as cloud identities (object-level workload identity), free of Kubernetes types:
 * {@link dev.imageautomation.identity.ServiceAccountIdentity} (an account and its cloud annotations),
 * {@link dev.imageautomation.identity.ServiceAccountTokens} (the TokenRequest port the reconciler implements) and
 * {@link dev.imageautomation.identity.EntraIdWorkloadIdentity} (the account's token as an Entra ID client
 * assertion, all accounts through one HTTP client), {@link dev.imageautomation.identity.TokenRefresh}, the one rule
 * for when a cached token of any identity is fetched again, and {@link dev.imageautomation.identity.LruCache}, the
 * one bound on how many identities keep their tokens, credentials and providers (Flux's
 * {@code --token-cache-max-size} default of 100, least recently used out first).
 *
 * <h2>Why a package of its own</h2>
 * Both {@code registry} (ACR, ECR, Artifact Registry credentials) and {@code git.provider} (Azure DevOps tokens)
 * authenticate as a ServiceAccount, and must do it the same way. {@code git} may not import {@code registry} (an
 * image scanner is no part of a git push), and the registry has no business importing git, so the shared piece sits
 * beneath both: it imports neither, only the JDK and Azure Identity. Each user turns
 * {@link dev.imageautomation.identity.ServiceAccountTokenException} into its own failure type.
 */
package dev.imageautomation.identity;
