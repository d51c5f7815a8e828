/**
 * How the operator's log lines look. {@link dev.imageautomation.logging.FluxJsonLayout} writes one JSON object per
 * line with the field names of Flux's controllers (zap's production encoder: {@code level}, {@code ts},
 * {@code logger}, {@code msg}, {@code error}, then the event's key-values), so log pipelines and queries written
 * for Flux keep working. Written by hand because logback's own JSON encoder uses other field names and nests
 * key-values, which would break those queries; Jackson does the escaping.
 */
package dev.imageautomation.logging;
