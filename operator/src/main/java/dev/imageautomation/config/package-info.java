/**
 * Operator settings: each declared once with its flag, environment name, default and description, parsed once into an immutable record. JDK only.
 */
package dev.imageautomation.config;
