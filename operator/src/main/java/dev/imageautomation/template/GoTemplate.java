package dev.imageautomation.template;

import dev.imageautomation.template.Node.ListNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed Go {@code text/template} with Go's built-in functions and the Sprig functions Flux offers
 * ({@code sprig.HermeticTxtFuncMap()}, see {@link SprigFunctions}). Parse once, execute many times; instances
 * are immutable and thread-safe.
 *
 * <pre>{@code
 * GoTemplate t = GoTemplate.parse("commit message", "{{ range .Changed.Changes }}{{ .NewValue }}{{ end }}");
 * String message = t.execute(data);
 * }</pre>
 */
public final class GoTemplate {
    private static final Map<String, FunctionSpec> FUNCTIONS = FunctionTable.standard();

    private final TemplateSet set;

    private GoTemplate(TemplateSet set) {
        this.set = set;
    }

    /** Parses {@code text} under {@code name}, the name Go's error messages show. */
    public static GoTemplate parse(String name, String text) throws TemplateParseException {
        Map<String, ListNode> definitions = new HashMap<>();
        Parser.parse(name, text, FUNCTIONS.keySet(), definitions);
        return new GoTemplate(new TemplateSet(name, text, Map.copyOf(definitions), FUNCTIONS));
    }

    public String name() {
        return set.parseName();
    }

    /** Renders the template with {@code data} as dot (records, beans, maps, lists, strings, numbers). */
    public String execute(Object data) throws TemplateExecException {
        StringBuilder out = new StringBuilder();
        Executor executor = new Executor(set, set.parseName(), out);
        try {
            executor.execute(set.definitions().get(set.parseName()), GoValues.normalize(data));
        } catch (ExecFailure failure) {
            throw new TemplateExecException(failure.getMessage(), failure.getCause());
        } catch (StackOverflowError e) {
            throw new TemplateExecException("template: " + set.parseName() + ": recursion too deep", null);
        }
        return out.toString();
    }
}
