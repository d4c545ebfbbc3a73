package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static dev.plinth.features.ModelScripts.assertCatalog;
import static dev.plinth.features.ModelScripts.execute;
import static dev.plinth.features.ModelScripts.migrate;
import static dev.plinth.features.ModelScripts.rollback;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.testing.ServerVersion;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generated column comparing an enum column with a label is made plain, and a later migration
 * rebuilds the enum type (a value removed), both ways, with the scripts the processor makes for the
 * server's version as the oldest target: the column, now plain, outlives the rebuild with its
 * values and the index and check that read it (PostgreSQL 14 keeps a column made plain by
 * {@code DROP EXPRESSION} depending on the type of the label, so that dropping the type's old
 * edition would drop the column with it).
 */
class GeneratedMadePlainDatabaseTest {
  private static final QualifiedName STATE = new QualifiedName("public", "state");
  private static final String ROWS = "SELECT string_agg(concat_ws(' ', id, state, open), ', ' ORDER BY id)"
      + " FROM parcel";

  @Test
  void aGeneratedColumnMadePlainOutlivesARebuildOfTheTypeItsExpressionNamed() throws Exception {
    Schema generated = schema(List.of("open", "shipped", "lost"), "\"state\" = 'open'");
    Schema plain = schema(List.of("open", "shipped", "lost"), null);
    Schema rebuilt = schema(List.of("open", "shipped"), null);
    TestDatabase db = SharedPostgres.newDatabase("generated_made_plain");
    int postgres = ServerVersion.major(db);
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, generated, "1", postgres);
      execute(connection, "INSERT INTO parcel (id, state) VALUES (1, 'open'), (2, 'shipped')");

      List<Change> madePlain = migrate(connection, generated, plain, "2", postgres);
      assertEquals("1 open t, 2 shipped f", query(connection, ROWS), "the computed values kept");
      execute(connection, "UPDATE parcel SET open = true WHERE id = 2");

      List<Change> rebuild = migrate(connection, plain, rebuilt, "3", postgres);
      assertEquals("1 open t, 2 shipped t", query(connection, ROWS), "the plain column outlives the rebuild");
      assertEquals("1", query(connection, "SELECT count(*) FROM pg_indexes WHERE indexname = 'parcel_open_idx'"));

      rollback(connection, "3", plain, rebuild);
      assertCatalog(connection, plain);
      assertEquals("1 open t, 2 shipped t", query(connection, ROWS), "and the rebuild's reverse");

      rollback(connection, "2", generated, madePlain);
      assertCatalog(connection, generated);
      assertEquals("1 open t, 2 shipped f", query(connection, ROWS), "computed again");

      migrate(connection, generated, plain, "2", postgres);
      migrate(connection, plain, rebuilt, "3", postgres);
      assertEquals("1 open t, 2 shipped f", query(connection, ROWS), "both again");
    }
  }

  /**
   * A generated column whose expression names the value its enum type loses in the same migration
   * that makes it plain: it is made plain before the type is rebuilt (which would otherwise add it
   * again as it was, naming a value no longer there), and generated again after the value is back.
   */
  @Test
  void aGeneratedColumnMadePlainAsTheValueItNamesGoes() throws Exception {
    Schema generated = schema(List.of("open", "shipped", "lost"), "\"state\" <> 'lost'");
    Schema plain = schema(List.of("open", "shipped"), null);
    TestDatabase db = SharedPostgres.newDatabase("generated_made_plain_value_lost");
    int postgres = ServerVersion.major(db);
    try (Connection connection = db.connect()) {
      migrate(connection, Schema.EMPTY, generated, "1", postgres);
      execute(connection, "INSERT INTO parcel (id, state) VALUES (1, 'open'), (2, 'shipped')");

      List<Change> changes = migrate(connection, generated, plain, "2", postgres);
      assertEquals("1 open t, 2 shipped t", query(connection, ROWS), "the computed values kept");
      execute(connection, "UPDATE parcel SET open = false WHERE id = 2");

      rollback(connection, "2", generated, changes);
      assertCatalog(connection, generated);
      assertEquals("1 open t, 2 shipped t", query(connection, ROWS), "computed again");

      migrate(connection, generated, plain, "2", postgres);
      assertEquals("1 open t, 2 shipped t", query(connection, ROWS));
    }
  }

  /** The parcels, their column {@code open} computed by {@code expression} or (null) plain. */
  private static Schema schema(List<String> states, String expression) {
    Column open = new Column("open", "boolean", null, true, null, Identity.NONE, "whether it is open", null);
    List<Column> columns = List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("state", "\"public\".\"state\"", STATE, false, null, Identity.NONE, null, null),
        expression == null ? open : open.withGenerated(expression));
    Table parcel = new Table(new QualifiedName("public", "parcel"), "app.Parcel", null, columns,
        new PrimaryKey("parcel_pkey", List.of("id")), List.of(),
        List.of(new CheckConstraint("parcel_open_check", "\"open\" IS NOT NULL")),
        List.of(new Index("parcel_open_idx", List.of(IndexKey.column("open")), false, "btree", null,
            List.of(), false)),
        List.of(), null);
    return new Schema(List.of(parcel), List.of(new EnumType(STATE, "app.State", states)));
  }
}
