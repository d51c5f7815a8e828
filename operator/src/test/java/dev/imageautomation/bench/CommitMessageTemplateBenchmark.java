package dev.imageautomation.bench;

import dev.imageautomation.template.AutomationObject;
import dev.imageautomation.template.ChangeResult;
import dev.imageautomation.template.CommitMessageData;
import dev.imageautomation.template.CommitMessageTemplate;
import dev.imageautomation.template.GoTemplate;
import dev.imageautomation.template.ObjectIdentifier;
import dev.imageautomation.template.TemplateException;
import dev.imageautomation.template.ValueChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of a commit message: parse + render of the reference document's template over 200 changes in 20 files
 * (a large automation run), and render alone of a pre-parsed template.
 *
 * <p>Run: {@code mvn -B -o -q -pl operator test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}
 * then {@code java -cp operator/target/test-classes:operator/target/classes:$(cat operator/target/cp.txt)
 * org.openjdk.jmh.Main CommitMessageTemplateBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommitMessageTemplateBenchmark {
    private static final String TEMPLATE = """
            chore: automated image update

            Automation: {{ .AutomationObject }}

            {{ range $file, $objects := .Changed.FileChanges -}}
            {{ $file }}:
            {{ range $object, $changes := $objects -}}
            - {{ $object.Kind }} {{ $object.Name }}: {{ range $changes }}{{ .OldValue }} -> {{ .NewValue }} {{ end }}
            {{ end -}}
            {{ end -}}
            Change-Id: I{{ .Changed.Changes | toString | sha256sum | trunc 40 }}
            """;

    private CommitMessageData data;
    private GoTemplate parsed;

    @Setup
    public void setUp() throws TemplateException {
        Map<String, Map<ObjectIdentifier, List<ValueChange>>> files = new LinkedHashMap<>();
        for (int f = 0; f < 20; f++) {
            Map<ObjectIdentifier, List<ValueChange>> objects = new LinkedHashMap<>();
            for (int o = 0; o < 10; o++) {
                objects.put(new ObjectIdentifier("apps/v1", "Deployment", "app-" + f + "-" + o, "prod"),
                        List.of(new ValueChange("ghcr.io/org/app:1.0." + o, "ghcr.io/org/app:1.1." + o,
                                "flux-system:app-" + o)));
            }
            files.put("apps/prod/file-" + f + ".yaml", objects);
        }
        data = new CommitMessageData(new AutomationObject("flux-system", "prod"), new ChangeResult(files),
                Map.of("env", "prod"));
        parsed = GoTemplate.parse(CommitMessageTemplate.TEMPLATE_NAME, TEMPLATE);
    }

    @Benchmark
    public String parseAndRender() throws TemplateException {
        return CommitMessageTemplate.render(TEMPLATE, data);
    }

    @Benchmark
    public String renderOnly() throws TemplateException {
        return parsed.execute(data);
    }
}
