package dev.plinth.schema.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.JournalEntry;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.render.MigrationScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before PostgreSQL 15, a generated column made plain keeps depending on the types its expression
 * named: such a column is made plain by a copy, and a kept table leaves it out; from 15 on, and for
 * expressions that name nothing of the schema, {@code DROP EXPRESSION} as always.
 */
class GeneratedColumnsTest {
  private static final QualifiedName STATE = new QualifiedName("public", "state");
  private static final QualifiedName PARCEL = new QualifiedName("public", "parcel");

  @Test
  void onlyAnExpressionReadingAnEnumIsMadePlainByACopyBefore15() {
    Schema before = schema("\"state\" = 'open'", "\"id\" * 2");
    Schema after = schema(null, null);
    List<Change> changes = SchemaDiff.diff(before, after);

    assertEquals(List.of(true, false), plainByCopy(GeneratedColumns.forTarget(before, changes, 14)));
    assertEquals(List.of(false, false), plainByCopy(GeneratedColumns.forTarget(before, changes, 15)));
    assertEquals(List.of(false, false), plainByCopy(changes), "the differ leaves it to the target");
  }

  @Test
  void theCopyTakesTheColumnsValuesPlaceAndName() {
    Schema before = schema("\"state\" = 'open'", null);
    Schema after = schema(null, null);
    List<Change> changes = GeneratedColumns.forTarget(before, SchemaDiff.diff(before, after), 14);

    assertEquals("""
        ALTER TABLE "public"."parcel" ADD COLUMN "plinth_plain_open" boolean;
        UPDATE "public"."parcel" SET "plinth_plain_open" = "open";
        ALTER TABLE "public"."parcel" DROP COLUMN "open";
        ALTER TABLE "public"."parcel" RENAME COLUMN "plinth_plain_open" TO "open";
        COMMENT ON COLUMN "public"."parcel"."open" IS 'whether it is open';
        """, body(MigrationScript.forward("2", before, changes, null, true, false)));
    assertEquals("""
        ALTER TABLE "public"."parcel" ALTER COLUMN "open" DROP EXPRESSION;
        """, body(MigrationScript.forward("2", before,
            GeneratedColumns.forTarget(before, SchemaDiff.diff(before, after), 15), null, true, false)));
  }

  @Test
  void aKeptTableDropsItsGeneratedColumnsReadingAnEnumBefore15AndTheKeyIsInTheJournal() {
    Schema schema = schema("\"state\" = 'open'", null);
    List<Change> changes = GeneratedColumns.forTarget(schema,
        List.of(new DropTable(schema.table(PARCEL).orElseThrow(), true, true)), 14);

    String forward = MigrationScript.forward("2", schema, changes, null, true, false);
    assertEquals(true, forward.contains("ALTER TABLE \"plinth_backup_v2_public\".\"parcel\" DROP COLUMN \"open\";"),
        forward);
    String reverse = MigrationScript.reverse("2", schema, changes, null, true, false);
    assertEquals(false, reverse.contains("DROP COLUMN \"open\""), reverse);
    JournalEntry entry = new JournalEntry(JournalEntry.FORMAT, "2", null, true, false, false, List.of(), changes,
        null, false);
    assertEquals(changes, JournalCodec.read(JournalCodec.write(entry)).changes());
    assertEquals(true, JournalCodec.write(entry).contains("\"dropsGenerated\" : true"), JournalCodec.write(entry));
  }

  private static List<Boolean> plainByCopy(List<Change> changes) {
    return changes.stream().filter(c -> c instanceof AlterColumn).map(c -> ((AlterColumn) c).plainByCopy())
        .toList();
  }

  /** The script's statements, without its header and settings. */
  private static String body(String script) {
    return script.substring(script.indexOf("\n\n") + 2);
  }

  /** Parcels whose {@code open} and {@code twice} columns are computed by the expressions, or plain (null). */
  private static Schema schema(String open, String twice) {
    Column openColumn = new Column("open", "boolean", null, true, null, Identity.NONE, "whether it is open", null);
    Column twiceColumn = new Column("twice", "bigint", null, true, null, Identity.NONE, null, null);
    Table parcel = new Table(PARCEL, "app.Parcel", null, List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("state", "\"public\".\"state\"", STATE, false, null, Identity.NONE, null, null),
        open == null ? openColumn : openColumn.withGenerated(open),
        twice == null ? twiceColumn : twiceColumn.withGenerated(twice)),
        new PrimaryKey("parcel_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
    return new Schema(List.of(parcel), List.of(new EnumType(STATE, "app.State", List.of("open", "shipped"))));
  }
}
