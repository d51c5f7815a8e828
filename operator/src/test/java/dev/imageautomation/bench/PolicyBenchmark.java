package dev.imageautomation.bench;

import dev.imageautomation.policy.InvalidPolicyException;
import dev.imageautomation.policy.Selection;
import dev.imageautomation.policy.TagSelector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One ImagePolicy selection over 100,000 tags, per policy kind, with and without a filter and
 * extract. {@code select} reuses one selector, as a reconciler does while the policy's generation
 * is unchanged (its filter remembers what each tag extracts to); {@code selectFirstTime} builds the
 * selector and matches every tag from scratch, like each Flux reconcile. Every call parses and
 * compares all candidates again. Run it with the command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyBenchmark {

  @Param({"semver", "numerical", "alphabetical"})
  public String kind;

  @Param({"none", "extract"})
  public String filter;

  private PolicyTagSets.TagSet set;
  private TagSelector selector;
  private List<String> tags;

  @Setup
  public void setUp() throws InvalidPolicyException {
    set = PolicyTagSets.of(kind, filter);
    selector = set.selector();
    tags = set.tags();
    if (!(selector.select(tags) instanceof Selection.Chosen)) {
      throw new IllegalStateException("benchmark input selects nothing: " + kind + "/" + filter);
    }
  }

  /** The steady state: the reconciler's selector has seen these tags before. */
  @Benchmark
  public Selection select() {
    return selector.select(tags);
  }

  /** The first selection: policy and filter compiled, every tag matched from scratch. */
  @Benchmark
  public Selection selectFirstTime() throws InvalidPolicyException {
    return set.selector().select(tags);
  }
}
