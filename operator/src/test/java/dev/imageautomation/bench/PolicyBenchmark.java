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
 * extract. The selector is built once (as the reconciler can cache it per generation); every call
 * filters, extracts and parses all tags again, as Flux does. Run it with the command in
 * docs/benchmarks.md.
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

  private TagSelector selector;
  private List<String> tags;

  @Setup
  public void setUp() throws InvalidPolicyException {
    PolicyTagSets.TagSet set = PolicyTagSets.of(kind, filter);
    selector = set.selector();
    tags = set.tags();
    if (!(selector.select(tags) instanceof Selection.Chosen)) {
      throw new IllegalStateException("benchmark input selects nothing: " + kind + "/" + filter);
    }
  }

  @Benchmark
  public Selection select() {
    return selector.select(tags);
  }
}
