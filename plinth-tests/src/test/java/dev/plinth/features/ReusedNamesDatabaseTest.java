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
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A migration that drops a table and creates another holding the same index and constraint names:
 * both are kept in the same backup schema in turn (the dropped one by the migration, the created one
 * by its rollback), and migrating, rolling back and migrating again keep every row of both.
 */
class ReusedNamesDatabaseTest {
  @Test
  void aCreatedTableTakesTheNamesOfADroppedOneBothWays() throws SQLException {
    Schema v1 = schema(table("thing", "app.Thing"));
    Schema v2 = schema(table("gadget", "app.Gadget"));
    TestDatabase db = SharedPostgres.newDatabase("reused_names");
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, v1, "1");
      execute(connection, "INSERT INTO thing (id, code, label) VALUES (1, 'a', 'first'), (2, 'b', 'second')");
      List<Change> changes = migrate(connection, v1, v2, "2");
      execute(connection, "INSERT INTO gadget (id, code, label) VALUES (7, 'g', 'new')");

      rollback(connection, "2", v1, changes);
      assertCatalog(connection, v1);
      assertEquals("1 a first|2 b second", rows(connection, "thing"));

      migrate(connection, v1, v2, "2");
      assertEquals("7 g new", rows(connection, "gadget"), "the gadget the rollback kept is taken back");

      rollback(connection, "2", v1, changes);
      assertCatalog(connection, v1);
      assertEquals("1 a first|2 b second", rows(connection, "thing"));
    }
  }

  private static Schema schema(Table table) {
    return new Schema(List.of(table), List.of());
  }

  private static Table table(String name, String javaClass) {
    List<Column> columns = List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("code", "text", null, false, null, Identity.NONE, null, null),
        new Column("label", "text", null, true, null, Identity.NONE, null, null));
    return new Table(new QualifiedName("public", name), javaClass, null, columns,
        new PrimaryKey("shared_pkey", List.of("id")),
        List.of(new UniqueConstraint("shared_code_key", List.of("code"))), List.of(),
        List.of(new Index("shared_label_idx", List.of(IndexKey.column("label")), false, "btree", null,
            List.of(), false)),
        List.of(), null);
  }

  private static String rows(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT string_agg(concat_ws(' ', id, code, label), '|' ORDER BY id) FROM " + table)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
