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
 * {@code pg_try_advisory_lock} and retried every second; this class takes the same key the same
 * way, retrying sooner. A session lock is released when its connection ends, also
 * when the process is killed.
 */
public final class AdvisoryLock implements AutoCloseable {

  /** Flyway's {@code PostgreSQLAdvisoryLockTemplate.LOCK_MAGIC_NUM}. */
  public static final long FLYWAY_MAGIC = 77431708279161L;

  /** Plinth's own lock space ("PLINTH" in ASCII), apart from Flyway's. */
  static final long HISTORY_READERS_MAGIC = 0x504C494E5448L << 8;

  private final Connection connection;
  private final long key;
  private final boolean shared;

  private AdvisoryLock(Connection connection, long key, boolean shared) {
    this.connection = connection;
    this.key = key;
    this.shared = shared;
  }

  /** The lock id Flyway uses for {@code schema.table}. */
  public static long key(String schema, String table) {
    String quoted = "\"" + schema + "\".\"" + table + "\"";
    return FLYWAY_MAGIC + quoted.hashCode();
  }

  /** Waits for the lock on {@code connection}'s session. */
  public static AdvisoryLock acquire(Connection connection, String schema, String table) throws SQLException {
    long key = key(schema, table);
    poll(connection, "SELECT pg_try_advisory_lock(?)", key);
    return new AdvisoryLock(connection, key, false);
  }

  /**
   * The lock that keeps the history's readers and its shrinking writers apart. Flyway reads the
   * applied rows once and then only looks for newer ones, so a migrate that read the history before
   * a rollback removed a row would apply later versions on top of the hole. Every migrate holds this
   * lock shared for its whole run (migrates still serialize on Flyway's own lock); rollback and
   * reset, which delete rows, take it exclusively before Flyway's lock. So no migrate works from a
   * history that changed under it.
   */
  public static AdvisoryLock historyReaders(Connection connection, String schema, String table, boolean exclusive)
      throws SQLException {
    String quoted = "\"" + schema + "\".\"" + table + "\"";
    long key = HISTORY_READERS_MAGIC + quoted.hashCode();
    poll(connection, exclusive ? "SELECT pg_try_advisory_lock(?)" : "SELECT pg_try_advisory_lock_shared(?)", key);
    return new AdvisoryLock(connection, key, !exclusive);
  }

  /**
   * Tries the lock until it is granted, as Flyway does. Waiting inside the server instead would keep
   * a statement (and its snapshot) open, and a {@code CREATE INDEX CONCURRENTLY} run by the lock's
   * holder waits for every open snapshot to end: the two would wait for each other unseen by
   * PostgreSQL's deadlock detector.
   */
  private static void poll(Connection connection, String sql, long key) throws SQLException {
    long pause = 10;
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setLong(1, key);
      while (true) {
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while waiting for the migration lock", "57014", e);
        }
        pause = Math.min(pause * 2, 250);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection.isClosed()) {
      return;
    }
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    try (PreparedStatement st = connection.prepareStatement(
        shared ? "SELECT pg_advisory_unlock_shared(?)" : "SELECT pg_advisory_unlock(?)")) {
      st.setLong(1, key);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
      }
    }
  }
}
