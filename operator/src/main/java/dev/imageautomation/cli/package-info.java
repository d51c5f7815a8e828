/**
 * Command-line subcommands: {@code operator}, {@code select}, {@code rewrite} and {@code run}.
 * {@code select} reads an ImagePolicy manifest as plain YAML (snakeyaml-engine) rather than through
 * the Kubernetes model, and hands the policy and tags to {@link dev.imageautomation.policy}.
 */
package dev.imageautomation.cli;
