/**
 * Commit messages from Go templates, as Flux renders {@code spec.git.commit.messageTemplate}.
 *
 * <p><b>Why hand-written.</b> No well-kept Java library implements Go's {@code text/template} (the Java template
 * engines — Mustache, Pebble, FreeMarker — have other syntax and semantics), and Flux users' templates must
 * render byte for byte as Go renders them. So this package is a small interpreter of Go's template language
 * plus the Sprig functions Flux offers, written from Go's documented behaviour and checked against outputs
 * produced by Go 1.26 {@code text/template} with Sprig v3.3.0 ({@code GoConformanceTest}).
 *
 * <p><b>Entry points.</b> {@link dev.imageautomation.template.CommitMessageTemplate#render} is Flux's
 * {@code templateMsg}: default message, template name {@code commit message}, Flux's error wording, and
 * {@link dev.imageautomation.template.RemovedTemplateFieldException} for {@code .Updated} /
 * {@code .Changed.ImageResult} (the reconciler's {@code RemovedTemplateField} stall). The data is
 * {@link dev.imageautomation.template.CommitMessageData} ({@code .AutomationObject}, {@code .Changed},
 * {@code .Values}). {@link dev.imageautomation.template.GoTemplate} is the general engine.
 *
 * <p><b>Structure.</b> {@code Lexer} → {@code Parser}/{@code PipelineParser} ({@code Node} tree) →
 * {@code Executor} (control flow, variables) with {@code Evaluator}, {@code FieldEvaluator} and
 * {@code Calls} (expressions, fields, function calls); {@code GoFmt}/{@code GoValueFormat}/{@code GoFloat}
 * print values as Go's {@code fmt}; {@code GoBuiltins}/{@code GoComparisons} and the {@code Sprig*} classes
 * are the function table. Regular expressions use RE2J (Go's RE2 semantics).
 *
 * <p><b>Value model.</b> Java values stand for Go values ({@code GoValues}): {@code null} is nil and "no
 * value", {@code Long} is {@code int}, records and beans are structs whose Go field {@code .OldValue} resolves
 * to {@code OldValue()}, {@code oldValue()} or {@code getOldValue()} ({@code FieldResolver}); {@link
 * dev.imageautomation.template.GoStringer} is {@code fmt.Stringer}; {@link dev.imageautomation.template.GoType}
 * names the Go type shown in errors. Maps are ranged and printed in Go's sorted key order ({@code fmtsort}:
 * struct keys field by field).
 *
 * <p><b>Known differences from Go.</b> Parse errors also carry a column ({@code name:LINE:COL:}, 0-based byte
 * offset as Go's execution errors use; Go prints only the line). Go reports the static type of a map element
 * in some errors ({@code interface {}}) where this reports the dynamic one. Integer kinds are not
 * distinguished ({@code int} vs {@code int64}), so {@code repeat (add 1 1) "x"} works here but fails in Go.
 * {@code .Changed.Changes} is in document order (random in Flux). Sprig's non-hermetic functions are absent, as
 * in Flux; also absent: semver, crypto and float-math helpers, {@code merge}, {@code deepCopy}, case converters.
 */
package dev.imageautomation.template;
