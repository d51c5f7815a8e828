/**
 * The three JOSDK reconcilers: thin recipes that translate custom resources into domain records, call the domain services and write status.
 */
package dev.imageautomation.reconciler;
