package dev.imageautomation.template;

import dev.imageautomation.template.Node.BoolNode;
import dev.imageautomation.template.Node.ChainNode;
import dev.imageautomation.template.Node.CommandNode;
import dev.imageautomation.template.Node.DotNode;
import dev.imageautomation.template.Node.FieldNode;
import dev.imageautomation.template.Node.IdentifierNode;
import dev.imageautomation.template.Node.NilNode;
import dev.imageautomation.template.Node.NumberNode;
import dev.imageautomation.template.Node.PipeNode;
import dev.imageautomation.template.Node.StringNode;
import dev.imageautomation.template.Node.VariableNode;
import java.util.List;
import java.util.Map;

/**
 * Evaluates pipelines, commands and arguments like Go's {@code evalPipeline}/{@code evalCommand}/
 * {@code evalArg}: a pipeline's previous value is the last argument of the next command; literals take
 * the type the parameter asks for; nil and missing values are {@code null}.
 */
final class Evaluator {
    /** Go's {@code missingVal}: "no value from a previous pipeline stage". */
    static final Object NO_FINAL = new Object();

    private final Executor state;
    private final Map<String, FunctionSpec> functions;
    private final FieldEvaluator fields;
    private final Calls calls;

    Evaluator(Executor state, Map<String, FunctionSpec> functions) {
        this.state = state;
        this.functions = functions;
        this.calls = new Calls(state, this);
        this.fields = new FieldEvaluator(state, calls);
    }

    Object evalPipeline(Object dot, PipeNode pipe) {
        state.current = pipe;
        Object value = NO_FINAL;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode variable : pipe.decl()) {
            if (pipe.isAssign()) {
                state.setVar(variable.idents().get(0), value);
            } else {
                state.push(variable.idents().get(0), value);
            }
        }
        return value;
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode field) {
            state.current = field;
            return fields.evalChain(dot, dot, field, field.idents(), cmd.args(), fin);
        }
        if (first instanceof ChainNode chain) {
            return evalChainNode(dot, chain, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode identifier) {
            return evalFunction(dot, identifier, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode pipe) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, pipe);
        }
        if (first instanceof VariableNode variable) {
            return evalVariableNode(dot, variable, cmd.args(), fin);
        }
        state.current = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw state.error("nil is not a command");
        }
        if (first instanceof NumberNode number) {
            return idealConstant(number);
        }
        if (first instanceof StringNode string) {
            return string.text();
        }
        throw state.error("can't evaluate command " + GoQuote.quote(first.toString()));
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args.size() > 1 || fin != NO_FINAL) {
            throw state.error("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
        state.current = chain;
        if (chain.node() instanceof NilNode) {
            throw state.error("indirection through explicit nil in " + chain);
        }
        Object receiver = evalArg(dot, ParamType.ANY, chain.node());
        return fields.evalChain(dot, receiver, chain, chain.fields(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode variable, List<Node> args, Object fin) {
        state.current = variable;
        Object value = state.varValue(variable.idents().get(0));
        if (variable.idents().size() == 1) {
            if (args != null) {
                notAFunction(args, fin);
            }
            return value;
        }
        List<String> rest = variable.idents().subList(1, variable.idents().size());
        return fields.evalChain(dot, value, variable, rest, args, fin);
    }

    /** {@code cmd} is the node Go blames when the call fails: the whole command, or the bare identifier. */
    private Object evalFunction(Object dot, IdentifierNode node, Node cmd, List<Node> args, Object fin) {
        state.current = node;
        FunctionSpec spec = functions.get(node.name());
        if (spec == null) {
            throw state.error(GoQuote.quote(node.name()) + " is not a defined function");
        }
        return calls.call(dot, spec, cmd, args, fin, true);
    }

    /** Go's {@code evalArg}: evaluates an argument node for a parameter of the given type. */
    Object evalArg(Object dot, ParamType type, Node n) {
        state.current = n;
        if (n instanceof DotNode) {
            return validateType(dot, type);
        }
        if (n instanceof NilNode) {
            if (type.canBeNil()) {
                return null;
            }
            throw state.error("cannot assign nil to " + type.goName);
        }
        if (n instanceof FieldNode field) {
            return validateType(fields.evalChain(dot, dot, field, field.idents(), List.of(n), NO_FINAL), type);
        }
        if (n instanceof VariableNode variable) {
            return validateType(evalVariableNode(dot, variable, null, NO_FINAL), type);
        }
        if (n instanceof PipeNode pipe) {
            return validateType(evalPipeline(dot, pipe), type);
        }
        if (n instanceof IdentifierNode identifier) {
            return validateType(evalFunction(dot, identifier, identifier, List.of(n), NO_FINAL), type);
        }
        if (n instanceof ChainNode chain) {
            return validateType(evalChainNode(dot, chain, null, NO_FINAL), type);
        }
        return literal(type, n);
    }

    private Object literal(ParamType type, Node n) {
        switch (type) {
            case BOOL:
                if (n instanceof BoolNode b) {
                    return b.value();
                }
                throw state.error("expected bool; found " + n);
            case FLOAT:
                if (n instanceof NumberNode num && num.floatValue() != null) {
                    return num.floatValue();
                }
                throw state.error("expected float; found " + n);
            case INT:
                if (n instanceof NumberNode num && num.intValue() != null) {
                    return num.intValue();
                }
                throw state.error("expected integer; found " + n);
            case STRING:
                if (n instanceof StringNode s) {
                    return s.text();
                }
                throw state.error("expected string; found " + n);
            case ANY:
                if (n instanceof BoolNode b) {
                    return b.value();
                }
                if (n instanceof NumberNode num) {
                    return idealConstant(num);
                }
                if (n instanceof StringNode s) {
                    return s.text();
                }
                throw state.error("can't handle assignment of " + n + " to empty interface argument");
            default:
                throw state.error("can't handle " + n + " for arg of type " + type.goName);
        }
    }

    /** A number in a context without a type: float if it is written like one, else int. */
    private Object idealConstant(NumberNode number) {
        state.current = number;
        String text = number.text();
        boolean hexInt = text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')
                && !text.contains("p") && !text.contains("P");
        if (number.floatValue() != null && !hexInt && !number.isChar() && text.matches(".*[.eEpP].*")) {
            return number.floatValue();
        }
        if (number.intValue() != null) {
            return number.intValue();
        }
        throw state.error(text + " overflows int");
    }

    /** Go's {@code validateType}: nil only where it fits, otherwise the value must be of the parameter type. */
    Object validateType(Object value, ParamType type) {
        if (value == null) {
            if (type.canBeNil()) {
                return null;
            }
            throw state.error("invalid value; expected " + type.goName);
        }
        if (!type.accepts(value)) {
            throw state.error("wrong type for value; expected " + type.goName + "; got " + GoValues.typeName(value));
        }
        return value;
    }
}
