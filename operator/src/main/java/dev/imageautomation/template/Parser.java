package dev.imageautomation.template;

import dev.imageautomation.template.Node.ActionNode;
import dev.imageautomation.template.Node.BranchNode;
import dev.imageautomation.template.Node.BreakNode;
import dev.imageautomation.template.Node.ContinueNode;
import dev.imageautomation.template.Node.ElseNode;
import dev.imageautomation.template.Node.EndNode;
import dev.imageautomation.template.Node.ListNode;
import dev.imageautomation.template.Node.PipeNode;
import dev.imageautomation.template.Node.TemplateNode;
import dev.imageautomation.template.Node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser with Go's {@code text/template/parse} structure and error texts: the top level,
 * {@code define}/{@code block} definitions and the control structures live here; pipelines and operands
 * in {@link PipelineParser}. Definitions are collected into {@code definitions} by name.
 */
final class Parser {
    final String name;
    final String text;
    final Set<String> functions;
    final Map<String, ListNode> definitions;
    private final TokenStream tokens;
    final List<String> vars = new ArrayList<>(List.of("$"));
    int rangeDepth;
    private final PipelineParser pipelines;

    private Parser(String name, String text, TokenStream tokens, Set<String> functions,
            Map<String, ListNode> definitions) {
        this.name = name;
        this.text = text;
        this.tokens = tokens;
        this.functions = functions;
        this.definitions = definitions;
        this.pipelines = new PipelineParser(this, tokens);
    }

    /** Parses {@code text}; the root is stored under {@code name} (unless empty and already defined). */
    static void parse(String name, String text, Set<String> functions, Map<String, ListNode> definitions)
            throws TemplateParseException {
        TokenStream tokens = new TokenStream(Lexer.lex(text));
        Parser parser = new Parser(name, text, tokens, functions, definitions);
        try {
            ListNode root = parser.parseTop();
            if (!isEmptyTree(root) || !definitions.containsKey(name)) {
                definitions.put(name, root);
            }
        } catch (ParseFailure failure) {
            throw failure.exception;
        }
    }

    private ListNode parseTop() {
        List<Node> root = new ArrayList<>();
        int rootPos = tokens.peek().pos();
        while (tokens.peek().type() != TokenType.EOF) {
            if (tokens.peek().type() == TokenType.LEFT_DELIM) {
                int mark = tokens.mark();
                tokens.next();
                if (tokens.nextNonSpace().type() == TokenType.DEFINE) {
                    subParser().parseDefinition();
                    continue;
                }
                tokens.reset(mark);
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw error("unexpected " + n);
            }
            root.add(n);
        }
        return new ListNode(rootPos, root);
    }

    private Parser subParser() {
        return new Parser(name, text, tokens, functions, definitions);
    }

    private void parseDefinition() {
        Token nameToken = tokens.nextNonSpace();
        if (nameToken.type() != TokenType.STRING && nameToken.type() != TokenType.RAW_STRING) {
            throw unexpected(nameToken, "define clause");
        }
        String defined = unquote(nameToken);
        expect(TokenType.RIGHT_DELIM, "define clause");
        ItemList body = itemList();
        if (!(body.next() instanceof EndNode)) {
            throw error("unexpected " + body.next() + " in define clause");
        }
        addDefinition(defined, body.list());
    }

    private void addDefinition(String defined, ListNode body) {
        ListNode existing = definitions.get(defined);
        if (existing == null || isEmptyTree(existing)) {
            definitions.put(defined, body);
        } else if (!isEmptyTree(body)) {
            throw error("template: multiple definition of template " + GoQuote.quote(defined));
        }
    }

    static boolean isEmptyTree(ListNode list) {
        return list.nodes().stream().allMatch(n -> n instanceof TextNode t && t.text().isBlank()
                && t.text().chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n'));
    }

    record ItemList(ListNode list, Node next) {
    }

    ItemList itemList() {
        List<Node> nodes = new ArrayList<>();
        int pos = tokens.peekNonSpace().pos();
        while (tokens.peekNonSpace().type() != TokenType.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new ItemList(new ListNode(pos, nodes), n);
            }
            nodes.add(n);
        }
        throw error("unexpected EOF");
    }

    private Node textOrAction() {
        Token token = tokens.nextNonSpace();
        return switch (token.type()) {
            case TEXT -> new TextNode(token.pos(), token.value());
            case LEFT_DELIM -> {
                tokens.actionLine = token.line();
                try {
                    yield action();
                } finally {
                    tokens.actionLine = 0;
                }
            }
            default -> throw unexpected(token, "input");
        };
    }

    private Node action() {
        Token token = tokens.nextNonSpace();
        switch (token.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return loopControl(token, "{{break}}");
            case CONTINUE:
                return loopControl(token, "{{continue}}");
            case ELSE:
                return elseControl();
            case END:
                return new EndNode(expect(TokenType.RIGHT_DELIM, "end").pos());
            case IF:
                return control(BranchNode.Kind.IF);
            case RANGE:
                return control(BranchNode.Kind.RANGE);
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control(BranchNode.Kind.WITH);
            default:
                tokens.backup();
                Token first = tokens.peek();
                return new ActionNode(first.pos(), first.line(), pipelines.pipeline("command", TokenType.RIGHT_DELIM));
        }
    }

    private Node loopControl(Token token, String keyword) {
        if (rangeDepth == 0) {
            throw error(keyword + " outside {{range}}");
        }
        Token next = tokens.nextNonSpace();
        if (next.type() != TokenType.RIGHT_DELIM) {
            throw unexpected(next, keyword);
        }
        return keyword.equals("{{break}}") ? new BreakNode(token.pos(), token.line())
                : new ContinueNode(token.pos(), token.line());
    }

    private Node elseControl() {
        Token peek = tokens.peekNonSpace();
        if (peek.type() == TokenType.IF || peek.type() == TokenType.WITH) {
            return new ElseNode(peek.pos(), peek.line());
        }
        Token token = expect(TokenType.RIGHT_DELIM, "else");
        return new ElseNode(token.pos(), token.line());
    }

    /** {@code if}/{@code with}/{@code range}; {@code else if} and {@code else with} nest a new control. */
    private Node control(BranchNode.Kind kind) {
        String context = kind.name().toLowerCase(java.util.Locale.ROOT);
        int varMark = vars.size();
        try {
            PipeNode pipe = pipelines.pipeline(context, TokenType.RIGHT_DELIM);
            if (kind == BranchNode.Kind.RANGE) {
                rangeDepth++;
            }
            ItemList body = itemList();
            if (kind == BranchNode.Kind.RANGE) {
                rangeDepth--;
            }
            ListNode elseList = null;
            if (body.next() instanceof ElseNode elseNode) {
                elseList = elseBranch(kind, elseNode);
            }
            return new BranchNode(kind, pipe.pos(), pipe.line(), pipe, body.list(), elseList);
        } finally {
            vars.subList(varMark, vars.size()).clear();
        }
    }

    private ListNode elseBranch(BranchNode.Kind kind, ElseNode elseNode) {
        TokenType chained = tokens.peek().type();
        if (kind == BranchNode.Kind.IF && chained == TokenType.IF
                || kind == BranchNode.Kind.WITH && chained == TokenType.WITH) {
            tokens.next();
            return new ListNode(elseNode.pos(), List.of(control(kind)));
        }
        ItemList elseBody = itemList();
        if (!(elseBody.next() instanceof EndNode)) {
            throw error("expected end; found " + elseBody.next());
        }
        return elseBody.list();
    }

    private Node templateControl() {
        Token token = tokens.nextNonSpace();
        String called = templateName(token, "template clause");
        PipeNode pipe = null;
        if (tokens.nextNonSpace().type() != TokenType.RIGHT_DELIM) {
            tokens.backup();
            pipe = pipelines.pipeline("template clause", TokenType.RIGHT_DELIM);
        }
        return new TemplateNode(token.pos(), token.line(), called, pipe);
    }

    private Node blockControl() {
        Token token = tokens.nextNonSpace();
        String blockName = templateName(token, "block clause");
        PipeNode pipe = pipelines.pipeline("block clause", TokenType.RIGHT_DELIM);
        Parser block = subParser();
        ItemList body = block.itemList();
        if (!(body.next() instanceof EndNode)) {
            throw error("unexpected " + body.next() + " in block clause");
        }
        block.addDefinition(blockName, body.list());
        return new TemplateNode(token.pos(), token.line(), blockName, pipe);
    }

    private String templateName(Token token, String context) {
        if (token.type() != TokenType.STRING && token.type() != TokenType.RAW_STRING) {
            throw unexpected(token, context);
        }
        return unquote(token);
    }

    String unquote(Token token) {
        try {
            return GoQuote.unquote(token.value());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    Token expect(TokenType expected, String context) {
        Token token = tokens.nextNonSpace();
        if (token.type() != expected) {
            throw unexpected(token, context);
        }
        return token;
    }

    /** Go's {@code Tree.unexpected}: lexer errors are shown as is, other tokens as "unexpected X in ctx". */
    ParseFailure unexpected(Token token, String context) {
        if (token.type() == TokenType.ERROR) {
            String extra = "";
            if (tokens.actionLine != 0 && tokens.actionLine != token.line()) {
                extra = " in action started at " + name + ":" + tokens.actionLine;
                if (token.value().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            return error(token.value() + extra);
        }
        return error("unexpected " + token.describe() + " in " + context);
    }

    ParseFailure error(String detail) {
        Token at = tokens.current();
        SourceLocation location = SourceLocation.of(text, at.pos());
        return new ParseFailure(new TemplateParseException(name, at.line(), location.column(), detail));
    }

    /** Unchecked carrier so deep recursion can abort; unwrapped in {@link #parse}. */
    static final class ParseFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient TemplateParseException exception;

        ParseFailure(TemplateParseException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }
}
