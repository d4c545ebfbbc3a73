package dev.plinth.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.SchemaComparison;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.GeneratedColumns;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.render.MigrationScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Scripts rendered straight from two models and run on a connection, for database tests of one
 * change kind (no processor, no runner): the catalog is checked against the model after each.
 */
final class ModelScripts {
  private ModelScripts() {}

  /** Runs the forward script from {@code from} to {@code to}; the catalog is then {@code to}'s. */
  static List<Change> migrate(Connection connection, Schema from, Schema to, String version)
      throws SQLException {
    return migrate(connection, from, SchemaDiff.diff(from, to), version);
  }

  /**
   * The same, with the changes the processor makes for migrations whose oldest target is
   * {@code postgres} ({@code -Aplinth.postgres}, see {@link GeneratedColumns#forTarget(Schema, List, int)}).
   */
  static List<Change> migrate(Connection connection, Schema from, Schema to, String version, int postgres)
      throws SQLException {
    return migrate(connection, from, GeneratedColumns.forTarget(from, SchemaDiff.diff(from, to), postgres),
        version);
  }

  private static List<Change> migrate(Connection connection, Schema from, List<Change> changes, String version)
      throws SQLException {
    execute(connection, MigrationScript.forward(version, from, changes, "5s", true, false));
    assertCatalog(connection, Changes.apply(from, changes));
    return changes;
  }

  /** Runs the reverse script of {@code changes}, made from {@code before}. */
  static void rollback(Connection connection, String version, Schema before, List<Change> changes)
      throws SQLException {
    execute(connection, MigrationScript.reverse(version, before, changes, "5s", true, false));
  }

  /**
   * Migrates from {@code from} to {@code to} as {@code version} and rolls that back: the catalog is
   * {@code to}'s after the forward script, {@code from}'s after the reverse.
   */
  static void migrateAndRollBack(Connection connection, Schema from, Schema to, String version)
      throws SQLException {
    List<Change> changes = migrate(connection, from, to, version);
    rollback(connection, version, from, changes);
    assertCatalog(connection, from);
  }

  /** The live catalog is {@code expected}, by verify's comparison and by the differ's. */
  static void assertCatalog(Connection connection, Schema expected) throws SQLException {
    Schema live = CatalogReader.read(connection, "-");
    assertEquals(List.of(), SchemaComparison.compare(expected, live));
    assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(live), Canonical.schema(expected)));
  }

  /** Runs {@code sql} in one transaction. */
  static void execute(Connection connection, String sql) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
