/**
 * Command-line subcommands: operator, select, rewrite and run.
 */
package dev.imageautomation.cli;
