/**
 * Tag selection: semver, numerical and alphabetical policies and the regex tag filter. Kubernetes-free.
 */
package dev.imageautomation.policy;
