package dev.imageautomation.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code evalCall}: arity checks, per-parameter argument evaluation, the pipeline's final value as last
 * argument, short-circuit {@code and}/{@code or}, the {@code call} built-in, and {@code error calling X: ...}.
 */
final class Calls {
    private final Executor state;
    private final Evaluator evaluator;

    Calls(Executor state, Evaluator evaluator) {
        this.state = state;
        this.evaluator = evaluator;
    }

    /**
     * Calls {@code spec}. {@code args}, when not null, holds the function's own node first (as in Go);
     * {@code fin} is the previous pipeline value or {@link Evaluator#NO_FINAL}.
     */
    Object call(Object dot, FunctionSpec spec, Node node, List<Node> args, Object fin, boolean builtin) {
        List<Node> actual = args == null ? List.of() : args.subList(1, args.size());
        checkArity(spec, actual, fin);
        String name = spec.name();
        if (builtin && (name.equals("and") || name.equals("or"))) {
            return andOr(dot, name.equals("or"), actual, fin);
        }
        List<Object> argv = arguments(dot, spec, actual, fin);
        if (builtin && name.equals("call")) {
            String calleeName = actual.isEmpty() ? String.valueOf(fin) : actual.get(0).toString();
            return invoke(node, name, args2 -> callValue(calleeName, args2), argv);
        }
        return invoke(node, name, spec.body(), argv);
    }

    private void checkArity(FunctionSpec spec, List<Node> actual, Object fin) {
        int numIn = actual.size() + (fin != Evaluator.NO_FINAL ? 1 : 0);
        if (spec.variadic() && numIn < spec.fixedCount()) {
            throw state.error("wrong number of args for " + spec.name() + ": want at least " + spec.fixedCount()
                    + " got " + actual.size());
        }
        if (!spec.variadic() && numIn != spec.params().size()) {
            throw state.error("wrong number of args for " + spec.name() + ": want " + spec.params().size()
                    + " got " + numIn);
        }
    }

    /** Evaluates each argument for its parameter type; the pipeline's value goes last. */
    private List<Object> arguments(Object dot, FunctionSpec spec, List<Node> actual, Object fin) {
        List<Object> argv = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            ParamType type = i < spec.fixedCount() ? spec.params().get(i) : spec.variadicType();
            argv.add(evaluator.evalArg(dot, type, actual.get(i)));
        }
        if (fin != Evaluator.NO_FINAL) {
            int numIn = actual.size() + 1;
            ParamType type = spec.variadic() && numIn - 1 >= spec.fixedCount() ? spec.variadicType()
                    : spec.params().get(numIn - 1);
            argv.add(evaluator.validateType(fin, type));
        }
        return argv;
    }

    private Object andOr(Object dot, boolean isOr, List<Node> actual, Object fin) {
        Object value = null;
        for (Node arg : actual) {
            value = evaluator.evalArg(dot, ParamType.ANY, arg);
            if (GoValues.isTrue(value) == isOr) {
                return value;
            }
        }
        return fin != Evaluator.NO_FINAL ? fin : value;
    }

    /** Go's {@code call} built-in: the first argument must be a function value. */
    private static Object callValue(String calleeName, List<Object> argv) {
        Object fn = argv.get(0);
        if (fn == null) {
            throw new CallFailure("call of nil");
        }
        if (!(fn instanceof TemplateFunction function)) {
            throw new CallFailure("non-function " + calleeName + " of type " + GoValues.typeName(fn));
        }
        try {
            return function.call(new ArrayList<>(argv.subList(1, argv.size())));
        } catch (Exception e) {
            throw new CallFailure("error calling " + calleeName + ": " + message(e));
        }
    }

    private Object invoke(Node node, String name, TemplateFunction body, List<Object> argv) {
        try {
            Object result = body.call(argv);
            return GoValues.normalize(result);
        } catch (CallFailure failure) {
            state.current = node;
            throw state.error("error calling " + name + ": " + failure.getMessage(), failure);
        } catch (ExecFailure failure) {
            throw failure;
        } catch (Exception | StackOverflowError e) {
            state.current = node;
            throw state.error("error calling " + name + ": " + message(e), e);
        }
    }

    static String message(Throwable e) {
        if (e instanceof ArithmeticException) {
            return "runtime error: integer divide by zero";
        }
        if (e instanceof IndexOutOfBoundsException) {
            return "runtime error: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** An error a function reports deliberately, with a Go-worded message. */
    static final class CallFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallFailure(String message) {
            super(message, null, false, false);
        }
    }
}
