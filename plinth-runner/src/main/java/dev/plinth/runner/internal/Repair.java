package dev.plinth.runner.internal;

import dev.plinth.runner.RepairResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code repair}: clears what a failed migration that ran outside a transaction left behind, so
 * that the next migrate runs it again. Removes its failed history row and drops the invalid
 * indexes its {@code CREATE INDEX CONCURRENTLY} left (an invalid index is never used for reads but
 * still slows every write, and blocks a retry with the same name).
 */
public final class Repair {

  private static final String INVALID_INDEXES = """
      SELECT n.nspname, c.relname
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY n.nspname, c.relname
      """;

  private final RunnerContext context;

  public Repair(RunnerContext context) {
    this.context = context;
  }

  /** A failed migration's row in the history: its version and script. */
  public record Failed(String version, String script) {}

  public RepairResult run() {
    try (Connection connection = context.connect()) {
      String schema = context.historySchema(connection);
      try (AdvisoryLock readers = AdvisoryLock.historyReaders(connection, schema, context.historyTable(), true);
          AdvisoryLock lock = AdvisoryLock.acquire(connection, schema, context.historyTable())) {
        List<Failed> failed = failed(connection, schema, context.historyTable());
        List<String> dropped = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String[] index : invalidIndexes(connection)) {
          String qualified = index[0] + "." + index[1];
          if (namedByAny(failed, index[1])) {
            try (Statement st = connection.createStatement()) {
              // Outside a transaction (autocommit): CONCURRENTLY takes no lock that blocks writes.
              st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + Rollback.quote(index[0]) + "."
                  + Rollback.quote(index[1]));
            }
            dropped.add(qualified);
          } else {
            kept.add(qualified);
          }
        }
        try (PreparedStatement st = connection.prepareStatement("DELETE FROM " + Rollback.quote(schema) + "."
            + Rollback.quote(context.historyTable()) + " WHERE NOT success")) {
          st.executeUpdate();
        }
        return new RepairResult(failed.stream().map(Failed::script).toList(), dropped, kept);
      }
    } catch (SQLException e) {
      throw context.sqlFailure("repair", e);
    }
  }

  /** The failed rows of the history, oldest first; empty when there is no history yet. */
  public static List<Failed> failed(Connection connection, String schema, String table) throws SQLException {
    List<Failed> failed = new ArrayList<>();
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      exists.setString(1, Rollback.quote(schema) + "." + Rollback.quote(table));
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return failed;
        }
      }
    }
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT coalesce(version, ''), script FROM " + Rollback.quote(schema) + "." + Rollback.quote(table)
            + " WHERE NOT success ORDER BY installed_rank")) {
      while (rs.next()) {
        failed.add(new Failed(rs.getString(1), rs.getString(2)));
      }
    }
    return failed;
  }

  /** Invalid indexes in user schemas, as {schema, name}. */
  public static List<String[]> invalidIndexes(Connection connection) throws SQLException {
    List<String[]> result = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(INVALID_INDEXES)) {
      while (rs.next()) {
        result.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return result;
  }

  private boolean namedByAny(List<Failed> failed, String index) {
    for (Failed f : failed) {
      Optional<String> script = context.resources().read(MigrationResources.forwardOf(f.script()));
      if (script.isPresent() && mentions(script.get(), index)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code sql} names {@code index}, quoted or not (unquoted names fold to lower case). */
  static boolean mentions(String sql, String index) {
    return sql.contains("\"" + index.replace("\"", "\"\"") + "\"")
        || sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + java.util.regex.Pattern.quote(index) + "\\b.*");
  }
}
