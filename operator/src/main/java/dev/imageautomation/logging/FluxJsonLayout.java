package dev.imageautomation.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One log event as one line of JSON, in the shape Flux's controllers log: {@code level} (lower case), {@code ts}
 * (ISO 8601, milliseconds, UTC), {@code logger}, {@code msg}, {@code error} and {@code stacktrace} for a
 * throwable, then the MDC (JOSDK's resource name and namespace) and the event's key-values as top-level fields.
 */
public final class FluxJsonLayout extends LayoutBase<ILoggingEvent> {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  private final JsonFactory json = new JsonFactory();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator out = json.createGenerator(line)) {
      out.writeStartObject();
      out.writeStringField("level", event.getLevel().toString().toLowerCase(Locale.ROOT));
      out.writeStringField("ts", TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp())));
      out.writeStringField("logger", event.getLoggerName());
      out.writeStringField("msg", event.getFormattedMessage());
      writeThrowable(out, event.getThrowableProxy());
      writeFields(out, event);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return line.append('\n').toString();
  }

  private static void writeThrowable(JsonGenerator out, IThrowableProxy throwable) throws IOException {
    if (throwable != null) {
      out.writeStringField("error", throwable.getMessage() == null ? throwable.getClassName()
          : throwable.getMessage());
      out.writeStringField("stacktrace", ThrowableProxyUtil.asString(throwable));
    }
  }

  private static void writeFields(JsonGenerator out, ILoggingEvent event) throws IOException {
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        out.writeStringField(entry.getKey(), entry.getValue());
      }
    }
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair pair : event.getKeyValuePairs()) {
        out.writeStringField(pair.key, String.valueOf(pair.value));
      }
    }
  }
}
