package dev.plinth.schema.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a transactional script checks keys checked at commit at once: after its first statement
 * that writes rows, when the schema has such a key; nowhere else.
 */
class DeferredChecksTest {
  private static final QualifiedName PARENT = new QualifiedName("public", "parent");
  private static final Column TOKEN = new Column("token", "uuid", null, false, "gen_random_uuid()",
      Identity.NONE, null, null);

  @Test
  void theRollbackOfADroppedColumnChecksTheKeysAfterPuttingItsValuesBack() {
    assertEquals(List.of(
        "ALTER TABLE \"public\".\"child\" ADD COLUMN \"token\" uuid DEFAULT gen_random_uuid();",
        "UPDATE \"public\".\"child\" AS \"target\" SET \"token\" = \"saved\".\"token\" FROM"
            + " \"plinth_backup_v2_public\".\"child.token\" AS \"saved\" WHERE \"target\".\"id\" = \"saved\".\"id\";",
        "SET CONSTRAINTS ALL IMMEDIATE;",
        "DROP TABLE \"plinth_backup_v2_public\".\"child.token\";",
        "ALTER TABLE \"public\".\"child\" ALTER COLUMN \"token\" SET NOT NULL;"),
        body(rollback(Deferral.DEFERRED, true)));
  }

  @Test
  void noKeyCheckedAtCommitOrNoTransactionNoCheck() {
    assertEquals(List.of(), body(rollback(null, true)).stream().filter(s -> s.startsWith("SET CONSTRAINTS")).toList());
    assertEquals(List.of(), body(rollback(Deferral.IMMEDIATE, true)).stream()
        .filter(s -> s.startsWith("SET CONSTRAINTS")).toList(), "deferrable, but checked at each statement");
    assertEquals(List.of(), body(rollback(Deferral.DEFERRED, false)).stream()
        .filter(s -> s.startsWith("SET CONSTRAINTS")).toList(), "each statement commits on its own");
  }

  @Test
  void scriptsOfEntriesWrittenBeforeTheCheckKeepTheKeysDeferred() {
    Schema v1 = schema(List.of(TOKEN), Deferral.DEFERRED);
    List<Change> changes = SchemaDiff.diff(v1, schema(List.of(), Deferral.DEFERRED));
    ScriptSettings settings = ScriptSettings.of(null, true, false, false);

    String before = MigrationScript.reverse("2", v1, changes, settings.withDeferredChecksAtOnce(false));
    assertEquals(List.of(), body(before).stream().filter(s -> s.startsWith("SET CONSTRAINTS")).toList(),
        "the committed bytes of older migrations stay as they were");
    assertEquals(rollback(Deferral.DEFERRED, true), MigrationScript.reverse("2", v1, changes, settings));
    assertEquals(true, MigrationScript.meetsDeferredKeys(v1, changes));
    assertEquals(false, MigrationScript.meetsDeferredKeys(schema(List.of(TOKEN), Deferral.IMMEDIATE), changes));
  }

  @Test
  void aStatementWritesRowsWhenItIsAWriteOrADoBlockRunningOne() {
    assertEquals(List.of(true, true, true, true, true, false, false), List.of(
        DeferredChecks.writesRows("UPDATE \"t\" SET \"c\" = 1;"),
        DeferredChecks.writesRows("INSERT INTO \"t\" SELECT * FROM \"u\";"),
        DeferredChecks.writesRows("DELETE FROM \"t\" WHERE \"c\" > 1;"),
        DeferredChecks.writesRows(Sql.doBlock("  IF true THEN\n    UPDATE \"t\" SET \"c\" = 1;\n  END IF;\n")),
        DeferredChecks.writesRows(Sql.doBlock("  LOOP\n    WITH \"filled\" AS (UPDATE \"t\" SET \"c\" = 1 RETURNING \"c\")\n"
            + "    SELECT count(*) INTO n FROM \"filled\";\n    EXIT WHEN n = 0;\n  END LOOP;\n")),
        DeferredChecks.writesRows("CREATE FUNCTION \"f\"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            + "UPDATE \"t\" SET \"c\" = 1;\nRETURN NEW;\nEND\n$$;"),
        DeferredChecks.writesRows("ALTER TABLE \"t\" ALTER COLUMN \"c\" SET NOT NULL;")));
  }

  /** The reverse of dropping {@code child.token}, {@code child}'s foreign key checked as given. */
  private static String rollback(Deferral deferral, boolean transactional) {
    Schema v1 = schema(List.of(TOKEN), deferral);
    Schema v2 = schema(List.of(), deferral);
    List<Change> changes = SchemaDiff.diff(v1, v2);
    return MigrationScript.reverse("2", v1, changes, null, transactional, !transactional);
  }

  /** The statements of a script, without its header comment and blank lines. */
  private static List<String> body(String script) {
    return script.lines().filter(l -> !l.isBlank() && !l.startsWith("--") && !l.startsWith("SET LOCAL")
        && !l.startsWith("DROP SCHEMA IF EXISTS")).toList();
  }

  private static Schema schema(List<Column> more, Deferral deferral) {
    Column id = new Column("id", "bigint", null, false, null, Identity.NONE, null, null);
    Table parent = new Table(PARENT, "app.Parent", null, List.of(id), new PrimaryKey("parent_pkey", List.of("id")),
        List.of(), List.of(), List.of(), List.of(), null);
    List<Column> columns = new ArrayList<>(List.of(id,
        new Column("parent_id", "bigint", null, false, null, Identity.NONE, null, null)));
    columns.addAll(more);
    Table child = new Table(new QualifiedName("public", "child"), "app.Child", null, columns,
        new PrimaryKey("child_pkey", List.of("id")), List.of(), List.of(), List.of(),
        List.of(new ForeignKey("child_parent_id_fkey", List.of("parent_id"), PARENT, List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION).withDeferrable(deferral)),
        null);
    return new Schema(List.of(parent, child), List.of());
  }
}
