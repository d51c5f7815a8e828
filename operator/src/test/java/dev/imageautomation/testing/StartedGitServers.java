package dev.imageautomation.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a static {@link GitServers} field: the test class gets its own git servers (git daemon, lighttpd smart HTTP,
 * sshd), started before its first test and stopped after its last, as {@code @TempDir} does for directories.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GitServersExtension.class)
public @interface StartedGitServers {}
