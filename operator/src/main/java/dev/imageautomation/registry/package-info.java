/**
 * Container registry scanning: image references, the OCI distribution HTTP client, credentials and cloud providers, the tag store. Kubernetes-free.
 */
package dev.imageautomation.registry;
