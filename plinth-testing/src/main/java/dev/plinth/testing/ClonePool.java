package dev.plinth.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies of one template database, made ahead on a background thread so that a test finds its copy
 * ready: {@link #take()} hands out the oldest prepared copy (or makes one when none is), then orders
 * the next. Each copy comes with a connection the pool opened to it after making it (the new
 * backend's start and first catalog reads are paid there, not by the test), handed to the test as
 * the first connection of the copy's {@link CopyDataSource}. A copy is handed out once and never
 * reused, so no test sees another's writes; the template itself is never handed out.
 * {@link #release} drops a copy on a second background thread, so the test does not wait for it;
 * {@link #close()}, which the JVM's shutdown runs (see {@link PlinthDatabaseExtension}), drops every
 * copy not dropped yet: those nobody took, those taken and not released, and those whose drop was
 * still queued.
 */
final class ClonePool implements AutoCloseable {
  /** How many copies of a template {@link PlinthDatabaseExtension} keeps ready for the tests to come. */
  static final int AHEAD = 2;

  private final AtomicInteger counter = new AtomicInteger();
  private final String prefix;
  private final TestServer server;
  private final String template;
  private final int depth;
  /** One thread: copies are made one after the other, never competing with each other for the disk. */
  private final ExecutorService copier;
  /** Drops released copies, apart from the copier so that a drop never delays a copy a test waits for. */
  private final ExecutorService dropper;
  private final Deque<CompletableFuture<TestDatabase>> ready = new ArrayDeque<>();
  /** Every copy made (or being made) and not dropped yet, with its data source once made. */
  private final Map<String, CopyDataSource> live = new ConcurrentHashMap<>();
  /** The copier's and the dropper's connections to the administration database, kept between statements. */
  private final KeptAdmin copierAdmin = new KeptAdmin();
  private final KeptAdmin dropperAdmin = new KeptAdmin();
  /** The last drop ordered, to wait for (measurements and tests). */
  private CompletableFuture<Void> lastDrop = CompletableFuture.completedFuture(null);
  private boolean closed;

  /**
   * A pool of {@code depth} copies of {@code template} on {@code server}, named {@code prefix}
   * followed by a number (the prefix keeps apart the pools of a template, and parallel JVMs);
   * nothing is copied before the first {@link #take()}.
   */
  ClonePool(TestServer server, String template, int depth, String prefix) {
    if (depth < 0) {
      throw new IllegalArgumentException("depth " + depth + " < 0");
    }
    this.prefix = prefix;
    this.server = server;
    this.template = template;
    this.depth = depth;
    this.copier = daemon("plinth-test-databases-" + template);
    this.dropper = daemon("plinth-test-databases-drop-" + template);
  }

  private static ExecutorService daemon(String name) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A new copy of the template, for one test; give it back with {@link #release}. */
  TestDatabase take() {
    CompletableFuture<TestDatabase> next;
    synchronized (this) {
      checkOpen();
      next = ready.pollFirst();
      fill();
    }
    try {
      return next != null ? next.join() : copyNow();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e; // as if made on this thread
    }
  }

  /**
   * Ends {@code database}'s use (its data source hands out no more connections) and drops it in
   * the background, ending whatever sessions the test left open.
   */
  void release(TestDatabase database) {
    CopyDataSource source = live.get(database.name());
    if (source != null) {
      source.close();
    }
    synchronized (this) {
      if (!closed) {
        lastDrop = CompletableFuture.runAsync(() -> drop(database.name()), dropper);
        return;
      }
    }
    server.drop(database.name()); // the JVM is exiting: no background thread is left
    live.remove(database.name());
  }

  /** Waits until the pool holds its {@code depth} copies, all made, and every drop ordered is done (for measurements and tests). */
  void awaitIdle() {
    CompletableFuture<?>[] pending;
    CompletableFuture<?> drop;
    synchronized (this) {
      checkOpen();
      fill();
      pending = ready.toArray(CompletableFuture[]::new);
      drop = lastDrop;
    }
    CompletableFuture.allOf(pending).exceptionally(e -> null).join();
    drop.join();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the test databases of " + template + " are closed (the JVM is exiting)");
    }
  }

  /** Orders copies until {@code depth} are ready or being made. */
  private void fill() {
    while (ready.size() < depth) {
      ready.addLast(CompletableFuture.supplyAsync(this::copyNow, copier));
    }
  }

  /** Makes a copy now, on this thread, and opens its first connection. */
  private TestDatabase copyNow() {
    String name = prefix + counter.incrementAndGet();
    live.put(name, new CopyDataSource(name, server.dataSource(name), null)); // dropped by close() even if half made
    try {
      // FILE_COPY (PostgreSQL 15+) copies the template's files instead of logging every page, which
      // is much faster for the small databases tests use.
      copierAdmin.run("CREATE DATABASE " + name + " TEMPLATE " + template + (server.version() >= 150000
          ? " STRATEGY FILE_COPY" : ""));
    } catch (SQLException e) {
      live.remove(name);
      throw new IllegalStateException("cannot create test database " + name + " from " + template, e);
    }
    CopyDataSource source = new CopyDataSource(name, server.dataSource(name), warmConnection(name));
    live.put(name, source);
    return new TestDatabase(name, server.jdbcUrl(name), source);
  }

  /**
   * A connection to the new copy, its backend started and its caches warmed: the first connection
   * to a new database also builds and writes the server's catalog cache file. Null if it cannot be
   * opened (the test's own connection then reports why).
   */
  private Connection warmConnection(String name) {
    Connection connection = null;
    try {
      connection = server.dataSource(name).getConnection();
      try (Statement st = connection.createStatement()) {
        st.execute(WARM_UP);
      }
      // The warm-up ran in auto-commit and changed nothing; the state of a new connection is kept.
      return connection;
    } catch (SQLException e) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // Nothing to keep.
        }
      }
      return null;
    }
  }

  /**
   * The first statement on a copy's connection, run by the pool: it changes nothing, and makes the
   * new backend open the catalog (a new database's first connection also writes the server's
   * catalog cache file).
   */
  static final String WARM_UP = "SELECT FROM pg_class LIMIT 1";

  private void drop(String name) {
    CopyDataSource source = live.get(name);
    if (source != null) {
      source.close();
    }
    TestServer.drop(dropperAdmin, name);
    live.remove(name);
  }

  /** Stops making copies and drops every copy not dropped yet. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      ready.forEach(f -> f.completeExceptionally(new IllegalStateException("closed")));
      ready.clear();
    }
    copier.shutdownNow(); // copies not begun are never made; the one being made finishes
    dropper.shutdown(); // drops ordered are done
    try {
      copier.awaitTermination(30, TimeUnit.SECONDS);
      dropper.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> left = new ArrayList<>(live.keySet());
    left.forEach(this::drop);
    copierAdmin.close();
    dropperAdmin.close();
  }

  /**
   * One connection to the server's administration database, opened on first use and kept, so that
   * a copy or a drop in the background does not begin with a connection set-up; opened anew after
   * an error.
   */
  private final class KeptAdmin implements TestServer.Admin {
    private Connection connection;

    @Override
    public synchronized void run(String sql) throws SQLException {
      try {
        if (connection == null) {
          connection = server.adminConnection();
        }
        try (Statement st = connection.createStatement()) {
          st.execute(sql);
        }
      } catch (SQLException e) {
        close();
        throw e;
      }
    }

    synchronized void close() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // Closing at the end; nothing to keep.
        }
        connection = null;
      }
    }
  }
}
