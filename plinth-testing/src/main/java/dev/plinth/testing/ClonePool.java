package dev.plinth.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies of one template database, made ahead on a background thread so that a test finds its copy
 * ready: {@link #take()} hands out the oldest prepared copy (or makes one when none is), then orders
 * the next. A copy is handed out once and never reused, so no test sees another's writes; the
 * template itself is never handed out. Every copy this pool made and nobody took is dropped by
 * {@link #close()}, which the JVM's shutdown runs (see {@link PlinthDatabaseExtension}).
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
  private final ExecutorService background;
  private final Deque<CompletableFuture<String>> ready = new ArrayDeque<>();
  /** Copies made and not yet taken (being made, or ready). */
  private final Set<String> untaken = ConcurrentHashMap.newKeySet();
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
    this.background = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "plinth-test-databases-" + template);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A new copy of the template, for one test; the caller drops it ({@link TestServer#drop}). */
  String take() {
    CompletableFuture<String> next;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the test databases of " + template + " are closed (the JVM is exiting)");
      }
      next = ready.pollFirst();
      fill();
    }
    String name;
    try {
      name = next != null ? next.join() : cloneNow();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e; // as if made on this thread
    }
    untaken.remove(name);
    return name;
  }

  /** Waits until the pool holds its {@code depth} copies, all made (for measurements). */
  void awaitFull() {
    CompletableFuture<?>[] pending;
    synchronized (this) {
      fill();
      pending = ready.toArray(CompletableFuture[]::new);
    }
    CompletableFuture.allOf(pending).join();
  }

  /** Orders copies until {@code depth} are ready or being made. */
  private void fill() {
    while (ready.size() < depth) {
      ready.addLast(CompletableFuture.supplyAsync(this::cloneNow, background));
    }
  }

  /** Makes a copy now, on this thread; the first connection to it is made too (the server then caches its catalog). */
  private String cloneNow() {
    String name = prefix + counter.incrementAndGet();
    untaken.add(name);
    try {
      // FILE_COPY (PostgreSQL 15+) copies the template's files instead of logging every page, which
      // is much faster for the small databases tests use.
      server.admin("CREATE DATABASE " + name + " TEMPLATE " + template + (server.version() >= 150000
          ? " STRATEGY FILE_COPY" : ""));
    } catch (SQLException e) {
      untaken.remove(name);
      throw new IllegalStateException("cannot create test database " + name + " from " + template, e);
    }
    // A new database's first connection builds and writes its catalog cache file; done here, not by the test.
    try (Connection connection = server.dataSource(name).getConnection(); Statement st = connection.createStatement()) {
      st.execute("SELECT FROM pg_class LIMIT 1");
    } catch (SQLException e) {
      // The test's own connection reports whatever this is.
    }
    return name;
  }

  /** Stops making copies and drops those nobody took. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      ready.forEach(f -> f.completeExceptionally(new IllegalStateException("closed")));
      ready.clear();
    }
    background.shutdownNow(); // copies not begun are never made; the one being made finishes
    try {
      background.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    untaken.forEach(server::drop);
    untaken.clear();
  }
}
