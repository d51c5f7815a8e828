/**
 * Command-line subcommands. {@code operator} runs the controller manager (flags from
 * {@link dev.imageautomation.config.OperatorSetting}; with no arguments and no cluster it runs the embedded
 * example); {@code run} drives the same reconcilers once over manifests read from files, in an in-memory object
 * store; {@code select} and {@code rewrite} expose the policy and setter engines.
 */
package dev.imageautomation.cli;
