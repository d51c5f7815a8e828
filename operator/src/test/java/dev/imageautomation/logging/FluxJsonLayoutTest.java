package dev.imageautomation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class FluxJsonLayoutTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final LoggerContext context = new LoggerContext();
  private final FluxJsonLayout layout = new FluxJsonLayout();

  @Test
  void shouldWriteOneLineWithFluxFieldNamesAndTheKeyValuesAtTopLevel() throws Exception {
    LoggingEvent event = event(Level.WARN, "scan of \"{}\" failed\nretrying", "app");
    event.setKeyValuePairs(List.of(new KeyValuePair("kind", "ImageRepository"), new KeyValuePair("attempt", 3)));
    event.setMDCPropertyMap(Map.of("resource.namespace", "apps"));

    String line = layout.doLayout(event);

    assertThat(line).endsWith("\n").doesNotContain("\n{").hasLineCount(1);
    JsonNode entry = JSON.readTree(line);
    assertThat(entry.path("level").asText()).isEqualTo("warn");
    assertThat(entry.path("ts").asText()).isEqualTo("2026-12-05T10:15:30.250Z");
    assertThat(entry.path("logger").asText()).isEqualTo("dev.imageautomation.Test");
    assertThat(entry.path("msg").asText()).isEqualTo("scan of \"app\" failed\nretrying");
    assertThat(entry.path("kind").asText()).isEqualTo("ImageRepository");
    assertThat(entry.path("attempt").asText()).isEqualTo("3");
    assertThat(entry.path("resource.namespace").asText()).isEqualTo("apps");
    assertThat(entry.has("error")).isFalse();
  }

  @Test
  void shouldCarryAThrowableAsErrorAndStacktrace() throws Exception {
    LoggingEvent event = event(Level.ERROR, "push failed", null);
    event.setThrowableProxy(new ThrowableProxy(new IllegalStateException("remote rejected main")));
    event.setMDCPropertyMap(Map.of());

    JsonNode entry = JSON.readTree(layout.doLayout(event));

    assertThat(entry.path("level").asText()).isEqualTo("error");
    assertThat(entry.path("error").asText()).isEqualTo("remote rejected main");
    assertThat(entry.path("stacktrace").asText()).contains("java.lang.IllegalStateException: remote rejected main")
        .contains("FluxJsonLayoutTest");
  }

  private LoggingEvent event(Level level, String message, Object argument) {
    LoggingEvent event = new LoggingEvent("test", context.getLogger("dev.imageautomation.Test"), level, message,
        null, argument == null ? null : new Object[] {argument});
    event.setTimeStamp(java.time.Instant.parse("2026-12-05T10:15:30.250Z").toEpochMilli());
    return event;
  }
}
