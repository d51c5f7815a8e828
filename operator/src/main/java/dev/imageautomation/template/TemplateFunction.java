package dev.imageautomation.template;

import java.util.List;

/**
 * A function callable from a template. Arguments arrive as template values (see {@link GoValues}); a thrown
 * exception becomes Go's {@code error calling NAME: MESSAGE}. A value of this type placed in the data can
 * be invoked with the {@code call} built-in.
 */
@FunctionalInterface
public interface TemplateFunction {
    Object call(List<Object> args) throws Exception;
}
