package dev.imageautomation.template;

import java.util.Map;

/** A struct whose Go JSON form differs from its fields (Go json tags, inlining, omitempty). */
interface JsonShaped {
    Map<String, Object> jsonObject();
}
