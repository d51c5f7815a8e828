/**
 * Go text/template (and the Sprig subset Flux offers) for commit messages. Kubernetes-free.
 */
package dev.imageautomation.template;
