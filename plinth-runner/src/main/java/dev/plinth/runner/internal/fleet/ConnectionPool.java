package dev.plinth.runner.internal.fleet;

import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.WatchfulDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections of one fleet run, reused: a runner command opens several in turn (one to check,
 * one for the history lock, Flyway's two), and the tenants of one database can share them, so
 * opening them (a server process each, authentication, TLS) would cost more than the work on a
 * small migration. A connection is handed out in its target's schema ({@code search_path}) and
 * comes back with its transaction ended and its advisory locks released; the connections of a
 * database are closed as soon as none of its targets is left.
 */
final class ConnectionPool implements AutoCloseable {

  private final int maxIdle;
  // Guarded by this.
  private final Map<String, Deque<Connection>> idle = new HashMap<>();
  private final Map<String, Integer> targetsLeft = new HashMap<>();
  private final Map<String, WatchfulDataSource> sources = new HashMap<>();

  /**
   * @param configs the configuration of every target of the run
   * @param maxIdle the most connections of one database kept for reuse
   */
  ConnectionPool(List<RunnerConfig> configs, int maxIdle) {
    this.maxIdle = maxIdle;
    configs.forEach(config -> targetsLeft.merge(key(config), 1, Integer::sum));
  }

  /** The database a connection is to, as who: connections are shared by targets with the same key. */
  private static String key(RunnerConfig config) {
    return config.url().orElseThrow().jdbcUrl() + "\n" + config.user().orElse("");
  }

  /** Connections for one target, in its schema (or the database's default {@code search_path}). */
  DataSource dataSource(RunnerConfig config) {
    String key = key(config);
    synchronized (this) {
      sources.computeIfAbsent(key, k -> WatchfulDataSource.forConfig(config.toBuilder().schema(null).build()));
    }
    return new TargetDataSource(key, config.schema().map(WatchfulDataSource::searchPath).orElse(null));
  }

  /** A target of {@code config} is done; the last one of its database closes the database's connections. */
  void finished(RunnerConfig config) {
    String key = key(config);
    List<Connection> closing = new ArrayList<>();
    synchronized (this) {
      if (targetsLeft.merge(key, -1, Integer::sum) <= 0) {
        Deque<Connection> connections = idle.remove(key);
        if (connections != null) {
          closing.addAll(connections);
        }
      }
    }
    closing.forEach(ConnectionPool::closeQuietly);
  }

  @Override
  public void close() {
    List<Connection> closing = new ArrayList<>();
    synchronized (this) {
      idle.values().forEach(closing::addAll);
      idle.clear();
    }
    closing.forEach(ConnectionPool::closeQuietly);
  }

  private Connection take(String key, String searchPath) throws SQLException {
    Connection connection;
    WatchfulDataSource source;
    synchronized (this) {
      Deque<Connection> connections = idle.get(key);
      connection = connections == null ? null : connections.poll();
      source = sources.get(key);
    }
    if (connection == null) {
      connection = source.getConnection();
    }
    try (PreparedStatement st = connection.prepareStatement(searchPath == null
        ? "SELECT set_config('search_path', reset_val, false) FROM pg_settings WHERE name = 'search_path'"
        : "SELECT set_config('search_path', ?, false)")) {
      if (searchPath != null) {
        st.setString(1, searchPath);
      }
      st.execute();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
    return connection;
  }

  /** Back for reuse, cleaned; closed when it is broken, not wanted any more, or there are enough. */
  private void giveBack(String key, Connection connection) {
    try {
      if (connection.isClosed()) {
        return;
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      try (Statement st = connection.createStatement()) {
        st.execute("SELECT pg_advisory_unlock_all()");
      }
    } catch (SQLException e) {
      closeQuietly(connection);
      return;
    }
    synchronized (this) {
      Deque<Connection> connections = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
      if (targetsLeft.getOrDefault(key, 0) > 0 && connections.size() < maxIdle) {
        connections.push(connection);
        return;
      }
    }
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Already gone; nothing to give back.
    }
  }

  /** One target's view of the pool: its connections close into the pool. */
  private final class TargetDataSource implements DataSource {
    private final String key;
    private final String searchPath;

    TargetDataSource(String key, String searchPath) {
      this.key = key;
      this.searchPath = searchPath;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = take(key, searchPath);
      boolean[] closed = {false};
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "close":
                if (!closed[0]) {
                  closed[0] = true;
                  giveBack(key, real);
                }
                return null;
              case "isClosed":
                return closed[0] || real.isClosed();
              default:
                if (closed[0] && !method.getName().equals("toString")) {
                  throw new SQLException("This connection has been closed.", "08003");
                }
                try {
                  return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
            }
          });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("a fleet target's connections are as its configured user");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // No driver log for pooled connections.
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // Set per database from the runner's configuration.
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }
  }
}
