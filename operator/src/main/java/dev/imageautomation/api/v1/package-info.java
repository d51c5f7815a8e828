/**
 * The Kubernetes API model of group {@code image.toolkit.fluxcd.io}, version {@code v1}: ImageRepository, ImagePolicy and ImageUpdateAutomation (plus a read model of Flux's GitRepository), with condition types and reasons. CRDs are generated from these classes.
 */
package dev.imageautomation.api.v1;
