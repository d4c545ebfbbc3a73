package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing configured, the CLI runs its own PostgreSQL and keeps the data in the working directory. */
class EmbeddedDefaultTest {

  private static final String BASIC = "classpath:fixtures/basic/db/migration";

  @TempDir
  Path workingDirectory;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void migratesTheEmbeddedServerAndKeepsItsDataForTheNextRun() throws IOException {
    String port = Integer.toString(freePort());

    Cli.Result first = Cli.run(Map.of(), workingDirectory, "migrate", "--locations", BASIC, "--embedded-port", port);

    assertEquals(0, first.exitCode(), first::toString);
    Path data = workingDirectory.resolve(".plinth/postgres");
    Path password = data.resolve("plinth-password");
    assertEquals("Embedded PostgreSQL on port " + port + ", data in " + data + " (kept between runs). While it runs,"
        + " connect with jdbc:postgresql://localhost:" + port + "/postgres?user=postgres and the password in "
        + password + ", or: PGPASSWORD=\"$(cat " + password + ")\" psql -h localhost -p " + port
        + " -U postgres postgres\n", first.err());
    assertTrue(first.out().endsWith("Applied 3 migrations in " + first.out().replaceAll("(?s).*in (\\d+) ms.*", "$1")
        + " ms; schema now at version 3.\n"), first::toString);
    String conf = Files.readString(data.resolve("postgresql.conf"));
    // initdb writes the locale quoted on some versions ('C') and bare on others (C).
    assertTrue(conf.matches("(?s).*\\nlc_messages = '?C'?\\s.*") && conf.matches("(?s).*\\nlc_time = '?C'?\\s.*"),
        "initdb ran with locale C");

    Cli.Result second = Cli.run(Map.of(), workingDirectory, "info", "--locations", BASIC, "--embedded-port", port);

    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.out().endsWith("Schema version: 3\n"), "data kept between runs: " + second);
  }

  @Test
  void takenPortIsReportedClearly() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      Cli.Result result = Cli.run(Map.of(), workingDirectory, "info", "--locations", BASIC,
          "--embedded-port", Integer.toString(port));

      assertEquals(ExitCode.CONNECTION.code(), result.exitCode(), result::toString);
      assertEquals("[PLN630] Cannot start the embedded PostgreSQL: port " + port + " is already in use. Stop the"
          + " program using it (maybe an earlier embedded server) or choose another port with --embedded-port.\n",
          result.err());
    }
  }
}
