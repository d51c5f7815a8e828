/**
 * The git side of ImageUpdateAutomation, on JGit and nothing Kubernetes: clone or fetch, check out, commit,
 * sign, push. Callers translate the GitRepository and the automation into {@link dev.imageautomation.git.GitSource},
 * {@link dev.imageautomation.git.GitCredentials}, {@link dev.imageautomation.git.CommitRequest} and
 * {@link dev.imageautomation.git.PushRequest}, and hand the rewrite over as a
 * {@link dev.imageautomation.git.TreeUpdate} callback (this package never imports {@code setters}).
 *
 * <h2>Flow</h2>
 * {@link dev.imageautomation.git.GitWorkspaces#open} checks out the ref in a clone cached per (URL, ref) under the
 * storage path: the first run fetches the ref shallow (depth 1; commits in full) into a fresh repository, later runs
 * fetch only what changed and hard-reset and clean the tree. A cache that cannot be opened, fetched into or reset is
 * discarded and cloned again once; a remote failure (network, authentication, missing ref) leaves it alone. JGit's
 * automatic gc after fetches keeps a long-lived cache compact; it runs in the fetching thread
 * ({@code gc.autoDetach=false}) so that nothing touches a cache after its workspace is closed.
 * {@link dev.imageautomation.git.GitWorkspace#commitAndPush} applies the update, stages everything (new and deleted
 * files too), commits with committer = author, and pushes {@code refs/heads/<branch>} <em>without force</em>, then the
 * optional refspec, with the push options sorted by key. When the branch push is rejected because the branch moved
 * (non-fast-forward, or a server-side lock race), it fetches the new head, resets, applies the <em>same</em> update
 * again and pushes again, up to {@link dev.imageautomation.git.PushRetry#maxAttempts()} with jittered exponential
 * waits. If the new head already contains the change, nothing is pushed. Workspaces on one cache, and pushes to one
 * (URL, branch), are serialised within the process, so automations on one branch queue instead of racing.
 * {@link dev.imageautomation.git.GitWorkspaces#unchangedSince} is Flux's ls-remote short-circuit.
 *
 * <h2>Differences from Flux, on purpose</h2>
 * Flux never retries a rejected push and force-pushes a switched branch when its gates are on; here nothing is
 * force-pushed (a switched push branch is built on the remote push branch when it exists, as Flux's default
 * does), and a refspec that repeats the branch push is "up to date", not an error.
 *
 * <h2>Credentials</h2>
 * Everything is per repository and per workspace; nothing JVM-wide (trust store, {@code Authenticator},
 * {@code ProxySelector}, {@code ~/.ssh}, ssh config, ssh agent, GnuPG home) is read or changed:
 * HTTP(S) goes through a connection factory set on each JGit {@code TransportHttp} with the repository's CA (trusted
 * in addition to the JVM's CAs, like Flux), client certificate, proxy and proxy credentials; Basic auth through a
 * credentials provider, bearer tokens as a header. SSH uses JGit's Apache MINA sshd factory with the identity parsed
 * in memory and a host-key database that accepts only keys listed in the Secret's {@code known_hosts} (unknown or
 * revoked keys are refused, never learned). No message or exception carries a secret: failures are rewritten
 * with secret values redacted, and a cause whose text contains one is dropped. One JDK limit is lifted outside
 * this package: an HTTPS repository behind a proxy that wants Basic credentials needs
 * {@code jdk.http.auth.tunneling.disabledSchemes} cleared (the JDK refuses Basic for CONNECT tunnels by default,
 * JVM-wide), which the entry point {@code Main} does; SSH through such a proxy, and plain HTTP, need nothing.
 *
 * <h2>Provider credentials</h2>
 * The sub-package {@code git.provider} obtains short-lived credentials from a provider (a GitHub App installation
 * token, an Entra ID token for Azure DevOps) for the repository's {@link dev.imageautomation.git.GitCredentials}; the transport here uses them like any
 * other Basic or bearer credentials.
 *
 * <h2>Not done here</h2>
 * Cached clones of repositories no automation uses any more are not removed, and the cache is locked per process
 * only (one operator replica works at a time, by leader election). Flux's optional sparse checkout is not offered.
 *
 * <h2>Signing, and why one signer is hand-written</h2>
 * SSH signatures (SSHSIG, {@code gpg.format=ssh}) use JGit's own signer from {@code org.eclipse.jgit.ssh.apache};
 * it only reads keys from files, so the key is written to an owner-only file in the workspace's private directory
 * for the signing call and deleted at once. OpenPGP signatures are made by
 * {@code OpenPgpCommitSigner}, a JGit {@code Signer} on BouncyCastle's lightweight API: JGit's {@code gpg.bc}
 * signer can only find keys in a GnuPG home directory fixed once per JVM, which cannot hold per-automation armoured
 * keys. Both kinds are checked with the real {@code git verify-commit} in the tests.
 */
package dev.imageautomation.git;
