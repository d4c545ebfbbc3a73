package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plinth server start|stop|status} and every command's use of the embedded server, with real
 * {@code plinth} processes (a dev server must outlive the JVM that started it) on real PostgreSQL.
 */
class DevServerTest {
  private static final String BASIC = "classpath:fixtures/basic/db/migration";
  private static final String SLOW = "classpath:fixtures/slow/db/migration";

  @TempDir
  Path root;

  /** The data directories of this test's projects: every server on them is stopped after the test. */
  private final List<Path> dataDirectories = new ArrayList<>();

  @AfterEach
  void stopServersStartedHere() throws Exception {
    for (Path data : dataDirectories) {
      Optional<Long> postmaster = postmasterPid(data).filter(pid -> ProcessHandle.of(pid).isPresent());
      if (postmaster.isPresent()) {
        // SIGINT: fast shutdown (SIGTERM would wait for the session of a killed command to end).
        new ProcessBuilder("kill", "-INT", postmaster.get().toString()).inheritIO().start().waitFor();
        awaitTrue(() -> !Files.exists(data.resolve("postmaster.pid")), "the server of " + data + " is stopped");
      }
    }
  }

  @Test
  void startStatusCommandStop() throws Exception {
    Path project = project("app");
    Path data = project.resolve(".plinth/postgres");
    int port = freePort();

    Cli.Result started = Cli.runProcess(project, "server", "start", "--port", Integer.toString(port));

    assertEquals(0, started.exitCode(), started::toString);
    long pid = postmasterPid(data).orElseThrow();
    Path passwordFile = data.resolve("plinth-password");
    assertEquals("Dev server running on port " + port + " (postmaster pid " + pid + "), data in " + data + "."
        + " Commands run in this folder use it until plinth server stop. Connect with jdbc:postgresql://localhost:"
        + port + "/postgres?user=postgres and the password in " + passwordFile + ", or: PGPASSWORD=\"$(cat "
        + passwordFile + ")\" psql -h localhost -p " + port + " -U postgres postgres\n", started.out());
    assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server outlives its starter");

    Cli.Result status = Cli.runProcess(project, "server", "status", "--json");

    assertEquals(0, status.exitCode(), status::toString);
    assertEquals("{\n  \"running\" : true,\n  \"dataDirectory\" : \"" + data + "\",\n  \"port\" : " + port
        + ",\n  \"pid\" : " + pid + ",\n  \"mode\" : \"dev\",\n  \"passwordFile\" : \"" + passwordFile + "\"\n}\n",
        status.out());

    Cli.Result migrate = Cli.runProcess(project, "migrate", "--locations", BASIC);

    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertEquals("Using the embedded PostgreSQL already running on port " + port + ", data in " + data + ".\n",
        migrate.err());
    assertTrue(migrate.out().endsWith("schema now at version 3.\n"), migrate::toString);
    assertEquals(Optional.of(pid), postmasterPid(data), "no other server was started");
    assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the dev server keeps running");

    Cli.Result stopped = Cli.runProcess(project, "server", "stop");

    assertEquals(0, stopped.exitCode(), stopped::toString);
    assertEquals("Stopped the embedded PostgreSQL on port " + port + " (postmaster pid " + pid + "), data in " + data
        + ".\n", stopped.out());
    assertFalse(Files.exists(data.resolve("postmaster.pid")), "stopped");
    Cli.Result after = Cli.runProcess(project, "server", "status");
    assertEquals(ExitCode.CONNECTION.code(), after.exitCode(), after::toString);
    assertEquals("No embedded PostgreSQL is running on " + data + ". Start one with: plinth server start\n",
        after.out());
  }

  @Test
  void theServerAsksForThePasswordInAnOwnerOnlyFileAndListensOnLoopbackOnly() throws Exception {
    Path project = project("app");
    Path data = project.resolve(".plinth/postgres");
    int port = freePort();

    Cli.Result started = Cli.runProcess(project, "server", "start", "--port", Integer.toString(port));

    assertEquals(0, started.exitCode(), started::toString);
    assertEquals(PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(data.resolve("plinth-password")));
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(data.resolve("plinth-server")));
    String password = Files.readString(data.resolve("plinth-password")).strip();
    SQLException none = assertThrows(SQLException.class, () -> connect("localhost", port, null).close());
    assertEquals("08004", none.getSQLState(), none::getMessage); // no password given, but the server asks for one
    SQLException wrong = assertThrows(SQLException.class, () -> connect("localhost", port, "wrong").close());
    assertEquals("28P01", wrong.getSQLState(), wrong::getMessage); // password authentication failed
    try (Connection connection = connect("localhost", port, password)) {
      assertEquals("localhost", show(connection, "listen_addresses"));
      // The superuser's SCRAM verifier has 16 iterations (each connection computes them), not 4096.
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = current_user")) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).startsWith("SCRAM-SHA-256$16:"), rs.getString(1).substring(0, 20));
      }
    }
    for (InetAddress address : nonLoopbackAddresses()) {
      SQLException refused = assertThrows(SQLException.class,
          () -> connect(address.getHostAddress(), port, password).close(), address::toString);
      assertEquals("08001", refused.getSQLState(), refused::getMessage); // connection refused
    }
  }

  @Test
  void twoProjectsAskingForOnePortAtOnceNeverShareAServer() throws Exception {
    Path first = project("first");
    Path second = project("second");
    int port = freePort();
    Path out1 = root.resolve("out1");
    Path err1 = root.resolve("err1");
    Path out2 = root.resolve("out2");
    Path err2 = root.resolve("err2");

    Process one = Cli.start(first, out1, err1, "server", "start", "--port", Integer.toString(port));
    Process two = Cli.start(second, out2, err2, "server", "start", "--port", Integer.toString(port));
    Cli.Result result1 = Cli.finish(one, out1, err1);
    Cli.Result result2 = Cli.finish(two, out2, err2);

    assertEquals(List.of(0, ExitCode.CONNECTION.code()),
        List.of(result1.exitCode(), result2.exitCode()).stream().sorted().toList(), result1 + "\n" + result2);
    boolean firstWon = result1.exitCode() == 0;
    Path winner = (firstWon ? first : second).resolve(".plinth/postgres");
    Cli.Result loser = firstWon ? result2 : result1;
    assertEquals("[PLN630] Cannot start the embedded PostgreSQL: port " + port + " is already in use. Stop the"
        + " program using it (maybe an earlier embedded server) or choose another port with --embedded-port.\n",
        loser.err());
    try (Connection connection = connect("localhost", port, Files.readString(winner.resolve("plinth-password")).strip())) {
      assertEquals(winner.toString(), show(connection, "data_directory"));
    }
    Path loserData = (firstWon ? second : first).resolve(".plinth/postgres");
    assertFalse(Files.exists(loserData.resolve("postmaster.pid")), "the losing project runs no server");
  }

  @Test
  void commandsStartedAtOnceOnOneProjectShareOneServerAndTheLastStopsIt() throws Exception {
    Path project = project("app");
    Path data = project.resolve(".plinth/postgres");
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      processes.add(Cli.start(project, root.resolve("out" + i), root.resolve("err" + i),
          "migrate", "--locations", BASIC, "--embedded-port", "0"));
    }
    List<Cli.Result> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      results.add(Cli.finish(processes.get(i), root.resolve("out" + i), root.resolve("err" + i)));
    }

    for (Cli.Result result : results) {
      assertEquals(0, result.exitCode(), result::toString);
    }
    assertEquals(1, results.stream().filter(r -> r.out().contains("Applied 3 migrations")).count(), results::toString);
    assertEquals(2, results.stream().filter(r -> r.out().equals("Nothing to apply; schema is at version 3.\n")).count(),
        results::toString);
    awaitTrue(() -> !Files.exists(data.resolve("postmaster.pid")), "the last command stopped the server");
    assertFalse(Files.exists(data.resolve("plinth-server")), "no running server recorded");
  }

  @Test
  void aCommandLeavesTheServerOfAnotherToItAndAfterThatOneIsKilledTheNextStopsIt() throws Exception {
    Path project = project("app");
    Path data = project.resolve(".plinth/postgres");
    Path out = root.resolve("slow.out");
    Path err = root.resolve("slow.err");
    Process slow = Cli.start(project, out, err, "migrate", "--locations", SLOW, "--embedded-port", "0");
    long pid;
    try {
      awaitTrue(() -> Files.readString(out).contains("Applying V2 slow"), "the slow migrate is in V2");
      pid = postmasterPid(data).orElseThrow();

      Cli.Result info = Cli.runProcess(project, "info", "--locations", SLOW);

      assertEquals(0, info.exitCode(), info::toString);
      assertTrue(info.err().startsWith("Using the embedded PostgreSQL already running on port "), info::toString);
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "the server is left running for the migrate that uses it");
    } finally {
      slow.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL in the middle of V2
    }

    Cli.Result next = Cli.runProcess(project, "info", "--locations", SLOW);

    assertEquals(0, next.exitCode(), next::toString);
    assertTrue(next.out().endsWith("Schema version: 1\n"), next::toString);
    assertTrue(next.err().startsWith("Using the embedded PostgreSQL already running on port "), next::toString);
    // PostgreSQL removes its pid file last when it shuts down (the process may linger as an unreaped zombie).
    awaitTrue(() -> !Files.exists(data.resolve("postmaster.pid")), "the next command stopped the server it took over");
  }

  @Test
  void aDevServerOutlivesACommandKilledWhileUsingIt() throws Exception {
    Path project = project("app");
    Path data = project.resolve(".plinth/postgres");
    Cli.Result started = Cli.runProcess(project, "server", "start", "--port", "0");
    assertEquals(0, started.exitCode(), started::toString);
    long pid = postmasterPid(data).orElseThrow();
    Path out = root.resolve("slow.out");
    Process slow = Cli.start(project, out, root.resolve("slow.err"), "migrate", "--locations", SLOW);
    try {
      awaitTrue(() -> Files.readString(out).contains("Applying V2 slow"), "the slow migrate is in V2");
    } finally {
      slow.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    Cli.Result info = Cli.runProcess(project, "info", "--locations", SLOW);

    assertEquals(0, info.exitCode(), info::toString);
    assertTrue(info.out().endsWith("Schema version: 1\n"), info::toString);
    assertEquals(Optional.of(pid), postmasterPid(data));
    assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the dev server keeps running");
  }

  @Test
  void aServerStartKilledWhileStartingDoesNotBlockTheNextCommand() throws Exception {
    Path project = project("app");
    Path data = project.resolve(".plinth/postgres");
    Process start = Cli.start(project, root.resolve("start.out"), root.resolve("start.err"), "server", "start",
        "--port", "0");
    try {
      awaitTrue(() -> Files.exists(data.resolve("postmaster.pid")), "the server is starting");
    } finally {
      start.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    Cli.Result migrate = Cli.runProcess(project, "migrate", "--locations", BASIC, "--embedded-port", "0");

    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertTrue(migrate.out().endsWith("schema now at version 3.\n"), migrate::toString);
    Cli.Result startAgain = Cli.runProcess(project, "server", "start", "--port", "0");
    assertEquals(0, startAgain.exitCode(), startAgain::toString);
    Cli.Result stop = Cli.runProcess(project, "server", "stop");
    assertEquals(0, stop.exitCode(), stop::toString);
    assertFalse(Files.exists(data.resolve("postmaster.pid")), "stopped");
  }

  @Test
  void aClusterFromBeforePasswordsGetsOneOnItsNextStartAndKeepsItsData() throws Exception {
    Path project = project("app");
    Path data = project.resolve(".plinth/postgres");
    Files.createDirectories(data);
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setPort(freePort()).start();
        Connection connection = old.getPostgresDatabase().getConnection();
        Statement st = connection.createStatement()) {
      st.execute("CREATE TABLE kept (id int)");
    }
    assertTrue(Files.readString(data.resolve("pg_hba.conf")).contains("trust"), "made the old way: trust");

    Cli.Result info = Cli.runProcess(project, "info", "--locations", BASIC, "--embedded-port", "0");

    assertEquals(0, info.exitCode(), info::toString);
    assertEquals(PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(data.resolve("plinth-password")));
    assertFalse(Files.readString(data.resolve("pg_hba.conf")).contains("trust"), "no longer trusts anyone");
    int port = freePort();
    Cli.Result started = Cli.runProcess(project, "server", "start", "--port", Integer.toString(port));
    assertEquals(0, started.exitCode(), started::toString);
    SQLException none = assertThrows(SQLException.class, () -> connect("localhost", port, null).close());
    assertEquals("08004", none.getSQLState(), none::getMessage);
    try (Connection connection = connect("localhost", port, Files.readString(data.resolve("plinth-password")).strip())) {
      assertEquals("kept", show(connection, "'kept'::regclass::text", "SELECT "));
    }
  }

  private Path project(String name) throws IOException {
    Path project = Files.createDirectories(root.resolve(name)).toAbsolutePath();
    dataDirectories.add(project.resolve(".plinth/postgres"));
    return project;
  }

  private static Optional<Long> postmasterPid(Path data) {
    try {
      return Optional.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Connection connect(String host, int port, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "5");
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return DriverManager.getConnection("jdbc:postgresql://" + literal + ":" + port + "/postgres", properties);
  }

  private static String show(Connection connection, String setting) throws SQLException {
    return show(connection, setting, "SHOW ");
  }

  private static String show(Connection connection, String what, String verb) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(verb + what)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The machine's IPv4 addresses other than loopback, e.g. 192.0.2.2 on eth0. */
  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (network.isUp() && !network.isLoopback()) {
        Collections.list(network.getInetAddresses()).stream().filter(a -> a instanceof Inet4Address)
            .forEach(addresses::add);
      }
    }
    return addresses;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  private static void awaitTrue(Condition condition, String what) throws Exception {
    for (int i = 0; i < 900; i++) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting until " + what);
  }
}
