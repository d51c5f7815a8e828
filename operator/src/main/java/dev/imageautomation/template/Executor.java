package dev.imageautomation.template;

import dev.imageautomation.template.Node.ActionNode;
import dev.imageautomation.template.Node.BranchNode;
import dev.imageautomation.template.Node.BreakNode;
import dev.imageautomation.template.Node.ContinueNode;
import dev.imageautomation.template.Node.ListNode;
import dev.imageautomation.template.Node.PipeNode;
import dev.imageautomation.template.Node.TemplateNode;
import dev.imageautomation.template.Node.TextNode;
import dev.imageautomation.template.Node.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks the parse tree and writes output, as Go's {@code text/template} {@code state} does: the variable
 * stack (popped at {@code end}), {@code if}/{@code with}/{@code range} semantics, {@code break}/{@code continue},
 * {@code template} calls with a fresh variable scope. Expression evaluation is in {@link Evaluator}.
 */
final class Executor {
    static final int MAX_DEPTH = 100000;
    /**
     * Safety limits Go does not have: a template comes from a user's resource and runs inside the operator,
     * so a runaway one ({@code range 10000000000}, endless recursion) fails with a clear error instead of
     * hogging a reconcile thread or memory.
     */
    static final int MAX_OUTPUT_CHARS = 4 * 1024 * 1024;
    static final long MAX_STEPS = 10_000_000L;

    private final TemplateSet set;
    private final StringBuilder out;
    final List<Variable> vars = new ArrayList<>();
    String templateName;
    Node current;
    private int depth;
    private long steps;
    private final Evaluator evaluator;

    static final class Variable {
        final String name;
        Object value;

        Variable(String name, Object value) {
            this.name = name;
            this.value = value;
        }
    }

    /** Unwinds to the enclosing range; never escapes it (the parser rejects break/continue outside range). */
    private static final class LoopSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoopSignal(String name) {
            super(name, null, false, false);
        }
    }

    private static final LoopSignal BREAK = new LoopSignal("break");
    private static final LoopSignal CONTINUE = new LoopSignal("continue");

    Executor(TemplateSet set, String templateName, StringBuilder out) {
        this.set = set;
        this.templateName = templateName;
        this.out = out;
        this.evaluator = new Evaluator(this, set.functions());
    }

    void execute(ListNode root, Object data) {
        vars.add(new Variable("$", data));
        walk(data, root);
    }

    ExecFailure error(String detail) {
        return error(detail, null);
    }

    ExecFailure error(String detail, Throwable cause) {
        if (current == null) {
            return new ExecFailure("template: " + templateName + ": " + detail, cause);
        }
        SourceLocation at = SourceLocation.of(set.text(), current.pos());
        String location = set.parseName() + ":" + at.line() + ":" + at.column();
        return new ExecFailure("template: " + location + ": executing " + GoQuote.quote(templateName)
                + " at <" + current + ">: " + detail, cause);
    }

    void walk(Object dot, Node node) {
        current = node;
        if (++steps > MAX_STEPS) {
            throw error("template execution exceeded " + MAX_STEPS + " steps");
        }
        if (node instanceof ActionNode action) {
            Object value = evaluator.evalPipeline(dot, action.pipe());
            if (action.pipe().decl().isEmpty()) {
                current = action;
                write(value == null ? "<no value>" : GoFmt.valueString(value));
            }
        } else if (node instanceof TextNode text) {
            write(text.text());
        } else if (node instanceof ListNode list) {
            list.nodes().forEach(n -> walk(dot, n));
        } else if (node instanceof BranchNode branch) {
            if (branch.kind() == BranchNode.Kind.RANGE) {
                walkRange(dot, branch);
            } else {
                walkIfOrWith(dot, branch);
            }
        } else if (node instanceof TemplateNode call) {
            walkTemplate(dot, call);
        } else if (node instanceof BreakNode) {
            throw BREAK;
        } else if (node instanceof ContinueNode) {
            throw CONTINUE;
        } else {
            throw error("unknown node: " + node);
        }
    }

    private void write(String text) {
        if (out.length() + text.length() > MAX_OUTPUT_CHARS) {
            throw error("template output exceeds " + MAX_OUTPUT_CHARS + " characters");
        }
        out.append(text);
    }

    private void walkIfOrWith(Object dot, BranchNode branch) {
        int mark = vars.size();
        try {
            Object value = evaluator.evalPipeline(dot, branch.pipe());
            if (GoValues.isTrue(value)) {
                walk(branch.kind() == BranchNode.Kind.WITH ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode range) {
        current = range;
        int outerMark = vars.size();
        try {
            Object value = evaluator.evalPipeline(dot, range.pipe());
            boolean iterated;
            try {
                iterated = iterate(value, range);
            } catch (LoopSignal signal) {
                if (signal != BREAK) {
                    throw signal;
                }
                iterated = true;
            }
            if (!iterated && range.elseList() != null) {
                walk(dot, range.elseList());
            }
        } finally {
            pop(outerMark);
        }
    }

    /** Runs the body once per element; returns whether there was at least one. */
    private boolean iterate(Object value, BranchNode range) {
        int mark = vars.size();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                oneIteration(range, mark, (long) i, GoValues.normalize(list.get(i)));
            }
            return !list.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<Object, ?> e : GoOrdering.sortedEntries(map)) {
                oneIteration(range, mark, GoValues.normalize(e.getKey()), GoValues.normalize(e.getValue()));
            }
            return !map.isEmpty();
        }
        if (value instanceof Long count) {
            if (range.pipe().decl().size() > 1) {
                throw error("can't use " + count + " to iterate over more than one variable");
            }
            for (long i = 0; i < count; i++) {
                oneIteration(range, mark, i, i);
            }
            return count > 0;
        }
        if (value == null) {
            return false;
        }
        throw error("range can't iterate over " + GoFmt.valueString(value));
    }

    private void oneIteration(BranchNode range, int mark, Object index, Object element) {
        PipeNode pipe = range.pipe();
        List<VariableNode> decl = pipe.decl();
        if (!decl.isEmpty()) {
            if (pipe.isAssign()) {
                setVar(decl.get(0).idents().get(0), decl.size() > 1 ? index : element);
            } else {
                setTopVar(1, element);
            }
        }
        if (decl.size() > 1) {
            if (pipe.isAssign()) {
                setVar(decl.get(1).idents().get(0), element);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(element, range.list());
        } catch (LoopSignal signal) {
            if (signal != CONTINUE) {
                throw signal;
            }
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, TemplateNode call) {
        current = call;
        ListNode body = set.definitions().get(call.name());
        if (body == null) {
            throw error("template " + GoQuote.quote(call.name()) + " not defined");
        }
        if (depth == MAX_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = call.pipe() == null ? null : evaluator.evalPipeline(dot, call.pipe());
        List<Variable> saved = new ArrayList<>(vars);
        String savedName = templateName;
        vars.clear();
        vars.add(new Variable("$", newDot));
        templateName = call.name();
        depth++;
        try {
            walk(newDot, body);
        } finally {
            depth--;
            templateName = savedName;
            vars.clear();
            vars.addAll(saved);
        }
    }

    // ---- variables -----------------------------------------------------------------------------

    void push(String name, Object value) {
        vars.add(new Variable(name, value));
    }

    private void pop(int mark) {
        vars.subList(mark, vars.size()).clear();
    }

    void setVar(String name, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name.equals(name)) {
                vars.get(i).value = value;
                return;
            }
        }
        throw error("undefined variable: " + name);
    }

    private void setTopVar(int n, Object value) {
        vars.get(vars.size() - n).value = value;
    }

    Object varValue(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name.equals(name)) {
                return vars.get(i).value;
            }
        }
        throw error("undefined variable: " + name);
    }
}
