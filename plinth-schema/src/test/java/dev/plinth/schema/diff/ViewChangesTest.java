package dev.plinth.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.View;
import dev.plinth.schema.render.MigrationScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differ drops views around changes to what they read, and creates them again after. */
class ViewChangesTest {
  private static final QualifiedName T = QualifiedName.parse("account");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.NONE, null, null);
  private static final Column NAME = new Column("name", "text", null, false, null, Identity.NONE, null, null);
  private static final Column NOTE = new Column("note", "text", null, true, null, Identity.NONE, null, null);
  private static final View NAMES = new View(QualifiedName.parse("account_names"), "app.AccountName",
      "SELECT id, name FROM account");
  /** Reads the view above: a chain. */
  private static final View SHORT = new View(QualifiedName.parse("short_names"), "app.ShortName",
      "SELECT id FROM account_names WHERE length(name) < 5");
  private static final View IDS = new View(QualifiedName.parse("ids"), "app.Id", "SELECT 1 AS id");

  private static Table table(Column... columns) {
    return new Table(T, "app.Account", null, List.of(columns), new PrimaryKey("account_pkey",
        List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
  }

  private static Schema schema(Table table, View... views) {
    return new Schema(List.of(table), List.of(), List.of(views));
  }

  private static List<String> ops(List<Change> changes) {
    return changes.stream().map(c -> c.getClass().getSimpleName() + (c instanceof Change.CreateView v
        ? " " + v.view().name().name() : c instanceof Change.DropView v ? " " + v.view().name().name()
        : c instanceof Change.ReplaceView v ? " " + v.after().name().name() : ""))
        .toList();
  }

  @Test
  void aRetypedColumnDropsTheChainOfViewsFirstAndCreatesItAfter() {
    Column wider = new Column("name", "character varying(80)", null, false, null, Identity.NONE, null, null);
    List<Change> changes = SchemaDiff.diff(schema(table(ID, NAME), NAMES, SHORT, IDS),
        schema(table(ID, wider), NAMES, SHORT, IDS));

    assertEquals(List.of("DropView short_names", "DropView account_names", "AlterColumn",
        "CreateView account_names", "CreateView short_names"), ops(changes));
  }

  @Test
  void aDroppedColumnAndARenamedOneDoTooButAnAddedColumnDoesNot() {
    assertEquals(List.of("DropView account_names", "DropColumn", "CreateView account_names"),
        ops(SchemaDiff.diff(schema(table(ID, NAME, NOTE), NAMES), schema(table(ID, NAME), NAMES))));
    assertEquals(List.of("AddColumn"),
        ops(SchemaDiff.diff(schema(table(ID, NAME), NAMES), schema(table(ID, NAME, NOTE), NAMES))));
    View renamed = new View(NAMES.name(), NAMES.javaClass(), "SELECT id, title AS name FROM account");
    Column title = new Column("title", "text", null, false, null, Identity.NONE, null, "name");
    assertEquals(List.of("DropView account_names", "RenameColumn", "CreateView account_names"),
        ops(SchemaDiff.diff(schema(table(ID, NAME), NAMES), schema(table(ID, title), renamed))));
  }

  @Test
  void aChangedQueryDropsAndCreatesTheViewAndItsReaders() {
    View changed = new View(NAMES.name(), NAMES.javaClass(), "SELECT id, upper(name) AS name FROM account");
    assertEquals(List.of("DropView short_names", "DropView account_names", "CreateView account_names",
        "CreateView short_names"),
        ops(SchemaDiff.diff(schema(table(ID, NAME), NAMES, SHORT), schema(table(ID, NAME), changed, SHORT))));
  }

  @Test
  void aViewThatCastsToARebuiltEnumTypeIsDroppedAndCreatedAroundIt() {
    QualifiedName mood = QualifiedName.parse("mood");
    View moods = new View(QualifiedName.parse("moods"), "app.Moods", "SELECT 'OK'::mood AS m");
    Schema before = new Schema(List.of(table(ID, NAME)),
        List.of(new EnumType(mood, "app.Mood", List.of("OK", "BAD"))), List.of(moods));
    Schema after = new Schema(List.of(table(ID, NAME)),
        List.of(new EnumType(mood, "app.Mood", List.of("OK"))), List.of(moods));

    assertEquals(List.of("DropView moods", "RebuildEnum", "CreateView moods"),
        ops(SchemaDiff.diff(before, after)));
  }

  @Test
  void aViewUsingAnAddedEnumValueGetsTheValueAddedInAMigrationBefore() {
    QualifiedName mood = QualifiedName.parse("mood");
    View moods = new View(QualifiedName.parse("moods"), "app.Moods", "SELECT 'MEH'::mood AS m");
    Schema before = new Schema(List.of(table(ID, NAME)),
        List.of(new EnumType(mood, "app.Mood", List.of("OK"))), List.of());
    Schema after = new Schema(List.of(table(ID, NAME)),
        List.of(new EnumType(mood, "app.Mood", List.of("OK", "MEH"))), List.of(moods));

    List<MigrationPlan.Step> steps = MigrationPlan.split(SchemaDiff.diff(before, after));

    assertEquals(List.of(List.of("AddEnumValue"), List.of("CreateView moods")),
        steps.stream().map(step -> ops(step.changes())).toList());
  }

  /**
   * Rolling back an added value rebuilds the type, which a view over a column of that type blocks:
   * the view comes off in the value's own migration, first, and goes back on at the end of the
   * reverse of it.
   */
  @Test
  void aViewOverAColumnOfATypeGettingAValueComesOffWithTheValue() {
    QualifiedName mood = QualifiedName.parse("mood");
    Column feeling = new Column("feeling", "\"public\".\"mood\"", mood, false, null, Identity.NONE, null, null);
    Column feelingMeh = new Column("feeling", "\"public\".\"mood\"", mood, false, "'MEH'", Identity.NONE,
        null, null);
    View feelings = new View(QualifiedName.parse("feelings"), "app.Feelings", "SELECT id, feeling FROM account");
    Schema before = new Schema(List.of(table(ID, feeling)),
        List.of(new EnumType(mood, "app.Mood", List.of("OK"))), List.of(feelings));
    Schema after = new Schema(List.of(table(ID, feelingMeh)),
        List.of(new EnumType(mood, "app.Mood", List.of("OK", "MEH"))), List.of(feelings));

    List<MigrationPlan.Step> steps = MigrationPlan.split(SchemaDiff.diff(before, after));

    assertEquals(List.of(List.of("DropView feelings", "AddEnumValue"), List.of("AlterColumn", "CreateView feelings")),
        steps.stream().map(step -> ops(step.changes())).toList());
    String reverse = MigrationScript.reverse("3", before, steps.get(0).changes(), null, false, true);
    assertEquals(true, reverse.endsWith("""
        CREATE OR REPLACE VIEW "public"."feelings" AS
        SELECT id, feeling FROM account;
        """), reverse);
  }

  @Test
  void theScriptsDropAndCreateInDependencyOrderBothWays() {
    Schema before = schema(table(ID, NAME), NAMES);
    List<Change> changes = SchemaDiff.diff(before, schema(table(ID, NAME), NAMES, SHORT));
    assertEquals(List.of("CreateView short_names"), ops(changes));

    String forward = MigrationScript.forward("2", before, changes, null, true, false);
    String reverse = MigrationScript.reverse("2", before, changes, null, true, false);

    assertEquals("""
        -- Generated by Plinth from the @Table records. Do not edit: change the records and recompile.

        CREATE VIEW "public"."short_names" AS
        SELECT id FROM account_names WHERE length(name) < 5;
        """, forward);
    assertEquals("""
        -- Generated by Plinth from the @Table records. Do not edit: change the records and recompile.

        DROP VIEW "public"."short_names";
        """, reverse);
  }

  @Test
  void aViewGettingColumnsAtTheEndIsReplacedInPlaceAndItsReadersStay() {
    View more = new View(NAMES.name(), NAMES.javaClass(), "SELECT id, name, note FROM account");
    Schema before = schema(table(ID, NAME, NOTE), NAMES, SHORT);
    List<Change> changes = SchemaDiff.diff(before, schema(table(ID, NAME, NOTE), more, SHORT));
    assertEquals(List.of("ReplaceView account_names"), ops(changes));

    assertEquals("""
        -- Generated by Plinth from the @Table records. Do not edit: change the records and recompile.

        CREATE OR REPLACE VIEW "public"."account_names" AS
        SELECT id, name, note FROM account;
        """, MigrationScript.forward("2", before, changes, null, true, false));
    // Taking the column away again is no compatible change: drop and create, with the reader.
    assertEquals("""
        -- Generated by Plinth from the @Table records. Do not edit: change the records and recompile.

        DROP VIEW "public"."short_names";
        DROP VIEW "public"."account_names";
        CREATE VIEW "public"."account_names" AS
        SELECT id, name FROM account;
        CREATE VIEW "public"."short_names" AS
        SELECT id FROM account_names WHERE length(name) < 5;
        """, MigrationScript.reverse("2", before, changes, null, true, false));
    assertEquals(List.of("DropView short_names", "DropView account_names", "CreateView account_names",
        "CreateView short_names"), ops(SchemaDiff.diff(schema(table(ID, NAME, NOTE), more, SHORT), before)),
        "the differ the other way round drops and creates as the reverse does");
    assertEquals(false, ((Change.ReplaceView) changes.get(0).inverse()).inPlace());
  }

  @Test
  void aReplacedViewOverATableGettingAColumnComesAfterTheColumn() {
    View more = new View(NAMES.name(), NAMES.javaClass(), "SELECT id, name, note FROM account");
    assertEquals(List.of("AddColumn", "ReplaceView account_names"),
        ops(SchemaDiff.diff(schema(table(ID, NAME), NAMES), schema(table(ID, NAME, NOTE), more))));
  }

  @Test
  void aCompatibleQueryOverAColumnTheMigrationRetypesIsDroppedAndCreatedAsBefore() {
    Column wider = new Column("name", "character varying(80)", null, false, null, Identity.NONE, null, null);
    View more = new View(NAMES.name(), NAMES.javaClass(), "SELECT id, name, 1 AS one FROM account");
    assertEquals(List.of("DropView short_names", "DropView account_names", "AlterColumn",
        "CreateView account_names", "CreateView short_names"),
        ops(SchemaDiff.diff(schema(table(ID, NAME), NAMES, SHORT), schema(table(ID, wider), more, SHORT))));
  }

  @Test
  void aMaterializedViewIsNeverReplaced() {
    View stats = new View(QualifiedName.parse("stats"), "app.Stats", "SELECT id FROM account", true, false,
        List.of());
    View more = new View(stats.name(), stats.javaClass(), "SELECT id, name FROM account", true, false, List.of());
    assertEquals(List.of("DropView stats", "CreateView stats"),
        ops(SchemaDiff.diff(schema(table(ID, NAME), stats), schema(table(ID, NAME), more))));
  }

  @Test
  void aViewReadingAReplacedOneThroughAStarIsCreatedAgainToGetTheNewColumns() {
    View all = new View(QualifiedName.parse("all_names"), "app.AllNames", "SELECT * FROM account_names");
    View more = new View(NAMES.name(), NAMES.javaClass(), "SELECT id, name, note FROM account");
    assertEquals(List.of("DropView all_names", "ReplaceView account_names", "CreateView all_names"),
        ops(SchemaDiff.diff(schema(table(ID, NAME, NOTE), NAMES, all), schema(table(ID, NAME, NOTE), more, all))));
  }
}
