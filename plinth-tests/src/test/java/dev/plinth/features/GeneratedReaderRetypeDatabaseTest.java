package dev.plinth.features;

import static dev.plinth.features.ModelScripts.assertCatalog;
import static dev.plinth.features.ModelScripts.execute;
import static dev.plinth.features.ModelScripts.migrate;
import static dev.plinth.features.ModelScripts.rollback;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.CheckConstraint;
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
 * A column that a generated column reads gets another type (which PostgreSQL refuses while the
 * generated column is there): the generated column, with the index, unique and check constraints
 * that read it, is dropped and added again around the change, both ways, values kept and computed.
 */
class GeneratedReaderRetypeDatabaseTest {
  @Test
  void aColumnAGeneratedColumnReadsIsRetypedBothWays() throws SQLException {
    Schema v1 = schema("integer");
    Schema v2 = schema("bigint");
    TestDatabase db = SharedPostgres.newDatabase("generated_reader_retype");
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, v1, "1");
      execute(connection, "INSERT INTO item (id, price, label) VALUES (1, 5, 'a'), (2, 7, 'b')");
      List<Change> changes = migrate(connection, v1, v2, "2");
      assertEquals("1 5 a 10|2 7 b 14", rows(connection));
      execute(connection, "INSERT INTO item (id, price, label) VALUES (3, 5000000000, 'c')");
      execute(connection, "DELETE FROM item WHERE id = 3");

      rollback(connection, "2", v1, changes);
      assertCatalog(connection, v1);
      assertEquals("1 5 a 10|2 7 b 14", rows(connection));

      migrate(connection, v1, v2, "2");
      assertEquals("1 5 a 10|2 7 b 14", rows(connection));
    }
  }

  private static Schema schema(String priceType) {
    List<Column> columns = List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("price", priceType, null, false, null, Identity.NONE, null, null),
        new Column("doubled", "bigint", null, true, null, Identity.NONE, "twice the price", null)
            .withGenerated("\"price\" * 2"),
        new Column("label", "text", null, true, null, Identity.NONE, null, null));
    Table item = new Table(new QualifiedName("public", "item"), "app.Item", null, columns,
        new PrimaryKey("item_pkey", List.of("id")),
        List.of(new UniqueConstraint("item_label_doubled_key", List.of("label", "doubled"))),
        List.of(new CheckConstraint("item_doubled_check", "\"doubled\" >= 0")),
        List.of(new Index("item_doubled_idx", List.of(IndexKey.column("doubled")), false, "btree", null,
            List.of(), false)),
        List.of(), null);
    return new Schema(List.of(item), List.of());
  }

  private static String rows(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT string_agg(concat_ws(' ', id, price, label, doubled), '|' ORDER BY id) FROM item")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
