package dev.imageautomation.template;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Go type name a record or bean stands for, used where Go prints type names in errors
 * ({@code can't evaluate field Updated in type source.TemplateData}). Without it the simple class name is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GoType {
    String value();
}
