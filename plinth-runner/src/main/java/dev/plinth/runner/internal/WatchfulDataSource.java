package dev.plinth.runner.internal;

import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseUrl;
import dev.plinth.schema.render.Sql;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.net.SocketTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The runner's connections, each asking the server to check every second that the runner is still
 * there ({@code client_connection_check_interval}, PostgreSQL 14+). If the runner is killed in
 * the middle of a long statement, the server then cancels it, rolls back and releases the advisory
 * lock within a second, instead of finishing the statement for nobody. Best effort: servers that
 * cannot check (older versions, some platforms) are used as they are.
 */
public final class WatchfulDataSource implements DataSource {

  private final PGSimpleDataSource delegate;
  private final Duration retryFor;

  /**
   * @param retryFor how long to keep retrying connection attempts that failed in a way that can
   *     pass (see {@link #retryable}), with growing pauses, before giving up
   */
  public WatchfulDataSource(PGSimpleDataSource delegate, Duration retryFor) {
    this.delegate = delegate;
    this.retryFor = retryFor;
  }

  /**
   * The runner's connections to {@code config}'s URL (which it must have), as its user, in its
   * {@link RunnerConfig#schema()} if it has one.
   */
  public static WatchfulDataSource forConfig(RunnerConfig config) {
    DatabaseUrl url = config.url().orElseThrow();
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url.jdbcUrl());
    config.user().ifPresent(pg::setUser);
    config.password().ifPresent(pg::setPassword);
    pg.setApplicationName("plinth");
    // Sent as the session's search_path when it starts, so every connection (Flyway's too) works in it.
    config.schema().ifPresent(schema -> pg.setCurrentSchema(searchPath(schema)));
    int seconds = (int) Math.max(1, config.connectTimeout().toSeconds());
    pg.setConnectTimeout(seconds);
    pg.setLoginTimeout(seconds);
    return new WatchfulDataSource(pg, config.connectTimeout());
  }

  /**
   * The {@code search_path} of a runner working in {@code schema}: that schema, then {@code public}
   * (where extensions such as pgvector usually live).
   */
  public static String searchPath(String schema) {
    return Sql.ident(schema) + ", public";
  }

  @Override
  public Connection getConnection() throws SQLException {
    return watch(withRetries(delegate::getConnection));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return watch(withRetries(() -> delegate.getConnection(username, password)));
  }

  /** One way of opening a connection. */
  public interface Attempt {
    Connection connect() throws SQLException;
  }

  private Connection withRetries(Attempt attempt) throws SQLException {
    return withRetries(attempt, retryFor);
  }

  /**
   * Opens a connection with {@code attempt}, retrying failures that can pass on their own (see
   * {@link #retryable}) with growing pauses for up to {@code retryFor}; any other failure at once.
   */
  public static Connection withRetries(Attempt attempt, Duration retryFor) throws SQLException {
    long deadline = System.nanoTime() + retryFor.toNanos();
    long pause = 100;
    while (true) {
      try {
        return attempt.connect();
      } catch (SQLException e) {
        if (!retryable(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while connecting", "08001", e);
      }
      pause = Math.min(pause * 2, 2000);
    }
  }

  /**
   * Failures that pass on their own under load: an attempt that timed out, too many connections
   * (for the server or the role), a server starting up or shutting down a backend. Not a wrong
   * password, an unknown host or database, or a refused connection: retrying those only delays the
   * message that says what to fix.
   */
  static boolean retryable(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("53300") || state.equals("57P03")) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return state.startsWith("08") && String.valueOf(e.getMessage()).contains("timed out");
  }

  private static Connection watch(Connection connection) {
    try (Statement st = connection.createStatement()) {
      st.execute("SELECT set_config('client_connection_check_interval', '1000', false)");
    } catch (SQLException e) {
      // Not supported here; the connection works as before (autocommit: nothing is left aborted).
    }
    return connection;
  }

  @Override
  public PrintWriter getLogWriter() {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate.isWrapperFor(type);
  }
}
