/**
 * Credentials that a git provider issues instead of a Secret holding them ({@code GitRepository.spec.provider}),
 * free of Kubernetes types: {@link dev.imageautomation.git.provider.GitHubAppTokens} for {@code github} (GitHub
 * App installation tokens, sent as Basic auth with user {@code x-access-token}) and
 * {@link dev.imageautomation.git.provider.AzureDevOpsTokens} for {@code azure} (Entra ID tokens for Azure DevOps
 * from Azure Identity, sent as a bearer token, with the operator's own identity or a ServiceAccount's through
 * {@link dev.imageautomation.identity.EntraIdWorkloadIdentity}). Tokens are
 * {@link dev.imageautomation.git.provider.ProviderToken}s, cached for 80 % of their lifetime and at most an hour,
 * for the 100 most recently used identities (with the credentials of as many ServiceAccounts);
 * provider API calls take the repository's own route (its {@code ca.crt} and proxy). Failures are
 * {@link dev.imageautomation.git.provider.GitProviderException}s whose messages carry no key, JWT or token.
 *
 * <h2>Why the app JWT is signed by hand</h2>
 * No JWT library is on the operator's class path (Azure Identity's MSAL no longer brings one), and a GitHub App JWT
 * is the simplest case there is: a fixed RS256 header, three numeric or string claims, and one
 * {@code java.security.Signature} call over two base64url parts. {@code AppJwt} does exactly that in a few lines;
 * a library would add a dependency and its parsing surface for code that never parses a token. The tests check
 * each JWT the way GitHub does, signature first, against the app's public key.
 */
package dev.imageautomation.git.provider;
