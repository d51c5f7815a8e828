/**
 * Container registry scanning for ImageRepository, free of Kubernetes types (no fabric8, no JOSDK, no
 * {@code api.v1}): reconcilers hand in plain values and get plain values back.
 *
 * <h2>What lives here</h2>
 * <ul>
 *   <li>{@link dev.imageautomation.registry.ImageReference}: {@code spec.image} parsed and canonicalised as Flux
 *       does with go-containerregistry ({@code alpine} → {@code index.docker.io/library/alpine}); a scheme, tag or
 *       digest is refused with a message saying what to remove.</li>
 *   <li>Credentials: {@link dev.imageautomation.registry.RegistryCredentials} (anonymous, basic, bearer
 *       {@code registrytoken}, OAuth2 {@code identitytoken}), asked for through a
 *       {@link dev.imageautomation.registry.CredentialSource} only when a registry challenges;
 *       {@link dev.imageautomation.registry.DockerConfigCredentials} matches pull-secret keys to images with
 *       kubelet's rules; {@link dev.imageautomation.registry.CredentialProvider}s for {@code aws} (ECR through the
 *       AWS SDK v2), {@code gcp} (Google Auth Library) and {@code azure} (Azure Identity + ACR token exchange),
 *       each limited to its cloud's host pattern and cached for 80 % of the token lifetime (at most an hour);
 *       {@link dev.imageautomation.registry.WorkloadIdentity} for each cloud builds such a provider per Kubernetes
 *       ServiceAccount (object-level workload identity), exchanging the account's token, which it gets through the
 *       {@link dev.imageautomation.identity.ServiceAccountTokens} port, at the cloud's token service. The SDK
 *       clients are shared by all accounts (one STS and one ECR client per region, each ECR request carrying its
 *       account's session; one Entra ID HTTP client; one Google transport), and
 *       {@link dev.imageautomation.registry.CredentialProviders} keeps the providers of the 100 most recently used
 *       accounts, closing the one it drops, so a cluster of many tenants neither grows without bound nor holds a
 *       connection pool per account.</li>
 *   <li>{@link dev.imageautomation.registry.HttpRegistryClient}: the OCI distribution API on
 *       {@code java.net.http}. Hand-written because Jib core has neither tag listing nor manifest HEAD, and the
 *       other Java registry clients pull in their own HTTP stacks. It pings {@code /v2/}, answers Basic and Bearer
 *       challenges (header and parameter names case-insensitive, tokens cached per realm/service/scope/credential
 *       until shortly before expiry), lists {@code tags/list?n=1000} following {@code Link} pages on the same
 *       server only, HEADs manifests with the index media types first, retries 408/429/5xx with
 *       {@code Retry-After} or exponential backoff inside the {@code spec.timeout} deadline, and otherwise fails:
 *       a partial tag list is never returned. HTTPS first; plain HTTP as a fallback for {@code insecure} and
 *       loopback/private registries, as go-containerregistry does. Custom CA and client certificates come as PEM
 *       bytes (BouncyCastle reads PKCS#1/SEC1 keys the JDK cannot); proxies are HTTP CONNECT with optional
 *       Basic credentials. No message or log line carries a credential.</li>
 *   <li>{@link dev.imageautomation.registry.RegistryScanner}: list, drop excluded tags
 *       ({@link dev.imageautomation.registry.ExclusionList}, RE2J, default {@code ^.*\.sig$}), sort into Flux's
 *       store order (descending bytes), replace the stored set, and report a
 *       {@link dev.imageautomation.registry.ScanOutcome} shaped like {@code status.lastScanResult}.
 *       {@link dev.imageautomation.registry.ScanPolicy} is Flux's {@code shouldScan} as a pure function.</li>
 * </ul>
 *
 * <h2>Why the tag store is one file per repository</h2>
 * {@link dev.imageautomation.registry.FileTagStore} writes {@code <storage>/imagerepository/<ns>/<name>/tags.txt}
 * (gzip {@code tags.txt.gz} from 64 KiB), the layout of Flux's FluxStorage. It was chosen over an embedded
 * database because the access pattern is "replace the whole set" and "read the whole set": a file written to a
 * temporary name, synced and atomically renamed gives crash safety with no library, no compaction, no memory-mapped
 * logs (Flux's Badger store is its most complained-about source of memory use), and nothing cached in the heap
 * between scans. Memory is bounded by the one set being read or written: tags are streamed line by line (100,000
 * tags are about 2 MB of text, about 0.3 MB gzipped), and the store keeps no state of its own. Files are keyed by
 * ImageRepository, not by image, so two objects scanning the same image with different exclusion lists or
 * credentials cannot overwrite each other, and deleting the object deletes exactly its file. An unreadable file
 * counts as absent, so the repository is simply rescanned. {@link dev.imageautomation.registry.InMemoryTagStore}
 * serves tests and the {@code run} command.
 */
package dev.imageautomation.registry;
