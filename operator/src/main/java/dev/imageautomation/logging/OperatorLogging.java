package dev.imageautomation.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code --log-level} and {@code --log-encoding} to the logback set-up of {@code logback.xml} at start-up.
 * Only the {@code operator} command does this; the other commands and the tests keep the readable console lines.
 */
public final class OperatorLogging {

  private OperatorLogging() {}

  /** Sets the root level and, for {@code json}, puts {@link FluxJsonLayout} on every console appender. */
  public static void configure(String level, boolean json) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: its own configuration rules
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    if (json) {
      for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
        if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
          useJson(context, appender);
        }
      }
    }
  }

  private static void useJson(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
    FluxJsonLayout layout = new FluxJsonLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    appender.stop();
    appender.setEncoder(encoder);
    appender.start();
  }
}
