package dev.plinth.runner.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
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

  public WatchfulDataSource(PGSimpleDataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return watch(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return watch(delegate.getConnection(username, password));
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
