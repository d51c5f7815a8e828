/**
 * Registry push webhook receiver (beyond Flux, which needs its notification-controller for this): accepts push
 * notifications from Docker Hub, Harbor, GitHub Container Registry, Quay and any OCI Distribution registry
 * ({@code notifications} events, or a minimal {@code {"image": ..., "tag": ...}} body), authenticates them with a
 * per-receiver token (bearer header, Harbor's verbatim auth header, {@code ?token=} for registries that cannot set
 * headers) or an HMAC-SHA256 body signature ({@code X-Hub-Signature-256}), and hands the pushed repositories to a
 * {@link dev.imageautomation.webhook.ReceiverDirectory} that triggers the matching ImageRepositories.
 * Kubernetes-free; the HTTP server is the JDK's.
 */
package dev.imageautomation.webhook;
