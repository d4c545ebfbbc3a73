package dev.plinth.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@link DataSource} a test gets for its copy of the template. Its first connection is the one
 * {@link ClonePool} opened and warmed in the background; a connection the test closes is reset and
 * kept for its next {@link #getConnection()} (one is kept, like a pool of one), so a test that opens
 * and closes connections pays the connection set-up at most once per connection it holds at a time.
 *
 * <p>Reset on close: an open transaction is rolled back, auto-commit, read-write, holdability and
 * the network timeout go back to those of a new connection, and {@code DISCARD ALL} ends everything else the session held (settings
 * such as {@code search_path} or the isolation level, temporary tables, prepared statements, cursors,
 * advisory locks, {@code LISTEN}). A connection that cannot be reset is closed instead. When the test
 * ends ({@link #close()}) the kept connection is closed and no more are handed out.
 */
final class CopyDataSource implements DataSource {
  private final String database;
  private final DataSource server;
  /** The connection kept for the next {@link #getConnection()}; guarded by {@code this}. */
  private Connection idle;
  private boolean closed;

  /** Connections to {@code database} through {@code server}'s data source; {@code warm} (nullable) is handed out first. */
  CopyDataSource(String database, DataSource server, Connection warm) {
    this.database = database;
    this.server = server;
    this.idle = warm;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical;
    synchronized (this) {
      if (closed) {
        throw new SQLException("the test database " + database + " was dropped when its test ended;"
            + " use a DataSource only in the test (or, with Scope.CLASS, the class) it was given to", "08003");
      }
      physical = idle;
      idle = null;
    }
    if (physical == null || physical.isClosed()) {
      physical = server.getConnection();
    }
    return lend(physical);
  }

  /** A new connection as another user, not kept after it is closed. */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    synchronized (this) {
      if (closed) {
        throw new SQLException("the test database " + database + " was dropped when its test ended", "08003");
      }
    }
    return server.getConnection(user, password);
  }

  /** Ends handing out connections and closes the kept one (the test has ended). */
  void close() {
    Connection kept;
    synchronized (this) {
      closed = true;
      kept = idle;
      idle = null;
    }
    closeQuietly(kept);
  }

  /** Takes back a connection the test closed: kept for the next one if it resets cleanly, else closed. */
  private void giveBack(Connection physical) {
    if (reset(physical)) {
      synchronized (this) {
        if (!closed && idle == null) {
          idle = physical;
          return;
        }
      }
    }
    closeQuietly(physical);
  }

  /** Returns {@code connection} to the state of a new one; false when it cannot be (then it is not reused). */
  static boolean reset(Connection connection) {
    try {
      if (connection.isClosed()) {
        return false;
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      connection.setReadOnly(false);
      connection.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
      if (connection.getNetworkTimeout() != 0) {
        connection.setNetworkTimeout(Runnable::run, 0);
      }
      connection.clearWarnings();
      // Fails inside a transaction block (a BEGIN sent as SQL in auto-commit mode): then not reused.
      try (Statement st = connection.createStatement()) {
        st.execute("DISCARD ALL");
      }
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // The database is dropped next, which ends the session anyway.
    }
  }

  /** The test's view of {@code physical}: closing it gives it back instead. */
  private Connection lend(Connection physical) {
    return (Connection) Proxy.newProxyInstance(CopyDataSource.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new Lent(physical));
  }

  /** A lent connection: everything goes to the physical one until {@code close()}, which gives it back once. */
  private final class Lent implements InvocationHandler {
    private final Connection physical;
    private boolean returned;

    Lent(Connection physical) {
      this.physical = physical;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          synchronized (this) {
            if (returned) {
              return null;
            }
            returned = true;
          }
          giveBack(physical);
          return null;
        case "isClosed":
          synchronized (this) {
            return returned || physical.isClosed();
          }
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "connection to test database " + database;
        case "unwrap":
          if (((Class<?>) args[0]).isInstance(proxy)) {
            return proxy;
          }
          break;
        case "isWrapperFor":
          if (((Class<?>) args[0]).isInstance(proxy)) {
            return true;
          }
          break;
        default:
          break;
      }
      synchronized (this) {
        if (returned) {
          throw new SQLException("this connection to " + database + " is closed", "08003");
        }
      }
      try {
        return method.invoke(physical, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return server.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    server.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    server.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return server.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return server.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return server.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || server.isWrapperFor(type);
  }

  @Override
  public String toString() {
    return "test database " + database;
  }
}
