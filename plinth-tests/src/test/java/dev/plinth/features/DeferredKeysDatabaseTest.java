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
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows a migration writes into a table with a foreign key checked at commit, then an alteration of
 * that table in the same transaction: the rollback of a dropped column adds it back (a volatile
 * default rewrites the table, so every row counts as written by the transaction), puts its values
 * back, then makes it NOT NULL. PostgreSQL refuses to alter a table with checks pending, so the
 * script checks the keys at once from its first write on.
 */
class DeferredKeysDatabaseTest {
  private static final QualifiedName PARENT = new QualifiedName("public", "parent");
  private static final QualifiedName CHILD = new QualifiedName("public", "child");

  @Test
  void aColumnPutBackIntoATableWithADeferredForeignKeyIsThenAltered() throws SQLException {
    Column token = new Column("token", "uuid", null, false, "gen_random_uuid()", Identity.NONE, null, null);
    Schema v1 = schema(List.of(token));
    Schema v2 = schema(List.of());
    TestDatabase db = SharedPostgres.newDatabase("deferred_keys");
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, v1, "1");
      execute(connection, "INSERT INTO parent (id) VALUES (1), (2);"
          + " INSERT INTO child (id, parent_id, token) VALUES"
          + " (1, 1, '00000000-0000-0000-0000-00000000000a'), (2, 2, '00000000-0000-0000-0000-00000000000b')");
      List<Change> changes = migrate(connection, v1, v2, "2");

      rollback(connection, "2", v1, changes);
      assertCatalog(connection, v1);
      assertEquals("1 1 00000000-0000-0000-0000-00000000000a|2 2 00000000-0000-0000-0000-00000000000b",
          rows(connection));
      execute(connection, "INSERT INTO child (id, parent_id) VALUES (3, 1)");
    }
  }

  private static Schema schema(List<Column> more) {
    Column id = new Column("id", "bigint", null, false, null, Identity.NONE, null, null);
    Table parent = new Table(PARENT, "app.Parent", null, List.of(id), new PrimaryKey("parent_pkey", List.of("id")),
        List.of(), List.of(), List.of(), List.of(), null);
    List<Column> columns = new java.util.ArrayList<>(List.of(id,
        new Column("parent_id", "bigint", null, false, null, Identity.NONE, null, null)));
    columns.addAll(more);
    Table child = new Table(CHILD, "app.Child", null, columns, new PrimaryKey("child_pkey", List.of("id")),
        List.of(), List.of(), List.of(),
        List.of(new ForeignKey("child_parent_id_fkey", List.of("parent_id"), PARENT, List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION).withDeferrable(Deferral.DEFERRED)),
        null);
    return new Schema(List.of(parent, child), List.of());
  }

  private static String rows(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT string_agg(concat_ws(' ', id, parent_id, token), '|' ORDER BY id) FROM child")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
