/**
 * Reads referenced Secrets and ServiceAccounts and turns them into the domain's credential records.
 */
package dev.imageautomation.kube;
