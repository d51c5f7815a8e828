package dev.imageautomation.template;

import dev.imageautomation.template.Node.ListNode;
import java.util.Map;

/** Everything one parse produced: the text (for error locations), named trees and the function table. */
record TemplateSet(String parseName, String text, Map<String, ListNode> definitions,
        Map<String, FunctionSpec> functions) {
}
