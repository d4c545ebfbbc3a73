package dev.plinth.features;

import static dev.plinth.features.ModelScripts.execute;
import static dev.plinth.features.ModelScripts.migrate;
import static dev.plinth.features.ModelScripts.migrateAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dropping a column of the primary key keeps its values for the rollback: by the new primary key
 * when the key moves to columns that were there before, else by the values of the columns the
 * migration leaves unchanged (rows alike in all of them paired one to one).
 */
class DroppedKeyColumnsDatabaseTest {
  private static final QualifiedName ITEM = new QualifiedName("public", "item");
  private static final String ROWS = "INSERT INTO item (id, code, label, amount) VALUES"
      + " (1, 'a', '\"same\"', 10), (2, 'b', '\"same\"', 10), (3, 'c', NULL, 20),"
      + " (4, 'd', '{\"x\": 1}', NULL)";
  private static final String EXPECTED = "1 a \"same\" 10|2 b \"same\" 10|3 c null 20|4 d {\"x\": 1} null";

  @Test
  void droppingTheKeyColumnKeepsItsValuesByTheOtherColumns() throws SQLException {
    // The key and amount go; code and label stay.
    Schema v1 = schema(List.of("id", "code", "label", "amount"), "id");
    Schema v2 = schema(List.of("code", "label"), null);
    assertRoundTrip("dropped_key", v1, v2);
  }

  @Test
  void movingTheKeyToAnotherColumnAndDroppingTheOldKeepsItsValues() throws SQLException {
    Schema v1 = schema(List.of("id", "code", "label", "amount"), "id");
    Schema v2 = schema(List.of("code", "label", "amount"), "code");
    List<Change> changes = SchemaDiff.diff(v1, v2);
    Change.DropColumn drop = changes.stream().filter(Change.DropColumn.class::isInstance)
        .map(Change.DropColumn.class::cast).findFirst().orElseThrow();
    assertEquals(List.of("code"), drop.backupKey(), "kept by the new key");
    assertRoundTrip("moved_key", v1, v2);
  }

  @Test
  void aKeyColumnDroppedFromATableWithRowsAlikeComesBackPairedWithTheOtherDroppedColumn()
      throws SQLException {
    Schema v1 = schema(List.of("id", "code", "label", "amount"), "id");
    // Rows 1 and 2 differ only in the dropped columns id and code.
    Schema v2 = schema(List.of("label", "amount"), null);
    assertRoundTrip("dropped_key_and_more", v1, v2);
  }

  private static void assertRoundTrip(String name, Schema v1, Schema v2) throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase(name);
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, v1, "1");
      execute(connection, ROWS);
      migrateAndRollBack(connection, v1, v2, "2");
      assertEquals(EXPECTED, rows(connection));
    }
  }

  private static Schema schema(List<String> names, String key) {
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(switch (name) {
        case "id" -> new Column("id", "bigint", null, false, null, Identity.NONE, null, null);
        case "code" -> new Column("code", "text", null, false, null, Identity.NONE, null, null);
        case "label" -> new Column("label", "jsonb", null, true, null, Identity.NONE, null, null);
        default -> new Column(name, "integer", null, true, null, Identity.NONE, null, null);
      });
    }
    Table item = new Table(ITEM, "app.Item", null, columns,
        key == null ? null : new PrimaryKey("item_pkey", List.of(key)),
        List.of(), List.of(), List.of(), List.of(), null);
    return new Schema(List.of(item), List.of());
  }

  /** Every row, ordered by id. */
  private static String rows(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT string_agg(concat_ws(' ', id, code, coalesce(label::text, 'null'),"
            + " coalesce(amount::text, 'null')), '|' ORDER BY id) FROM item")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
