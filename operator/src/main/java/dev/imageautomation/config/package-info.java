/**
 * Operator settings: each declared once in {@link dev.imageautomation.config.OperatorSetting} (flag as in Flux's
 * controllers, environment variable, default, description), parsed once into the immutable
 * {@link dev.imageautomation.config.OperatorConfig}. The CLI adds one option per setting and
 * {@code docs/configuration.md} is generated from the same enum. JDK only, plus the leaf
 * {@code dev.imageautomation.duration} for Go-syntax durations (shared with {@code api.v1}).
 */
package dev.imageautomation.config;
