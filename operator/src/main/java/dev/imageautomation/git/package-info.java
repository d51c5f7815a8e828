/**
 * Git workspace on JGit: clone or fetch into a cache, commit with author and signature, push with retry. Kubernetes-free.
 */
package dev.imageautomation.git;
