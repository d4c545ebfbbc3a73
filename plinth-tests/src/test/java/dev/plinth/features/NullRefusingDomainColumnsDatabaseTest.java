package dev.plinth.features;

import static dev.plinth.features.ModelScripts.assertCatalog;
import static dev.plinth.features.ModelScripts.execute;
import static dev.plinth.features.ModelScripts.migrate;
import static dev.plinth.features.ModelScripts.migrateAndRollBack;
import static dev.plinth.features.ModelScripts.rollback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.render.MigrationScript;
import dev.plinth.schema.render.ScriptSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A column whose type is a domain that refuses NULL, added by a script that fills it (a rollback
 * putting back a dropped column, migrating again after a rollback kept an added one), on a table
 * with rows: PostgreSQL checks the domain for every row as the column is added, so the column is
 * added as the domain's base type, filled, then given the domain. Scripts rendered as before (the
 * journal key absent) still add it as the domain, which PostgreSQL refuses.
 */
class NullRefusingDomainColumnsDatabaseTest {
  private static final QualifiedName ITEM = new QualifiedName("public", "item");
  private static final Domain CODE = new Domain(new QualifiedName("public", "code_text"), "app.Domains",
      "text", true, null, List.of(new CheckConstraint("code_text_check", "VALUE <> ''")), null, null, null);
  private static final Domain AMOUNT = new Domain(new QualifiedName("other", "amount"), "app.Domains",
      "integer", true, null, List.of(), null, null, null);
  private static final Domain FLAG = new Domain(new QualifiedName("public", "flag"), "app.Domains",
      "text", true, "'n'", List.of(), null, null, null);
  private static final String ROWS = "INSERT INTO item (id, code, amount, codes, flag) VALUES"
      + " (1, 'a', 10, '{x,y}', 'y'), (2, 'b', 20, NULL, 'n'), (3, 'c', 30, '{}', 'y')";
  private static final String EXPECTED = "1 a 10 {x,y} y|2 b 20 null n|3 c 30 {} y";

  @Test
  void theTypeTakingNullIsTheBaseTypeOfADomainThatRefusesNullWithoutADefault() {
    Schema schema = schema(List.of("id", "code", "amount", "codes", "flag"));
    assertEquals("text", schema.typeTakingNull(column("code")).orElseThrow());
    assertEquals("integer", schema.typeTakingNull(column("amount")).orElseThrow());
    assertTrue(schema.typeTakingNull(column("codes")).isEmpty(), "an array of the domain takes NULL");
    assertTrue(schema.typeTakingNull(column("flag")).isEmpty(), "the domain's default fills the rows");
    assertTrue(schema.typeTakingNull(column("code").withDefault("'z'")).isEmpty(), "the column's default");
    assertTrue(schema.typeTakingNull(column("id")).isEmpty());
  }

  @Test
  void droppedColumnsOfSuchDomainsComeBackWithTheirValues() throws SQLException {
    Schema v1 = schema(List.of("id", "code", "amount", "codes", "flag"));
    Schema v2 = schema(List.of("id"));
    TestDatabase db = SharedPostgres.newDatabase("null_domain_drop");
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, v1, "1");
      execute(connection, ROWS);
      migrateAndRollBack(connection, v1, v2, "2");
      assertEquals(EXPECTED, rows(connection));

      // Again, from the restored table: nothing was left behind that stops a second round.
      migrateAndRollBack(connection, v1, v2, "2");
      assertEquals(EXPECTED, rows(connection));
    }
  }

  @Test
  void addedColumnsOfSuchDomainsKeptByARollbackArePutBackByMigratingAgain() throws SQLException {
    Schema v1 = schema(List.of("id"));
    Schema v2 = schema(List.of("id", "code", "amount", "codes", "flag"));
    TestDatabase db = SharedPostgres.newDatabase("null_domain_add");
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, v1, "1");
      List<Change> changes = migrate(connection, v1, v2, "2");
      execute(connection, ROWS);
      rollback(connection, "2", v1, changes);
      assertCatalog(connection, v1);

      migrate(connection, v1, v2, "2");
      assertEquals(EXPECTED, rows(connection), "the values the rollback kept are back");
    }
  }

  @Test
  void aReverseRenderedBeforeTheJournalKeyStillAddsTheDomainAndPostgresqlRefusesIt() throws SQLException {
    Schema v1 = schema(List.of("id", "code"));
    Schema v2 = schema(List.of("id"));
    List<Change> changes = SchemaDiff.diff(v1, v2);
    assertTrue(MigrationScript.meetsNullRefusingDomainColumns(v1, changes));
    assertFalse(MigrationScript.meetsNullRefusingDomainColumns(schema(List.of("id", "codes")),
        SchemaDiff.diff(schema(List.of("id", "codes")), v2)), "an array of the domain: no key");
    ScriptSettings before = new ScriptSettings("5s", null, true, false, false, false, true, false);
    String old = MigrationScript.reverse("2", v1, changes, before);
    assertTrue(old.contains("ADD COLUMN \"code\" \"public\".\"code_text\";"), old);
    String now = MigrationScript.reverse("2", v1, changes, before.withDomainColumnsFilledFirst(true));
    assertTrue(now.contains("ADD COLUMN \"code\" text;"), now);
    assertTrue(now.contains("ALTER COLUMN \"code\" TYPE \"public\".\"code_text\";"), now);

    TestDatabase db = SharedPostgres.newDatabase("null_domain_old");
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, v1, "1");
      execute(connection, "INSERT INTO item (id, code) VALUES (1, 'a')");
      migrate(connection, v1, v2, "2");
      SQLException refused = assertThrows(SQLException.class, () -> execute(connection, old));
      assertTrue(refused.getMessage().contains("does not allow null values"), refused.getMessage());
    }
  }

  private static Schema schema(List<String> names) {
    List<Column> columns = new ArrayList<>();
    names.forEach(name -> columns.add(column(name)));
    Table item = new Table(ITEM, "app.Item", null, columns, new PrimaryKey("item_pkey", List.of("id")),
        List.of(), List.of(), List.of(), List.of(), null);
    return new Schema(List.of(item), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(CODE, AMOUNT, FLAG));
  }

  private static Column column(String name) {
    return switch (name) {
      case "id" -> new Column("id", "bigint", null, false, null, Identity.NONE, null, null);
      case "code" -> new Column("code", CODE.columnType(), null, true, null, Identity.NONE, null, null);
      case "amount" -> new Column("amount", AMOUNT.columnType(), null, true, null, Identity.NONE, null, null);
      case "codes" -> new Column("codes", CODE.columnType() + "[]", null, true, null, Identity.NONE, null, null);
      case "flag" -> new Column("flag", FLAG.columnType(), null, true, null, Identity.NONE, null, null);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Every row, ordered by id. */
  private static String rows(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT string_agg(concat_ws(' ', id, code, amount, coalesce(codes::text, 'null'), flag), '|'"
            + " ORDER BY id) FROM item")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
