package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner killed with SIGKILL in the middle of a migration leaves its embedded server running;
 * the next command of the project takes that server over instead of failing on its port, sees the
 * schema as of the last committed migration, and stops the server when it is done.
 */
class EmbeddedKillTest {
  private static final String SLOW = "classpath:fixtures/slow/db/migration";

  @TempDir
  Path project;

  @Test
  void theNextCommandTakesOverTheServerAKilledRunnerLeft() throws Exception {
    int port = freePort();
    Path log = project.resolve("killed.log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PlinthCommand.class.getName(),
        "migrate", "--locations", SLOW, "--embedded-port", Integer.toString(port))
        .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("DATABASE_URL");
    builder.environment().remove("PLINTH_LOCATIONS");
    Process runner = builder.start();
    try {
      // V2 has been running for two seconds (so V1 is committed) when its start line appears.
      awaitTrue(() -> Files.readString(log).contains("Applying V2 slow"), "the runner is in V2: " + log);
    } finally {
      runner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    Path pidFile = project.resolve(".plinth/postgres/postmaster.pid");
    assertTrue(Files.exists(pidFile), "the killed runner left its server running");

    Cli.Result info = Cli.run(Map.of(), project, "info", "--locations", SLOW, "--embedded-port", Integer.toString(port));

    assertEquals(0, info.exitCode(), info::toString);
    assertTrue(info.out().endsWith("Schema version: 1\n"), info::toString);
    awaitTrue(() -> !Files.exists(pidFile), "the server is stopped after the command that took it over");
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  private static void awaitTrue(Condition condition, String what) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting until " + what);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
