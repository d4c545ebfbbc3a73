package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
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
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Narrowing a {@code GENERATED ALWAYS} identity column (bigint to integer) keeps its values in the
 * backup, and the reverse puts them back although PostgreSQL lets such a column be updated only to
 * DEFAULT: the reverse makes it {@code BY DEFAULT} for the update and {@code ALWAYS} again after.
 */
class IdentityNarrowingDatabaseTest {
  private static final QualifiedName TICKET = new QualifiedName("public", "ticket");

  @Test
  void reverseOfNarrowingAnAlwaysIdentityColumnPutsItsValuesBack() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("identity_narrowing");
    try (Connection connection = db.connect()) {
      Schema v1 = schema("bigint");
      Schema v2 = schema("integer");
      migrate(connection, Schema.EMPTY, v1, "1");
      execute(connection, "INSERT INTO ticket (id, note) VALUES (1, 'a'), (2, 'b'), (3, 'c')");

      List<Change> changes = migrate(connection, v1, v2, "2");
      rollback(connection, "2", v1, changes);

      assertCatalog(connection, v1);
      assertEquals("1 1 a, 2 2 b, 3 3 c", rows(connection));
      assertEquals("ALWAYS", query(connection,
          "SELECT CASE attidentity WHEN 'a' THEN 'ALWAYS' ELSE attidentity::text END FROM pg_attribute"
              + " WHERE attrelid = 'ticket'::regclass AND attname = 'number'"));
      execute(connection, "INSERT INTO ticket (id, note) VALUES (4, 'd')");
      assertEquals("1 1 a, 2 2 b, 3 3 c, 4 4 d", rows(connection));
      migrate(connection, v1, v2, "2");
      assertEquals("1 1 a, 2 2 b, 3 3 c, 4 4 d", rows(connection));
    }
  }

  private static Schema schema(String numberType) {
    Table ticket = new Table(TICKET, "app.Ticket", null, List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("number", numberType, null, false, null, Identity.ALWAYS, null, null),
        new Column("note", "text", null, true, null, Identity.NONE, null, null)),
        new PrimaryKey("ticket_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
    return new Schema(List.of(ticket), List.of());
  }

  private static String rows(Connection connection) throws SQLException {
    return query(connection, "SELECT string_agg(id || ' ' || number || ' ' || note, ', ' ORDER BY id)"
        + " FROM ticket");
  }
}
