package dev.plinth.runner.internal.fleet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * How many targets a fleet runs at once: on the client, a function of its cores (Flyway parses
 * every migration file for every target); on each server, a share of the connections it has free,
 * so a fleet run never takes the connections the applications need.
 */
public final class ServerLimits {

  /**
   * Connections one target's run holds at most: Flyway's two (its main one and the one it migrates
   * on) and the runner's own, which holds the history lock.
   */
  static final int CONNECTIONS_PER_TARGET = 3;

  /** Connections a server has free now: its limit, less those reserved for superusers, less those in use. */
  private static final String FREE = """
      SELECT current_setting('max_connections')::int
           - current_setting('superuser_reserved_connections')::int
           - coalesce(nullif(current_setting('reserved_connections', true), '')::int, 0)
           - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int
      """;

  private ServerLimits() {}

  /** Targets at once when not told: twice the cores, at least 2. */
  public static int defaultParallel() {
    return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** How many of {@code connections} free connections a fleet may use, in targets: half of them. */
  static int targetsFor(int freeConnections) {
    return Math.max(1, freeConnections / (2 * CONNECTIONS_PER_TARGET));
  }

  /**
   * The targets that may run at once on the server of {@code database}, at most {@code parallel};
   * {@code parallel} when the server cannot tell (the target's own run then reports why).
   */
  static int measure(DataSource database, int parallel) {
    try (Connection connection = database.getConnection(); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(FREE)) {
      rs.next();
      return Math.min(parallel, targetsFor(rs.getInt(1)));
    } catch (SQLException e) {
      return parallel;
    }
  }
}
