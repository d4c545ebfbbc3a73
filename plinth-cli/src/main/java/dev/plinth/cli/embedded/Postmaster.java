package dev.plinth.cli.embedded;

import dev.plinth.cli.embedded.ServerFiles.State;
import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starting, recognising, securing and stopping the PostgreSQL server of one data directory. The
 * caller holds the data directory's lock ({@link DataDirectoryLock#exclusive()}).
 */
final class Postmaster {

  /** Servers this JVM started, closed through zonky so that its own lock on the data directory is released too. */
  private static final Map<Path, EmbeddedPostgres> STARTED_HERE = new ConcurrentHashMap<>();

  /** How long a server may take to accept connections after it was started. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  /**
   * The server's settings, however it is started: zonky's defaults (time zone, connections), and
   * instead of zonky's {@code -F} (fsync off, fine for tests, not for data we promise to keep)
   * durable commits; loopback only.
   */
  private static final Map<String, String> SETTINGS = settings("timezone", "UTC", "max_connections", "300",
      "fsync", "on", "synchronous_commit", "on", "listen_addresses", "localhost");

  /** zonky's binaries: one resolver for the JVM, so zonky prepares them once even for initdb and a start. */
  private static final Binaries.Resolver BINARIES = new Binaries.Resolver(Postmaster.class.getClassLoader());

  private Postmaster() {}

  /**
   * The running server of {@code data}: the process {@code postmaster.pid} names is alive and is a
   * {@code postgres} started on {@code data} ({@code -D}); where its arguments cannot be read, the
   * server on the port the file names must connect and say that it serves {@code data}.
   */
  static Optional<State> live(Path data, Optional<String> password) {
    return ServerFiles.postmaster(data).filter(p -> {
      Optional<ProcessHandle.Info> info = ProcessHandle.of(p.pid()).filter(ProcessHandle::isAlive).map(ProcessHandle::info);
      if (!info.flatMap(ProcessHandle.Info::command).map(Postmaster::isPostgres).orElse(false)) {
        return false;
      }
      // Reading the arguments costs nothing; a connection costs a quarter of a second at start-up.
      return info.flatMap(ProcessHandle.Info::arguments).map(args -> startedOn(args, data))
          .orElseGet(() -> serves(p.port(), data, password));
    });
  }

  private static boolean isPostgres(String command) {
    return command.endsWith("postgres") || command.endsWith("postgres.exe");
  }

  /** Whether {@code postgres} arguments name {@code data} as the data directory ({@code -D data}). */
  private static boolean startedOn(String[] arguments, Path data) {
    for (int i = 0; i + 1 < arguments.length; i++) {
      if (arguments[i].equals("-D")) {
        return samePath(Path.of(arguments[i + 1]), data);
      }
    }
    return false;
  }

  private static boolean samePath(Path a, Path b) {
    try {
      return a.toRealPath().equals(b.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Waits (at most the start-up wait) until the server on {@code port} accepts a connection: it
   * refuses them while it starts up (connection refused, or SQL state 57P03). False when it still
   * refused them at the end (it never got that far); true when it answered, even with an error
   * the command's own connection then reports.
   */
  static boolean awaitReady(int port, Optional<String> password) {
    long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
    while (true) {
      try (Connection connection = connect(port, password)) {
        return true;
      } catch (SQLException e) {
        boolean starting = "08001".equals(e.getSQLState()) || "57P03".equals(e.getSQLState());
        if (!starting) {
          return true; // the command's own connection reports it
        }
        if (System.nanoTime() > deadline) {
          return false;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }
  }

  /** Whether the server listening on {@code port} is the one whose data is in {@code data}. */
  static boolean serves(int port, Path data, Optional<String> password) {
    try (Connection connection = connect(port, password);
        Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SHOW data_directory")) {
      rs.next();
      return samePath(Path.of(rs.getString(1)), data);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Starts a server on {@code data} (initdb first if it is new) on {@code requestedPort}, or on a free
   * port when it is 0; it keeps running after this JVM exits.
   */
  static State start(Path data, int requestedPort, Optional<String> password) {
    try (FileChannel portLock = lockPort(requestedPort)) {
      int port = requestedPort == 0 ? freePort() : requestedPort;
      if (!isFree(port)) {
        throw new PlinthException(Message.EMBEDDED_PORT_IN_USE, port);
      }
      return startOn(data, port, password);
    } catch (IOException e) {
      throw startFailed(e, data);
    }
  }

  private static State startOn(Path data, int port, Optional<String> password) throws IOException {
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      initialize(data);
    }
    ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(data.resolveSibling(data.getFileName() + ".log").toFile());
    Optional<Binaries.Noted> noted = Binaries.noted(data, Postmaster.class.getClassLoader());
    if (noted.isPresent()) {
      Optional<State> started = startFrom(noted.get(), data, port, log);
      Optional<State> ours = started.filter(p -> serves(port, data, password));
      if (ours.isPresent()) {
        return ours.get();
      }
      // Whatever went wrong, zonky starts it as before: same checks, same messages, binaries noted afresh.
      started.ifPresent(p -> stop(data, p.pid()));
      Binaries.forget(data);
    }
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(data.toFile())
        .setCleanDataDirectory(false)
        .setPort(port)
        // Sorting and messages must not depend on the machine: C locale, UTF8 (zonky passes -E UTF-8).
        .setLocaleConfig("locale", "C")
        .setPGStartupWait(STARTUP_WAIT)
        .setPgBinaryResolver(BINARIES)
        // The server's lifetime is Plinth's to decide (it may outlive this JVM), not a shutdown hook's.
        .setRegisterShutdownHook(false)
        // The postmaster keeps its output streams: a file, not a pipe to a JVM that may be gone.
        .setOutputRedirector(log)
        .setErrorRedirector(log);
    SETTINGS.forEach(builder::setServerConfig);
    password.ifPresent(p -> builder.setConnectConfig("password", p));
    EmbeddedPostgres started;
    try {
      started = builder.start();
    } catch (IllegalStateException e) {
      stopLeftover(data);
      if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
        throw new PlinthException(e, Message.EMBEDDED_DATA_IN_USE, data);
      }
      throw startFailed(e, data, port);
    } catch (IOException | RuntimeException e) {
      stopLeftover(data);
      throw startFailed(e, data, port);
    }
    STARTED_HERE.put(data, started);
    // Another server may have taken the port between the check and the start (another data directory
    // asking for the same port); the readiness check would then have reached that one.
    Optional<State> ours = ServerFiles.postmaster(data).filter(p -> serves(port, data, password));
    if (ours.isEmpty()) {
      stop(data, ServerFiles.postmaster(data).map(State::pid).orElse(-1L));
      throw new PlinthException(Message.EMBEDDED_PORT_IN_USE, port);
    }
    noteBinaries(data, ours.get().pid());
    return ours.get();
  }

  /**
   * Starts the server of {@code data} on {@code port} from binaries zonky prepared before, as zonky
   * does ({@code pg_ctl start}, which detaches the postmaster, with {@link #SETTINGS}), and waits
   * until its {@code postmaster.pid} says it is ready, looking every few milliseconds rather than
   * every tenth of a second as {@code pg_ctl -w} does. Empty, with nothing left running, when it
   * did not get there.
   */
  private static Optional<State> startFrom(Binaries.Noted binaries, Path data, int port, ProcessBuilder.Redirect log) {
    List<String> command = new ArrayList<>();
    if (binaries.userNamespace()) {
      command.addAll(List.of("unshare", "-U"));
    }
    StringBuilder options = new StringBuilder("-p " + port);
    SETTINGS.forEach((key, value) -> options.append(" -c ").append(key).append('=').append(value));
    command.addAll(List.of(binaries.bin("pg_ctl").toString(), "-D", data.toString(), "-o", options.toString(), "-w",
        "-t", Long.toString(STARTUP_WAIT.toSeconds()), "start"));
    try {
      Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
      long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        // pg_ctl exits once it has seen the server ready or failing; asked first, so that one which saw
        // it ready (between the two looks) is never taken for one that saw it fail.
        boolean exited = !pgCtl.isAlive();
        Optional<State> ready = ServerFiles.ready(data).filter(p -> ProcessHandle.of(p.pid()).isPresent());
        if (ready.isPresent()) {
          return ready;
        }
        if (exited) {
          break; // pg_ctl saw the postmaster fail (or time out)
        }
        Thread.sleep(5);
      }
      pgCtl.destroy();
    } catch (IOException e) {
      // Not started: zonky tries.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopLeftover(data);
    return Optional.empty();
  }

  /** Notes the binaries that postmaster {@code pid}, just started by zonky, runs from, if the archive is known. */
  private static void noteBinaries(Path data, long pid) {
    Optional<Path> postgres = ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(Path::of);
    Optional<Path> home = postgres.map(Path::getParent).map(Path::getParent);
    if (BINARIES.chosen().isEmpty() || home.isEmpty()) {
      Binaries.forget(data);
      return;
    }
    try {
      Binaries.note(data, BINARIES.chosen().get(), home.get(), Binaries.userNamespace());
    } catch (IOException e) {
      Binaries.forget(data); // the next start goes through zonky again
    }
  }

  private static Map<String, String> settings(String... keysAndValues) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      settings.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(settings);
  }

  /**
   * Makes the server of {@code data} ask for a password, if it does not yet: sets a new one (kept in
   * {@link ServerFiles#PASSWORD}) and replaces {@code pg_hba.conf}. A new cluster (zonky's initdb
   * trusts local connections) and one made before Plinth used passwords both go through here.
   *
   * @return the password
   */
  static String secure(Path data, int port) {
    Optional<String> known = ServerFiles.password(data);
    if (known.isPresent() && ServerFiles.passwordRequired(data)) {
      return known.get();
    }
    String password = known.orElseGet(ServerFiles::newPassword);
    try (Connection connection = connect(port, Optional.of(password));
        Statement st = connection.createStatement()) {
      // The verifier is given rather than the password: it has few iterations (see ScramVerifier).
      st.execute("ALTER ROLE " + EmbeddedServer.SUPERUSER + " PASSWORD '"
          + ScramVerifier.of(password, ScramVerifier.ITERATIONS) + "'");
      ServerFiles.writePassword(data, password);
      ServerFiles.writeHba(data);
      st.execute("SELECT pg_reload_conf()");
      return password;
    } catch (SQLException | IOException e) {
      throw new PlinthException(e, Message.EMBEDDED_START_FAILED, data, reason(e));
    }
  }

  /** Fast shutdown of the server of {@code data} whose postmaster is {@code pid}; waits until it is down. */
  static void stop(Path data, long pid) {
    EmbeddedPostgres here = STARTED_HERE.remove(data);
    if (here != null) {
      try {
        here.close();
      } catch (IOException | RuntimeException e) {
        // Signalled below if it is still up.
      }
    }
    if (isUp(data, pid)) {
      fastShutdown(pid);
      awaitDown(data, pid);
    }
  }

  /**
   * Whether postmaster {@code pid} still runs {@code data}: PostgreSQL removes {@code postmaster.pid}
   * last when it shuts down (the process itself may linger as a zombie where nothing reaps it).
   */
  private static boolean isUp(Path data, long pid) {
    return ServerFiles.postmaster(data).filter(p -> p.pid() == pid).isPresent()
        && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent();
  }

  /** SIGINT: PostgreSQL's fast shutdown (ends sessions, writes a clean checkpoint); SIGTERM would wait for every client. */
  private static void fastShutdown(long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
      kill.getInputStream().transferTo(OutputStream.nullOutputStream());
      kill.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // Left running; the next command finds it running, and acts on that.
    }
  }

  private static void awaitDown(Path data, long pid) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try {
      while (isUp(data, pid) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A failed start may still have left a postmaster running on {@code data} (e.g. listening on ::1 only). */
  private static void stopLeftover(Path data) {
    ServerFiles.postmaster(data).ifPresent(p -> stop(data, p.pid()));
  }

  static Connection connect(int port, Optional<String> password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", EmbeddedServer.SUPERUSER);
    password.ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + EmbeddedServer.DATABASE,
        properties);
  }

  /**
   * Serialises the start of servers asking for the same port on this machine, whatever their data
   * directory: the second then finds the port taken instead of racing for it. Null when no port was
   * requested, or when the lock file cannot be opened (the identity check after the start remains).
   */
  private static FileChannel lockPort(int port) {
    if (port == 0) {
      return null;
    }
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "plinth-port-" + port + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock();
      return channel;
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      return null;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // Nothing was locked through it.
    }
  }

  /**
   * Creates the cluster of {@code data} in a sibling folder and moves it into place once it is
   * complete, so that a process killed while initdb runs never leaves a half-made cluster behind
   * (the next command would fail to start it); what such a kill leaves is removed here.
   */
  private static void initialize(Path data) throws IOException {
    Path staging = data.resolveSibling(data.getFileName() + ".initdb");
    deleteTree(staging);
    Files.createDirectories(staging);
    try (EmbeddedPostgres initdb = EmbeddedPostgres.builder()
        .setPgBinaryResolver(BINARIES)
        .setDataDirectory(staging.toFile())
        .setCleanDataDirectory(false)
        .setPort(freePort())
        .setLocaleConfig("locale", "C")
        .setPGStartupWait(STARTUP_WAIT)
        .setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", "localhost")
        .start()) {
      // initdb ran and the cluster starts: complete.
    }
    Files.deleteIfExists(data); // an empty folder someone created; one with files is never replaced
    Files.move(staging, data, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
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

  private static PlinthException startFailed(Exception e, Path data, int port) {
    return isFree(port) ? startFailed(e, data) : new PlinthException(e, Message.EMBEDDED_PORT_IN_USE, port);
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
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
