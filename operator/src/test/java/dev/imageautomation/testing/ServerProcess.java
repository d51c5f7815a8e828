package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server the tests start as a plain child process, its output in a log file, stopped with its whole process tree.
 *
 * <p>{@link #watchOverJvm} covers the case the JVM cannot: when the test JVM is killed (a fork timeout, kill -9),
 * no shutdown hook runs, so a tiny shell loop outside the JVM terminates the servers once the JVM is gone.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration GRACE = Duration.ofSeconds(5);
  /**
   * Polls the JVM once a second; TERM, then KILL, each server whose PID still runs the expected command; then
   * removes the servers' directory.
   */
  private static final String WATCHDOG = """
      jvm=$1; dir=$2; shift 2
      while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
      for spec in "$@"; do pid=${spec%%:*}; [ "$(ps -o comm= -p "$pid")" = "${spec#*:}" ] && kill -TERM "$pid"; done
      sleep 3
      for spec in "$@"; do pid=${spec%%:*}; [ "$(ps -o comm= -p "$pid")" = "${spec#*:}" ] && kill -KILL "$pid"; done
      [ -n "$dir" ] && rm -rf -- "$dir"
      exit 0
      """;

  private final String name;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} with stdout and stderr appended to {@code log}. */
  static ServerProcess start(String name, List<String> command, Path log) {
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .start();
      return new ServerProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
    }
  }

  /**
   * Starts a watchdog that stops {@code servers} and deletes {@code workDir} (where its log also goes) when this
   * JVM dies without running its shutdown hooks.
   */
  static ServerProcess watchOverJvm(List<ServerProcess> servers, Path workDir) {
    return watchOver(ProcessHandle.current().pid(), servers.stream().map(ServerProcess::watched).toList(), workDir,
        workDir.resolve("watchdog.log"));
  }

  /**
   * Starts a watchdog that stops {@code servers} once process {@code watchedPid} has gone, sparing any whose PID
   * has meanwhile been reused by another command, and then deletes {@code leftoverDir} (when not null).
   */
  static ServerProcess watchOver(long watchedPid, List<Watched> servers, Path leftoverDir, Path log) {
    List<String> command = new ArrayList<>(List.of("bash", "-c", WATCHDOG, "watchdog", Long.toString(watchedPid),
        leftoverDir == null ? "" : leftoverDir.toString()));
    servers.forEach(server -> command.add(server.pid() + ":" + server.commandName()));
    return start("watchdog", command, log);
  }

  private Watched watched() {
    String command = Path.of(process.info().command().orElse(name)).getFileName().toString();
    // ps prints at most 15 characters of the command name
    return new Watched(process.pid(), command.substring(0, Math.min(15, command.length())));
  }

  /** A process the watchdog stops: its PID and the command name {@code ps -o comm=} prints for it. */
  record Watched(long pid, String commandName) {
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  String name() {
    return name;
  }

  /** The last lines of the server's log, for failure messages. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** TERM to the process and its descendants, KILL to whatever is left after a grace period. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException stillRunning) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        handle.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
