/**
 * Operator settings: each declared once in {@link dev.imageautomation.config.OperatorSetting} (flag as in Flux's
 * controllers, environment variable, default, description), parsed once into the immutable
 * {@link dev.imageautomation.config.OperatorConfig}. The CLI adds one option per setting and
 * {@code docs/configuration.md} is generated from the same enum. JDK only.
 */
package dev.imageautomation.config;
