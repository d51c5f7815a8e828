package dev.imageautomation.bench;

import dev.imageautomation.setters.RewritePlan;
import dev.imageautomation.setters.SetterValues;
import dev.imageautomation.setters.TreeRewriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * The setter rewriter on a generated tree of 10,000 Kubernetes YAML files holding 100 markers, against
 * a full-parse approach that parses every candidate file (SnakeYAML Engine's composer, comments kept, as
 * a tree-based rewriter would need). Both work out the same rewrite without writing, so every
 * invocation does the whole job. {@code readEveryCandidateOnly} is the floor both pay (walk and read).
 * The set-up prints how many files each approach parses. Run: see docs/benchmarks.md, "Setter
 * rewriter".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SetterRewriteBenchmark {
  static final int FILES = 10_000;
  static final int MARKERS = 100;
  static final int FILES_PER_DIRECTORY = 10;
  private static final LoadSettings FULL_PARSE =
      LoadSettings.builder().setParseComments(true).setCodePointLimit(Integer.MAX_VALUE).build();

  private Path root;
  private SetterValues values;

  @Setup(Level.Trial)
  public void generateTree() throws IOException {
    root = Files.createTempDirectory("setter-bench");
    for (int i = 0; i < FILES; i++) {
      // A GitOps layout: 20 teams, 1,000 services, 10 manifests per service directory.
      Path dir = Files.createDirectories(
          root.resolve("apps/team-" + i / 500 + "/svc-" + i / FILES_PER_DIRECTORY));
      boolean marked = i % (FILES / MARKERS) == 0;
      Files.writeString(dir.resolve("resource-" + i % FILES_PER_DIRECTORY + ".yaml"),
          deployment(i, marked));
    }
    values = SetterValues.builder().policy("flux-system/app=ghcr.io/acme/app:2.0.0").build();
    RewritePlan plan = TreeRewriter.plan(root, Path.of("."), values);
    System.out.printf("%nrewriteWithPrefilter: %d candidate files, %d parsed, %d files to change;"
        + " fullParseOfEveryCandidate parses all %d%n", plan.candidates(), plan.parsed(),
        plan.files().size(), candidates().size());
  }

  @TearDown(Level.Trial)
  public void deleteTree() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Benchmark
  public RewritePlan rewriteWithPrefilter() throws IOException {
    return TreeRewriter.plan(root, Path.of("."), values);
  }

  /** The floor every approach pays: walking the tree and reading each candidate's bytes. */
  @Benchmark
  public void readEveryCandidateOnly(Blackhole blackhole) throws IOException {
    for (Path file : candidates()) {
      blackhole.consume(Files.readAllBytes(file));
    }
  }

  @Benchmark
  public void fullParseOfEveryCandidate(Blackhole blackhole) throws IOException {
    for (Path file : candidates()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      new Compose(FULL_PARSE).composeAllFromString(text).forEach(blackhole::consume);
    }
  }

  private List<Path> candidates() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("Kustomization");
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String deployment(int i, boolean marked) {
    String image = "ghcr.io/acme/app:1.0." + i
        + (marked ? " # {\"$imagepolicy\": \"flux-system:app\"}" : "");
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: svc-%1$d
          namespace: team-%2$d
          labels:
            app.kubernetes.io/name: svc-%1$d
            app.kubernetes.io/part-of: platform
        spec:
          replicas: 2
          selector:
            matchLabels:
              app.kubernetes.io/name: svc-%1$d
          template:
            metadata:
              labels:
                app.kubernetes.io/name: svc-%1$d
            spec:
              containers:
                - name: app
                  image: %3$s
                  ports:
                    - containerPort: 8080
                  env:
                    - name: LOG_LEVEL
                      value: info
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
                    limits:
                      memory: 256Mi
        """.formatted(i, i % 100, image);
  }
}
