/**
 * Setter-marker rewriting: finds Flux's {@code # {"$imagepolicy": "ns:name[:tag|:name|:digest]"}}
 * markers in YAML and rewrites only the marked values' characters. Kubernetes-free and JGit-free: plain
 * values in ({@link dev.imageautomation.setters.SetterValues}, a directory), a
 * {@link dev.imageautomation.setters.ChangeSet} out.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.imageautomation.setters.SetterMarker}: the marker grammar (kyaml's
 *       {@code fieldmeta.Read}), including the legacy {@code $ref} form.
 *   <li>{@link dev.imageautomation.setters.SetterValues} / {@link dev.imageautomation.setters.PolicyImage}:
 *       the four setters per policy, with go-containerregistry-like reference validation.
 *   <li>{@link dev.imageautomation.setters.YamlSetterRewriter}: one text in, one text out; edits only the
 *       characters of changed scalars, keeping every other byte.
 *   <li>{@link dev.imageautomation.setters.TreeRewriter}: safe walk of the update path, byte pre-filter,
 *       atomic writes; {@link dev.imageautomation.setters.RewritePlan} for dry runs.
 *   <li>{@link dev.imageautomation.setters.ChangeSet} and its records: Flux's {@code update.Result}
 *       ({@code .Changed.FileChanges}, {@code .Objects}, {@code .Changes}) with stable order.
 * </ul>
 *
 * <h2>Why parts are hand-written</h2>
 *
 * SnakeYAML Engine does the parsing (its parser events give each scalar's style, value and start/end
 * marks); no YAML library can re-emit a file byte for byte, so the edit is done on the source text at
 * those marks (converted from code points to UTF-16 indexes). Comments are read from the source text
 * next to each scalar instead of from SnakeYAML's comment events, because the marker rules follow
 * go-yaml's attachment (line comment of a value, single-line head comment of a sequence item) which
 * SnakeYAML attaches differently. The marker JSON reader is a strict 100-line parser because the
 * grammar is "an object of strings only" and this package takes no JSON library.
 *
 * <h2>Deliberate differences from Flux</h2>
 *
 * <ul>
 *   <li>Only the value's characters change (Flux re-serialises the whole file); values that did not
 *       change are never re-quoted; no {@code !!int}-style tags are written.
 *   <li>{@code kind: List} items are edited in place and reported as the item objects (Flux writes a new
 *       file).
 *   <li>{@code .git/} is skipped; symlinks leading outside the checkout are not followed; a legacy
 *       {@code $ref}-only file is read (Flux needs the {@code "$imagepolicy"} literal too).
 *   <li>Unknown setters, unparsable files and skipped symlinks are reported, not silent.
 *   <li>Top-level sequences, {@code %YAML} directives and {@code --- !tag} lines parse (Flux fails on
 *       them); undefined aliases and non-UTF-8 files are reported as problems.
 *   <li>A head-comment marker must sit on the line directly above its {@code - item}.
 * </ul>
 */
package dev.imageautomation.setters;
