package dev.imageautomation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

  @TempDir
  Path dir;

  @Test
  void shouldStopTheServerAndEveryProcessItStarted() {
    ServerProcess server = ServerProcess.start("tree", List.of("bash", "-c", "sleep 300 & sleep 300 & wait"),
        dir.resolve("tree.log"));
    await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(server.pid()).orElseThrow()
        .children().count() == 2);
    List<ProcessHandle> tree = ProcessHandle.of(server.pid()).orElseThrow().descendants().toList();

    server.close();

    assertThat(server.isAlive()).isFalse();
    assertThat(tree).hasSize(2).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void shouldStopServersAndDeleteTheirFilesWhenTheWatchedProcessDiesWithoutCleaningUp() throws Exception {
    Path serverDir = Files.createDirectories(dir.resolve("server/data"));
    ServerProcess watched = ServerProcess.start("jvm", List.of("sleep", "300"), dir.resolve("jvm.log"));
    ServerProcess server = ServerProcess.start("server", List.of("sleep", "301"), dir.resolve("server.log"));
    ServerProcess watchdog = ServerProcess.watchOver(watched.pid(),
        List.of(new ServerProcess.Watched(server.pid(), "sleep")), serverDir.getParent(), dir.resolve("watchdog.log"));
    try {
      ProcessHandle.of(watched.pid()).orElseThrow().destroyForcibly();

      await().atMost(Duration.ofSeconds(30)).until(() -> !watchdog.isAlive());
      assertThat(server.isAlive()).isFalse();
      assertThat(serverDir.getParent()).doesNotExist();
      assertThat(watchdog.logTail(5)).as("watchdog errors").isEmpty();
    } finally {
      watchdog.close();
      server.close();
    }
  }

  @Test
  void shouldLeaveAProcessAloneWhenItsPidNowRunsAnotherCommand() {
    ServerProcess watched = ServerProcess.start("jvm", List.of("sleep", "300"), dir.resolve("jvm.log"));
    ServerProcess unrelated = ServerProcess.start("unrelated", List.of("sleep", "302"), dir.resolve("unrelated.log"));
    ServerProcess watchdog = ServerProcess.watchOver(watched.pid(),
        List.of(new ServerProcess.Watched(unrelated.pid(), "etcd")), null, dir.resolve("watchdog.log"));
    try {
      ProcessHandle.of(watched.pid()).orElseThrow().destroyForcibly();

      await().atMost(Duration.ofSeconds(30)).until(() -> !watchdog.isAlive());
      assertThat(unrelated.isAlive()).isTrue();
    } finally {
      watchdog.close();
      unrelated.close();
    }
  }
}
