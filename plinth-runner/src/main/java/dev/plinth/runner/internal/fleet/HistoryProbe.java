package dev.plinth.runner.internal.fleet;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.Failures;
import dev.plinth.runner.internal.RunnerContext;
import dev.plinth.schema.render.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A target's migration history as one small query reads it, without Flyway (which scans and parses
 * every migration file first): enough to tell that a target is already at the goal.
 *
 * @param rows every row of the history table; empty when there is none (a new database or schema)
 */
public record HistoryProbe(Set<Row> rows) {

  /** One history row, as far as it tells what was applied. */
  public record Row(String version, String type, String script, Integer checksum, boolean success) {}

  public HistoryProbe {
    rows = Set.copyOf(rows);
  }

  /**
   * Reads the history in the schema Flyway keeps it in: the target's schema, else the connection's
   * current schema.
   *
   * @throws dev.plinth.runner.PlinthException when the target cannot be reached
   */
  public static HistoryProbe read(Plinth plinth) {
    return read(plinth.config(), plinth.dataSource(), plinth.historyTable());
  }

  /** The history of the database {@code config} and {@code dataSource} name (see {@link #read(Plinth)}). */
  public static HistoryProbe read(RunnerConfig config, DataSource dataSource, String historyTable) {
    try (Connection connection = connect(config, dataSource)) {
      return read(config, connection, historyTable);
    } catch (SQLException e) {
      throw failure(config, e);
    }
  }

  /** The same over {@code connection}, which is left open (and in autocommit). */
  public static HistoryProbe read(RunnerConfig config, Connection connection, String historyTable) {
    try (Statement st = connection.createStatement()) {
      Optional<String> schema = config.schema();
      if (schema.isEmpty()) {
        try (ResultSet rs = st.executeQuery("SELECT current_schema()")) {
          rs.next();
          schema = Optional.ofNullable(rs.getString(1));
        }
      }
      if (schema.isEmpty()) {
        return new HistoryProbe(Set.of()); // no schema in the search path exists: nothing was migrated
      }
      return new HistoryProbe(rows(st, Sql.ident(schema.get()) + "." + Sql.ident(historyTable)));
    } catch (SQLException e) {
      throw failure(config, e);
    }
  }

  private static PlinthException failure(RunnerConfig config, SQLException e) {
    if (RunnerContext.isConnectionState(e.getSQLState())) {
      return Failures.connection(e, config);
    }
    return new PlinthException(e, Message.DATABASE_ERROR, "Reading the migration history", Failures.serverMessage(e),
        e.getSQLState() == null ? "unknown" : e.getSQLState());
  }

  private static Connection connect(RunnerConfig config, DataSource dataSource) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw Failures.connection(e, config);
    }
  }

  /** The history, or empty when it cannot be read (to say where a failure left a target). */
  public static Optional<HistoryProbe> tryRead(Plinth plinth) {
    try {
      return Optional.of(read(plinth));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Set<Row> rows(Statement st, String table) throws SQLException {
    Set<Row> rows = new HashSet<>();
    try (ResultSet rs = st.executeQuery("SELECT version, type, script, checksum, success FROM " + table)) {
      while (rs.next()) {
        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
            rs.getBoolean(5)));
      }
    } catch (SQLException e) {
      if (!"42P01".equals(e.getSQLState())) { // undefined table (or schema): nothing was ever migrated here
        throw e;
      }
    }
    return rows;
  }

  /** The newest successfully applied version. */
  public Optional<String> version() {
    return rows.stream().filter(r -> r.success() && r.version() != null)
        .map(r -> MigrationVersion.fromVersion(r.version())).max(MigrationVersion::compareTo)
        .map(MigrationVersion::getVersion);
  }

  /** Whether a migration is recorded as failed (only {@code repair} gets such a target going again). */
  public boolean failed() {
    return rows.stream().anyMatch(r -> !r.success());
  }

  /** Whether the newest applied version is at most {@code version} and nothing failed. */
  public boolean atOrBelow(String version) {
    MigrationVersion goal = MigrationVersion.fromVersion(version);
    return !failed() && version().map(v -> MigrationVersion.fromVersion(v).compareTo(goal) <= 0).orElse(true);
  }

  /** Whether {@code other} records exactly the same migrations. */
  public boolean sameAs(HistoryProbe other) {
    return Objects.equals(rows, other.rows);
  }
}
