package dev.imageautomation.setters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * On generated YAML (random nesting, indentation, line endings, BOM, quoting and block styles,
 * comments, markers as line or head comments, known and unknown setters, tags that look like numbers
 * or booleans): the output parses, only the marked values differ (both as loaded data and as lines),
 * and a second rewrite changes nothing.
 */
class YamlSetterRewriterProperties {

  @Property(tries = 300)
  void shouldChangeOnlyMarkedValuesAndBeIdempotent(
      @ForAll("documents") GeneratedYaml yaml, @ForAll("values") SetterValues values)
      throws YamlRewriteException {
    YamlSetterRewriter rewriter = new YamlSetterRewriter(values);

    YamlSetterRewriter.Rewrite rewrite = rewriter.rewrite(yaml.text());

    Object expected = load(yaml.text());
    for (GeneratedYaml.Mark mark : yaml.marks()) {
      Optional<String> value = values.lookup(mark.setter());
      if (value.isPresent()) {
        expected = GeneratedYaml.replace(expected, mark.path(), value.get());
      }
    }
    assertThat(load(rewrite.text())).isEqualTo(expected);
    assertOnlyMarkedLinesDiffer(yaml, values, rewrite.text());
    YamlSetterRewriter.Rewrite again = rewriter.rewrite(rewrite.text());
    assertThat(again.changed()).isFalse();
    assertThat(again.text()).isEqualTo(rewrite.text());
  }

  private static void assertOnlyMarkedLinesDiffer(GeneratedYaml yaml, SetterValues values, String out) {
    Set<Integer> marked = new HashSet<>();
    yaml.marks().stream().filter(m -> values.lookup(m.setter()).isPresent())
        .forEach(m -> marked.addAll(m.lines()));
    String[] before = yaml.text().split("\n", -1);
    String[] after = out.split("\n", -1);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.length; i++) {
      if (!marked.contains(i)) {
        assertThat(after[i]).as("line %d", i + 1).isEqualTo(before[i]);
      }
    }
  }

  private static Object load(String text) {
    return new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  @Provide
  Arbitrary<GeneratedYaml> documents() {
    return Arbitraries.randomValue(GeneratedYaml::generate);
  }

  @Provide
  Arbitrary<SetterValues> values() {
    Arbitrary<String> tags = Arbitraries.oneOf(
        Arbitraries.of("1.10", "5", "yes", "on", "0x1F", "1e3", "1_000", "v1.2.3", "true", "0o7"),
        Arbitraries.strings().withChars("0123456789.eExyno_-abv").ofMinLength(1).ofMaxLength(8)
            .filter(t -> t.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")));
    Arbitrary<String> names = Arbitraries.of("ghcr.io/acme/api", "localhost:5000/x/y", "app", "[::1]:5000/ab");
    Arbitrary<String> digests = Arbitraries.of("",
        "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
    Arbitrary<PolicyImage> images = Combinators.combine(names, tags, digests).as(PolicyImage::new);
    return images.list().ofSize(GeneratedYaml.POLICIES).map(list -> {
      SetterValues.Builder builder = SetterValues.builder();
      for (int i = 0; i < list.size(); i++) {
        builder.policy("flux-system", "p" + i, list.get(i));
      }
      return builder.build();
    });
  }

  /** A YAML text built at random, with where its markers are. */
  record GeneratedYaml(String text, List<Mark> marks) {
    static final int POLICIES = 3;
    private static final String[] SUFFIXES = {"", ":tag", ":name", ":digest", ":nope"};
    private static final String[] PLAIN = {"v1", "1.0", "abc", "a.b-c", "x:y", "0.5.1", "42"};
    private static final String[] QUOTED = {"it's", "a # b", "k: v", "", " lead", "é 😀", "\"q\""};

    /** A marked scalar: its path in the loaded data, setter, and the 0-based lines that may change. */
    record Mark(List<Object> path, String setter, List<Integer> lines) {}

    @Override
    public String toString() {
      return text;
    }

    static GeneratedYaml generate(Random random) {
      Writer writer = new Writer(random, 1 + random.nextInt(4));
      writer.mapping(0, new ArrayList<>(), 0);
      String text = String.join(random.nextInt(4) == 0 ? "\r\n" : "\n", writer.lines) + "\n";
      // line endings: split on \n in the checks still gives the same line numbering for \r\n
      return new GeneratedYaml((random.nextInt(5) == 0 ? "\uFEFF" : "") + text, writer.marks);
    }

    @SuppressWarnings("unchecked")
    static Object replace(Object data, List<Object> path, String value) {
      if (path.isEmpty()) {
        return value;
      }
      Object head = path.get(0);
      if (data instanceof Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) map);
        copy.put(head, replace(copy.get(head), path.subList(1, path.size()), value));
        return copy;
      }
      List<Object> copy = new ArrayList<>((List<Object>) data);
      int index = (Integer) head;
      copy.set(index, replace(copy.get(index), path.subList(1, path.size()), value));
      return copy;
    }

    private static final class Writer {
      final Random random;
      final int step;
      final List<String> lines = new ArrayList<>();
      final List<Mark> marks = new ArrayList<>();

      Writer(Random random, int step) {
        this.random = random;
        this.step = step;
      }

      void mapping(int indent, List<Object> path, int depth) {
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
          String key = "k" + i;
          List<Object> at = with(path, key);
          if (random.nextInt(6) == 0) {
            lines.add(random.nextBoolean() ? "" : " ".repeat(indent) + "# note " + i);
          }
          int kind = depth < 3 ? random.nextInt(5) : 0;
          if (kind == 3) {
            lines.add(" ".repeat(indent) + key + ":");
            mapping(indent + step, at, depth + 1);
          } else if (kind == 4) {
            lines.add(" ".repeat(indent) + key + ":");
            sequence(random.nextBoolean() ? indent : indent + step, at, depth + 1);
          } else {
            scalar(" ".repeat(indent) + key + ": ", indent + step, at, false);
          }
        }
      }

      void sequence(int indent, List<Object> path, int depth) {
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
          List<Object> at = with(path, i);
          if (depth < 3 && random.nextInt(4) == 0) {
            lines.add(" ".repeat(indent) + "-");
            mapping(indent + step, at, depth + 1);
          } else {
            scalar(" ".repeat(indent) + "- ", indent + step, at, true);
          }
        }
      }

      void scalar(String prefix, int contentIndent, List<Object> path, boolean item) {
        String setter = random.nextInt(3) == 0 ? null
            : "flux-system:p" + random.nextInt(POLICIES) + SUFFIXES[random.nextInt(SUFFIXES.length)];
        String marker = setter == null
            ? (random.nextInt(4) == 0 ? " # plain comment" : "")
            : " #" + (random.nextBoolean() ? " " : "") + "{\"$imagepolicy\": \"" + setter + "\"}";
        boolean head = setter != null && item && random.nextBoolean();
        if (head) {
          lines.add(prefix.substring(0, prefix.indexOf('-')) + marker.strip());
          marker = "";
        }
        List<Integer> changed = new ArrayList<>();
        int style = random.nextInt(5);
        if (style >= 3) {
          changed.add(lines.size());
          lines.add(prefix + (style == 3 ? "|" : ">") + (random.nextBoolean() ? "-" : "") + marker);
          changed.add(lines.size());
          lines.add(" ".repeat(contentIndent) + PLAIN[random.nextInt(PLAIN.length)]);
        } else {
          changed.add(lines.size());
          lines.add(prefix + scalarText(style) + marker);
        }
        if (setter != null) {
          marks.add(new Mark(path, setter, changed));
        }
      }

      private String scalarText(int style) {
        if (style == 0) {
          return PLAIN[random.nextInt(PLAIN.length)];
        }
        String value = QUOTED[random.nextInt(QUOTED.length)];
        return style == 1 ? ScalarFormatter.singleQuoted(value) : ScalarFormatter.doubleQuoted(value);
      }

      private static List<Object> with(List<Object> path, Object segment) {
        List<Object> extended = new ArrayList<>(path);
        extended.add(segment);
        return extended;
      }
    }
  }
}
