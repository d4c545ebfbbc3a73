package dev.plinth.runner.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL advisory lock Flyway takes around every command on a history table, so that
 * Plinth's own writes (rollback, reset, prune) and Flyway's migrate serialize.
 *
 * <p>Flyway 13 ({@code PostgreSQLConnection.lock} and {@code PostgreSQLAdvisoryLockTemplate})
 * locks {@code 77431708279161 + "\"schema\".\"table\"".hashCode()}, the table as Flyway quotes it.
 * The runner configures Flyway with a session-level lock (not a transactional one), taken with
 * {@code pg_try_advisory_lock} and retried every second; this class takes the same key with the
 * blocking {@code pg_advisory_lock}. A session lock is released when its connection ends, also
 * when the process is killed.
 */
public final class AdvisoryLock implements AutoCloseable {

  /** Flyway's {@code PostgreSQLAdvisoryLockTemplate.LOCK_MAGIC_NUM}. */
  public static final long FLYWAY_MAGIC = 77431708279161L;

  private final Connection connection;
  private final long key;

  private AdvisoryLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  /** The lock id Flyway uses for {@code schema.table}. */
  public static long key(String schema, String table) {
    String quoted = "\"" + schema + "\".\"" + table + "\"";
    return FLYWAY_MAGIC + quoted.hashCode();
  }

  /** Waits for the lock on {@code connection}'s session. */
  public static AdvisoryLock acquire(Connection connection, String schema, String table) throws SQLException {
    long key = key(schema, table);
    try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
      st.setLong(1, key);
      st.executeQuery().close();
    }
    return new AdvisoryLock(connection, key);
  }

  @Override
  public void close() throws SQLException {
    if (connection.isClosed()) {
      return;
    }
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      st.setLong(1, key);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
      }
    }
  }
}
