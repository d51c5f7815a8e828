/**
 * Setter-marker rewriting: finds {@code $imagepolicy} markers in YAML and rewrites only the marked values' characters. Kubernetes-free.
 */
package dev.imageautomation.setters;
