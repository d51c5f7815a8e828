package dev.imageautomation.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree, one record per Go {@code parse.Node} kind. {@link #toString()} re-renders the source the
 * way Go's {@code Node.String()} does, because execution errors quote it ({@code at <.Updated>}).
 */
sealed interface Node {

    /** Offset of the node in the template text, used for error locations. */
    int pos();

    record ListNode(int pos, List<Node> nodes) implements Node {
        @Override
        public String toString() {
            return nodes.stream().map(Node::toString).collect(Collectors.joining());
        }
    }

    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return GoQuote.quote(text);
        }
    }

    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements Node {
        @Override
        public String toString() {
            String cmdText = cmds.stream().map(Node::toString).collect(Collectors.joining(" | "));
            if (decl.isEmpty()) {
                return cmdText;
            }
            String vars = decl.stream().map(Node::toString).collect(Collectors.joining(", "));
            return vars + (isAssign ? " = " : " := ") + cmdText;
        }
    }

    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            return args.stream()
                    .map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    /** {@code if}, {@code with} and {@code range}: a pipeline, a body and an optional else body. */
    record BranchNode(Kind kind, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
            implements Node {
        enum Kind { IF, WITH, RANGE }

        @Override
        public String toString() {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            String elsePart = elseList == null ? "" : "{{else}}" + elseList;
            return "{{" + name + " " + pipe + "}}" + list + elsePart + "{{end}}";
        }
    }

    record BreakNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + GoQuote.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
        }
    }

    /** {@code .A.B}: a field chain starting at dot. */
    record FieldNode(int pos, List<String> idents) implements Node {
        @Override
        public String toString() {
            return idents.stream().map(i -> "." + i).collect(Collectors.joining());
        }
    }

    /** {@code $x.A.B}: a variable, possibly followed by fields; idents[0] is the variable name. */
    record VariableNode(int pos, List<String> idents) implements Node {
        @Override
        public String toString() {
            return String.join(".", idents);
        }
    }

    /** {@code (pipeline).A.B}: fields applied to a term that is not dot or a variable. */
    record ChainNode(int pos, Node node, List<String> fields) implements Node {
        @Override
        public String toString() {
            String head = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return head + fields.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    record IdentifierNode(int pos, String name) implements Node {
        @Override
        public String toString() {
            return name;
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A numeric constant. Like Go's, it records every type the text can be: {@code intValue} when it is an
     * exact integer, {@code floatValue} when it is representable as a float; {@code isChar} for rune literals.
     */
    record NumberNode(int pos, String text, Long intValue, Double floatValue, boolean isChar) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** Parser-internal markers for {@code {{end}}} and {@code {{else}}}. */
    record EndNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    record ElseNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
