package dev.plinth.features;

import static dev.plinth.features.ModelScripts.assertCatalog;
import static dev.plinth.features.ModelScripts.execute;
import static dev.plinth.features.ModelScripts.migrate;
import static dev.plinth.features.ModelScripts.rollback;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An index of a partitioned table whose storage parameters change: PostgreSQL sets none on a
 * partitioned index ({@code ALTER INDEX ... SET (...)} is refused), so the migration and its reverse
 * build it again with the new ones, on every partition.
 */
class PartitionedIndexStorageDatabaseTest {
  @Test
  void aPartitionedIndexGetsNewStorageParametersBothWays() throws SQLException {
    Schema v1 = schema(List.of());
    Schema v2 = schema(List.of("fillfactor=70"));
    Schema v3 = schema(List.of("fillfactor=80"));
    TestDatabase db = SharedPostgres.newDatabase("partitioned_index_storage");
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, v1, "1");
      execute(connection, "INSERT INTO reading (id, taken) VALUES (1, 5), (2, 15)");

      List<Change> set = migrate(connection, v1, v2, "2");
      assertEquals("{fillfactor=70}", options(connection, "reading_taken_idx"));
      assertEquals("{fillfactor=70}", options(connection, "reading_low_taken_idx"), "the partition's index");
      List<Change> changed = migrate(connection, v2, v3, "3");
      assertEquals("{fillfactor=80}", options(connection, "reading_low_taken_idx"));

      rollback(connection, "3", v2, changed);
      assertCatalog(connection, v2);
      rollback(connection, "2", v1, set);
      assertCatalog(connection, v1);
      assertEquals(null, options(connection, "reading_low_taken_idx"));
      assertEquals("1 5|2 15", rows(connection));
    }
  }

  private static Schema schema(List<String> with) {
    List<Column> columns = List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("taken", "integer", null, false, null, Identity.NONE, null, null));
    Table table = new Table(new QualifiedName("public", "reading"), "app.Reading", null, columns,
        new PrimaryKey("reading_pkey", List.of("id", "taken")), List.of(), List.of(),
        List.of(new Index("reading_taken_idx", List.of(IndexKey.column("taken")), false, "btree", null,
            List.of(), false, false, with, null)),
        List.of(), null)
        .withPartitioning(new Partitioning("range", List.of("taken"), List.of(
            Partition.range("reading_low", "0", "10"), Partition.range("reading_high", "10", "20"))));
    return new Schema(List.of(table), List.of());
  }

  /** The storage parameters of an index, as PostgreSQL keeps them (null for none). */
  private static String options(Connection connection, String index) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT reloptions FROM pg_class WHERE relname = '" + index + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String rows(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT string_agg(id || ' ' || taken, '|' ORDER BY id) FROM reading")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
