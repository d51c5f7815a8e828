package dev.imageautomation.template;

import java.util.List;
import java.util.Map;

/**
 * Renders an ImageUpdateAutomation's {@code messageTemplate} exactly as Flux's {@code templateMsg} does: an
 * empty template means {@value #DEFAULT_MESSAGE}; the template is named {@value #TEMPLATE_NAME} (so errors
 * read {@code template: commit message:2:4: ...}); errors are worded as Flux wraps them; and an execution
 * error that shows a removed field ({@code .Updated}, {@code .Changed.ImageResult}) — detected from the
 * error text, as Flux does, so only when that part of the template actually runs — becomes
 * {@link RemovedTemplateFieldException}.
 */
public final class CommitMessageTemplate {
    public static final String DEFAULT_MESSAGE = "Update from image update automation";
    public static final String TEMPLATE_NAME = "commit message";

    private static final Map<String, String> REMOVED_FIELD_ERRORS = Map.of(
            ".Updated", "can't evaluate field Updated in type source.TemplateData",
            ".Changed.ImageResult", "can't evaluate field ImageResult in type update.Result");

    private CommitMessageTemplate() {
    }

    /** The commit message for {@code messageTemplate} (null or empty: the default) over {@code data}. */
    public static String render(String messageTemplate, CommitMessageData data) throws TemplateException {
        String text = messageTemplate == null || messageTemplate.isEmpty() ? DEFAULT_MESSAGE : messageTemplate;
        GoTemplate template;
        try {
            template = GoTemplate.parse(TEMPLATE_NAME, text);
        } catch (TemplateParseException e) {
            throw new TemplateException("unable to create commit message template from spec: " + e.getMessage(), e);
        }
        try {
            return template.execute(data);
        } catch (TemplateExecException e) {
            for (String field : List.of(".Updated", ".Changed.ImageResult")) {
                if (e.getMessage().contains(REMOVED_FIELD_ERRORS.get(field))) {
                    throw new RemovedTemplateFieldException(field, e);
                }
            }
            throw new TemplateException("failed to run template from spec: " + e.getMessage(), e);
        }
    }
}
