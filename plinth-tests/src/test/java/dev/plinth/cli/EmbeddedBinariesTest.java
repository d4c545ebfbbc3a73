package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's binaries are noted at a start through zonky, and the next start runs them
 * from the noted folder without zonky, with the same settings; a note that no longer matches the
 * bundled archive, or binaries that do not start, send the start through zonky again.
 */
class EmbeddedBinariesTest {
  private static final String BASIC = "classpath:fixtures/basic/db/migration";
  private static final Pattern HOME = Pattern.compile("(?m)^home=(.*)$");

  @TempDir
  Path project;

  private Path data;
  private Path note;

  @BeforeEach
  void firstStartGoesThroughZonky() throws IOException {
    data = project.resolve(".plinth/postgres");
    note = data.resolve("plinth-binaries");
    Cli.Result first = Cli.run(Map.of(), project, "migrate", "--locations", BASIC, "--embedded-port", "0");
    assertEquals(0, first.exitCode(), first::toString);
  }

  @AfterEach
  void stopTheServer() {
    Cli.run(Map.of(), project, "server", "stop");
  }

  @Test
  void theNoteNamesTheFolderZonkyUnpackedTheBundledArchiveInto() throws IOException {
    String text = Files.readString(note);

    assertTrue(text.startsWith("resource=postgres-"), text);
    assertTrue(text.matches("(?s).*\\nurl=jar:file:.*!/postgres-[^/]*\\.txz\\nsize=\\d+\\ncrc=\\d+\\n.*"), text);
    Path home = home(text);
    assertTrue(home.getFileName().toString().matches("PG-[0-9a-f]{32}"), "zonky names it by the archive's MD5: " + home);
    assertTrue(Files.isExecutable(home.resolve("bin/postgres")), text);
  }

  @Test
  void theNextStartRunsTheNotedBinariesWithTheSameSettings() throws Exception {
    List<String> throughZonky = settingsOfADevServer();
    Path copy = copyOfTheBinaries();
    Files.writeString(note, HOME.matcher(Files.readString(note)).replaceFirst(Matcher.quoteReplacement("home=" + copy)));

    Cli.Result started = Cli.run(Map.of(), project, "server", "start", "--port", Integer.toString(freePort()));

    assertEquals(0, started.exitCode(), started::toString);
    assertEquals(Optional.of(copy.resolve("bin/postgres").toRealPath().toString()), postmasterExecutable(),
        "started from the noted folder");
    assertEquals(List.of("on", "on", "localhost", "UTC", "300"), settings());
    assertEquals(throughZonky, settings());
    Cli.Result info = Cli.run(Map.of(), project, "info", "--locations", BASIC);
    assertEquals(0, info.exitCode(), info::toString);
    assertTrue(info.out().endsWith("Schema version: 3\n"), info::toString);
  }

  @Test
  void aNoteOfAnotherArchiveIsNotUsedAndIsWrittenAfresh() throws Exception {
    String noted = Files.readString(note);
    Path copy = copyOfTheBinaries();
    Files.writeString(note, noted.replaceFirst("(?m)^crc=\\d+$", "crc=1")
        .replaceFirst("(?m)^home=.*$", Matcher.quoteReplacement("home=" + copy)));

    Cli.Result started = Cli.run(Map.of(), project, "server", "start", "--port", Integer.toString(freePort()));

    assertEquals(0, started.exitCode(), started::toString);
    assertEquals(Optional.of(home(noted).resolve("bin/postgres").toRealPath().toString()), postmasterExecutable());
    assertEquals(noted, Files.readString(note));
  }

  @Test
  void notedBinariesThatDoNotStartLeaveTheStartToZonky() throws Exception {
    String noted = Files.readString(note);
    Path broken = Files.createDirectories(project.resolve("broken/bin"));
    for (String program : List.of("pg_ctl", "postgres")) {
      Path script = broken.resolve(program);
      Files.writeString(script, "#!/bin/sh\nexit 1\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.createFile(broken.resolveSibling(".exists"));
    Files.writeString(note, noted.replaceFirst("(?m)^home=.*$",
        Matcher.quoteReplacement("home=" + broken.getParent())));

    Cli.Result info = Cli.run(Map.of(), project, "info", "--locations", BASIC, "--embedded-port", "0");

    assertEquals(0, info.exitCode(), info::toString);
    assertTrue(info.out().endsWith("Schema version: 3\n"), info::toString);
    assertEquals(noted, Files.readString(note), "noted afresh from zonky's start");
  }

  /** A dev server started through zonky (no note): its settings; stopped again. */
  private List<String> settingsOfADevServer() throws Exception {
    String noted = Files.readString(note);
    Files.delete(note);
    Cli.Result started = Cli.run(Map.of(), project, "server", "start", "--port", Integer.toString(freePort()));
    assertEquals(0, started.exitCode(), started::toString);
    assertEquals(Optional.of(home(noted).resolve("bin/postgres").toRealPath().toString()), postmasterExecutable());
    List<String> settings = settings();
    Cli.Result stopped = Cli.run(Map.of(), project, "server", "stop");
    assertEquals(0, stopped.exitCode(), stopped::toString);
    assertEquals(noted, Files.readString(note), "noted again");
    return settings;
  }

  /** fsync, synchronous_commit, listen_addresses, TimeZone, max_connections of the running server. */
  private List<String> settings() throws IOException, SQLException {
    int port = Integer.parseInt(Files.readAllLines(data.resolve("postmaster.pid")).get(3).strip());
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    properties.setProperty("password", Files.readString(data.resolve("plinth-password")).strip());
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
        properties); Statement st = connection.createStatement()) {
      for (String setting : List.of("fsync", "synchronous_commit", "listen_addresses", "TimeZone", "max_connections")) {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
          rs.next();
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  /** The running postmaster's program, as the operating system reports it. */
  private Optional<String> postmasterExecutable() throws IOException {
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    return ProcessHandle.of(pid).flatMap(p -> p.info().command());
  }

  private Path copyOfTheBinaries() throws IOException, InterruptedException {
    Path copy = project.resolve("binaries");
    Process cp = new ProcessBuilder("cp", "-a", home(Files.readString(note)).toString(), copy.toString())
        .inheritIO().start();
    assertEquals(0, cp.waitFor(), "copied");
    return copy;
  }

  private static Path home(String note) {
    Matcher home = HOME.matcher(note);
    assertTrue(home.find(), note);
    return Path.of(home.group(1));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
