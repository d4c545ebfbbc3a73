package dev.plinth.bench;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Schema;
import dev.plinth.runner.internal.catalog.CatalogReader;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * 5. verify: a full drift check of the 1000-table database against the schema model, vs the raw
 * four pg_catalog queries (the very text {@link CatalogReader} sends, rows only read), vs JDBC
 * {@link DatabaseMetaData} per table.
 */
final class VerifyBench {
  static final String HISTORY = "flyway_schema_history";

  private VerifyBench() {}

  static void run(Pg pg, MigrationSet set, Templates templates, int reps, Report report) throws Exception {
    String db = pg.cloneOf(templates.all(), "verify");
    Schema expected = Canonical.schema(set.finalSchema());
    List<String> queries = catalogQueries();
    boolean runnerVerify = Runner.hasMethod("verify");
    Stats stats = new Stats();
    System.out.println("verify: " + set.scripts().size() + " tables, " + (reps * 2) + " repetitions after a warm-up"
        + (runnerVerify ? " (runner verify)" : " (runner has no verify: CatalogReader + SchemaDiff)"));
    for (int rep = 0; rep <= reps * 2; rep++) {
      Stats into = rep == 0 ? new Stats() : stats;
      into.time("four catalog queries", () -> {
        try (Connection c = pg.connect(db)) {
          rawQueries(c, queries);
        }
      });
      into.time("drift check (CatalogReader + SchemaDiff)", () -> {
        try (Connection c = pg.connect(db)) {
          List<Change> drift = SchemaDiff.diff(expected, Canonical.schema(CatalogReader.read(c, HISTORY)));
          if (!drift.isEmpty()) {
            throw new IllegalStateException("unexpected drift: " + drift.size() + " changes, first " + drift.get(0));
          }
        }
      });
      if (runnerVerify) {
        into.time("Plinth verify", () -> Runner.verify(Runner.plinth(pg, db, set.migrationDir(), null)));
      }
      if (rep <= 2) {
        into.time("DatabaseMetaData per table", () -> {
          try (Connection c = pg.connect(db)) {
            metaData(c);
          }
        });
      }
    }
    String ours = runnerVerify ? "Plinth verify" : "drift check (CatalogReader + SchemaDiff)";
    report.ratioAtMost("5", "verify " + set.scripts().size() + " tables: " + ours + " / four catalog queries",
        stats.ratio(ours, "four catalog queries"), 1.3,
        stats.paired(ours, "four catalog queries") + "; " + MigrateBench.medians(stats, ours, "four catalog queries"));
    if (runnerVerify) {
      report.ratioAtMost("5", "verify core (CatalogReader + SchemaDiff) / four catalog queries",
          stats.ratio("drift check (CatalogReader + SchemaDiff)", "four catalog queries"), 1.5,
          MigrateBench.medians(stats, "drift check (CatalogReader + SchemaDiff)"));
    }
    report.speedupAtLeast("5", "verify " + set.scripts().size() + " tables vs DatabaseMetaData per table",
        stats.ratio("DatabaseMetaData per table", ours), 5,
        MigrateBench.medians(stats, "DatabaseMetaData per table", ours));
    pg.drop(db);
  }

  /** The four queries of {@link CatalogReader}, formatted as it formats them. */
  static List<String> catalogQueries() throws ReflectiveOperationException {
    String system = constant("SYSTEM_SCHEMAS");
    // Formatted as CatalogReader.read formats them on PostgreSQL 15 and later (the bench's server).
    return List.of(constant("COLUMNS").formatted(constant("TABLES"), system),
        constant("CONSTRAINTS").formatted(constant("CONSTRAINT_NULLS_NOT_DISTINCT"), system),
        constant("INDEXES").formatted("i.indnullsnotdistinct", constant("COLLATE_STATED"), system),
        constant("ENUMS").formatted(system));
  }

  private static String constant(String name) throws ReflectiveOperationException {
    Field field = CatalogReader.class.getDeclaredField(name);
    field.setAccessible(true);
    return (String) field.get(null);
  }

  static long rawQueries(Connection c, List<String> queries) throws SQLException {
    long cells = 0;
    for (String sql : queries) {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        if (st.getParameterMetaData().getParameterCount() == 1) {
          st.setString(1, HISTORY);
        }
        try (ResultSet rs = st.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              cells += rs.getObject(i) == null ? 0 : 1;
            }
          }
        }
      }
    }
    return cells;
  }

  /** Columns, primary key, indexes and foreign keys of every table, one table at a time. */
  static long metaData(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    long rows = 0;
    for (String table : tables) {
      rows += drain(meta.getColumns(null, "public", table, "%"));
      rows += drain(meta.getPrimaryKeys(null, "public", table));
      rows += drain(meta.getIndexInfo(null, "public", table, false, false));
      rows += drain(meta.getImportedKeys(null, "public", table));
    }
    return rows;
  }

  private static long drain(ResultSet rs) throws SQLException {
    long rows = 0;
    try (rs) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    return rows;
  }
}
