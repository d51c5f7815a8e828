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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses pipelines, commands and operands (Go's {@code pipeline}, {@code command}, {@code operand}, {@code term}). */
final class PipelineParser {
    private final Parser parser;
    private final TokenStream tokens;

    PipelineParser(Parser parser, TokenStream tokens) {
        this.parser = parser;
        this.tokens = tokens;
    }

    PipeNode pipeline(String context, TokenType end) {
        Token first = tokens.peekNonSpace();
        List<VariableNode> decl = new ArrayList<>();
        boolean isAssign = declarations(context, decl);
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token token = tokens.nextNonSpace();
            if (token.type() == end) {
                checkPipeline(cmds, context);
                return new PipeNode(first.pos(), first.line(), isAssign, List.copyOf(decl), List.copyOf(cmds));
            }
            switch (token.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                        VARIABLE, LEFT_PAREN -> {
                    tokens.backup();
                    cmds.add(command());
                }
                default -> throw parser.unexpected(token, context);
            }
        }
    }

    /** Reads {@code $x :=}, {@code $x =} or {@code $i, $e :=}; returns whether it is an assignment. */
    private boolean declarations(String context, List<VariableNode> decl) {
        while (tokens.peekNonSpace().type() == TokenType.VARIABLE) {
            int mark = tokens.mark();
            Token variable = tokens.nextNonSpace();
            Token next = tokens.peekNonSpace();
            if (next.type() == TokenType.ASSIGN || next.type() == TokenType.DECLARE) {
                tokens.nextNonSpace();
                decl.add(new VariableNode(variable.pos(), List.of(variable.value())));
                parser.vars.add(variable.value());
                return next.type() == TokenType.ASSIGN;
            }
            if (next.type() == TokenType.CHAR && next.value().equals(",")) {
                tokens.nextNonSpace();
                decl.add(new VariableNode(variable.pos(), List.of(variable.value())));
                parser.vars.add(variable.value());
                if (context.equals("range") && decl.size() < 2) {
                    TokenType after = tokens.peekNonSpace().type();
                    if (after == TokenType.VARIABLE || after == TokenType.RIGHT_DELIM
                            || after == TokenType.RIGHT_PAREN) {
                        continue;
                    }
                    throw parser.error("range can only initialize variables");
                }
                throw parser.error("too many declarations in " + context);
            }
            tokens.reset(mark);
            return false;
        }
        return false;
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            throw parser.error("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            Node first = cmds.get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw parser.error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = tokens.peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            tokens.peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token token = tokens.next();
            if (token.type() == TokenType.SPACE) {
                continue;
            }
            if (token.type() == TokenType.RIGHT_DELIM || token.type() == TokenType.RIGHT_PAREN) {
                tokens.backup();
            } else if (token.type() != TokenType.PIPE) {
                throw parser.unexpected(token, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw parser.error("empty command");
        }
        return new CommandNode(pos, List.copyOf(args));
    }

    private Node operand() {
        Node node = term();
        if (node == null || tokens.peek().type() != TokenType.FIELD) {
            return node;
        }
        int chainPos = tokens.peek().pos();
        List<String> fields = new ArrayList<>();
        while (tokens.peek().type() == TokenType.FIELD) {
            fields.add(tokens.next().value().substring(1));
        }
        if (node instanceof FieldNode field) {
            return new FieldNode(chainPos, concat(field.idents(), fields));
        }
        if (node instanceof VariableNode variable) {
            return new VariableNode(chainPos, concat(variable.idents(), fields));
        }
        if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                || node instanceof NilNode || node instanceof DotNode) {
            throw parser.error("unexpected . after term " + GoQuote.quote(node.toString()));
        }
        return new ChainNode(chainPos, node, List.copyOf(fields));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private Node term() {
        Token token = tokens.nextNonSpace();
        switch (token.type()) {
            case IDENTIFIER:
                if (!parser.functions.contains(token.value())) {
                    throw parser.error("function " + GoQuote.quote(token.value()) + " not defined");
                }
                return new IdentifierNode(token.pos(), token.value());
            case DOT:
                return new DotNode(token.pos());
            case NIL:
                return new NilNode(token.pos());
            case VARIABLE:
                return useVariable(token);
            case FIELD:
                return new FieldNode(token.pos(), Arrays.asList(token.value().substring(1).split("\\.", -1)));
            case BOOL:
                return new BoolNode(token.pos(), token.value().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER:
                return number(token);
            case LEFT_PAREN:
                return pipeline("parenthesized pipeline", TokenType.RIGHT_PAREN);
            case STRING, RAW_STRING:
                return new StringNode(token.pos(), token.value(), parser.unquote(token));
            default:
                tokens.backup();
                return null;
        }
    }

    private Node useVariable(Token token) {
        String name = token.value();
        if (!parser.vars.contains(name)) {
            throw parser.error("undefined variable " + GoQuote.quote(name));
        }
        return new VariableNode(token.pos(), List.of(name));
    }

    private NumberNode number(Token token) {
        try {
            return GoNumbers.parseConstant(token.pos(), token.value(), token.type() == TokenType.CHAR_CONSTANT,
                    token.type() == TokenType.COMPLEX);
        } catch (IllegalArgumentException e) {
            throw parser.error(e.getMessage());
        }
    }
}
