package dev.plinth.schema.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.model.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records for a schema: Java names, SQL names kept where the default would differ, exact text. */
class RecordSourcesTest {
  private static final QualifiedName INDEX = new QualifiedName("public", "index");
  private static final QualifiedName SLOT = new QualifiedName("ops", "slot");
  private static final QualifiedName COLOUR = new QualifiedName("ops", "colour");

  private static Column column(String name, String type, boolean nullable) {
    return new Column(name, type, null, nullable, null, Identity.NONE, null, null);
  }

  private static final Schema SCHEMA = new Schema(List.of(
      new Table(INDEX, "", "Where things are.", List.of(
          new Column("id", "integer", null, false, null, Identity.BY_DEFAULT, null, null),
          column("code", "character varying(12)", false),
          column("wait", "smallint", true),
          column("a_b", "text[]", false),
          column("a__b", "jsonb", true)),
          new PrimaryKey("index_pkey", List.of("id")),
          List.of(new UniqueConstraint("index_code_a_b", List.of("code", "a_b"))), List.of(),
          List.of(new Index("by_code", List.of(new IndexKey("code", null, "text_pattern_ops", true)), false,
              "btree", "wait > 0", List.of("a_b"), false)),
          List.of(), null),
      new Table(SLOT, "", null, List.of(
          new Column("hue", "\"ops\".\"colour\"[]", COLOUR, true, null, Identity.NONE, "Colours; see \\docs.", null),
          column("index_code", "character varying(12)", false),
          column("index_a_b", "text[]", false)),
          null, List.of(), List.of(new CheckConstraint("slot_check", "(index_code <> '')")), List.of(),
          List.of(new ForeignKey("slot_index_code_index_a_b_fkey", List.of("index_code", "index_a_b"), INDEX,
              List.of("code", "a_b"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
          null)),
      List.of(new EnumType(COLOUR, "", List.of("red", "GREEN"))));

  @Test
  void writesRecordsAJavaDeveloperWouldWriteThatGiveBackEverySqlName() {
    RecordSources.Result result = RecordSources.render(SCHEMA, "app.db");

    assertEquals(List.of("app/db/IndexRecord.java", "app/db/ops/Colour.java", "app/db/ops/Slot.java"),
        List.copyOf(result.files().keySet()));
    assertEquals("""
        package app.db;

        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Identity;
        import dev.plinth.annotations.Index;
        import dev.plinth.annotations.Jsonb;
        import dev.plinth.annotations.Nullable;
        import dev.plinth.annotations.Table;
        import dev.plinth.annotations.Unique;
        import java.util.List;

        /**
         * Where things are.
         */
        @Table(name = "index")
        @Unique(columns = {"code", "aB"}, name = "index_code_a_b")
        @Index(columns = "code text_pattern_ops DESC", where = "wait > 0", include = "aB", name = "by_code")
        public record IndexRecord(
            @Id @Identity int id,
            @Column(length = 12) String code,
            @Nullable @Column(name = "wait") Short wait_,
            List<String> aB,
            @Nullable @Column(name = "a__b") @Jsonb String aB2) {}
        """, result.files().get("app/db/IndexRecord.java"));
    assertEquals("""
        package app.db.ops;

        import dev.plinth.annotations.Check;
        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.ForeignKey;
        import dev.plinth.annotations.Nullable;
        import dev.plinth.annotations.ReferentialAction;
        import dev.plinth.annotations.Table;
        import java.util.List;

        /**
         * @param hue Colours; see \\u005cdocs.
         */
        @Table(schema = "ops")
        @ForeignKey(columns = {"indexCode", "indexAB"}, references = app.db.IndexRecord.class, \
        referencedColumns = {"code", "a_b"}, onDelete = ReferentialAction.CASCADE)
        public record Slot(
            @Nullable List<Colour> hue,
            @Column(length = 12) @Check(value = "(index_code <> '')", name = "slot_check") String indexCode,
            @Column(name = "index_a_b") List<String> indexAB) {}
        """, result.files().get("app/db/ops/Slot.java"));
    assertEquals("""
        package app.db.ops;

        import dev.plinth.annotations.EnumType;

        /** The PostgreSQL enum type {@code ops.colour}. */
        @EnumType(schema = "ops")
        public enum Colour {
          red,
          GREEN
        }
        """, result.files().get("app/db/ops/Colour.java"));
    assertEquals(List.of(), result.unsupported());
    assertEquals("app.db.IndexRecord", result.schema().table(INDEX).orElseThrow().javaClass());
    assertEquals("app.db.ops.Colour", result.schema().enums().get(0).javaClass());
  }

  @Test
  void writesSerialsIdentityOptionsKeyNamesOddEnumLabelsAndStandaloneEnums() {
    QualifiedName ticket = new QualifiedName("public", "ticket");
    QualifiedName state = new QualifiedName("public", "state");
    Schema live = new Schema(List.of(new Table(ticket, "", null, List.of(
        new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null,
            new Sequence("ticket_id_seq", 100L, 5L, 1L, Long.MAX_VALUE, 20L, false)),
        new Column("number", "integer", null, false, null, Identity.SERIAL, null, null,
            new Sequence("ticket_number_seq", 1L, 1L, 1L, 2147483647L, 1L, false)),
        new Column("code", "integer", null, false, null, Identity.SERIAL, null, null,
            new Sequence("codes", 1L, 1L, 1L, 2147483647L, 1L, false)),
        new Column("state", state.sql(), state, false, null, Identity.NONE, null, null)),
        new PrimaryKey("ticket_primary", List.of("id")), List.of(), List.of(), List.of(), List.of(), null)),
        List.of(new EnumType(state, "", List.of("in progress", "1st", "class", "IN_PROGRESS", "done", "in-progress")),
            new EnumType(new QualifiedName("public", "unused"), "", List.of("a"))));

    RecordSources.Result result = RecordSources.render(live, "app.db");

    assertEquals("""
        package app.db;

        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Identity;
        import dev.plinth.annotations.Serial;
        import dev.plinth.annotations.Table;

        @Table
        public record Ticket(
            @Id(name = "ticket_primary") @Identity(always = true, start = 100, increment = 5, cache = 20) long id,
            @Serial int number,
            int code,
            State state) {}
        """, result.files().get("app/db/Ticket.java"));
    assertEquals("""
        package app.db;

        import dev.plinth.annotations.EnumValue;

        /** The PostgreSQL enum type {@code public.state}. */
        public enum State {
          @EnumValue("in progress") IN_PROGRESS_2,
          @EnumValue("1st") _1ST,
          @EnumValue("class") CLASS,
          IN_PROGRESS,
          done,
          @EnumValue("in-progress") IN_PROGRESS_3
        }
        """, result.files().get("app/db/State.java"));
    assertEquals("""
        package app.db;

        import dev.plinth.annotations.EnumType;

        /** The PostgreSQL enum type {@code public.unused}. */
        @EnumType(standalone = true)
        public enum Unused {
          a
        }
        """, result.files().get("app/db/Unused.java"));
    assertEquals(List.of("column public.ticket.code: its default nextval('codes'::regclass) takes values from a"
        + " sequence in a way the records cannot say (they keep nextval('name'::regclass) of a sequence they"
        + " declare); written without the default. Make it an identity column instead (ALTER TABLE ... ALTER"
        + " COLUMN ... DROP DEFAULT, then ADD GENERATED BY DEFAULT AS IDENTITY) and pull again"),
        result.unsupported().stream().map(Unsupported::text).toList());
    Table written = result.schema().table(ticket).orElseThrow();
    assertEquals("ticket_primary", written.primaryKey().name());
    assertEquals(new Sequence(null, 100L, 5L, null, null, 20L, null), written.columns().get(0).sequence());
    assertEquals(Sequence.named("ticket_number_seq"), written.columns().get(1).sequence());
  }

  @Test
  void theRolesDeclaredInThePackageOfADeclaredSchemaShareItsPackageInfo() {
    // ops.slot comes first: its package, app.db.ops, declares the roles.
    Schema schema = SCHEMA.withDeclared(new Namespace("ops", "x.ops", "Operations."))
        .withRoles(List.of(new Role("reader", false, "x"), new Role("writer", true, "x")));

    RecordSources.Result result = RecordSources.render(schema, "app.db");

    assertEquals("""
        /**
         * Operations.
         */
        @DbSchema(name = "ops")
        @Role("reader")
        @Role(value = "writer", login = true)
        package app.db.ops;

        import dev.plinth.annotations.DbSchema;
        import dev.plinth.annotations.Role;
        """, result.files().get("app/db/ops/package-info.java"));
    assertEquals(List.of("app/db/IndexRecord.java", "app/db/ops/Colour.java", "app/db/ops/Slot.java",
        "app/db/ops/package-info.java"), List.copyOf(result.files().keySet()));
  }

  @Test
  void theBaselineIsOneTransactionalMigrationWithItsIntegrityFiles() {
    RecordSources.Result result = RecordSources.render(SCHEMA, "app.db");

    var files = BaselineFiles.of(result.schema());

    assertEquals(List.of("HEAD", "migration/V1__baseline.sql", "plinth.sum", "rollback/U1__baseline.sql",
        "schema/V1__baseline.json"), List.copyOf(files.keySet()));
    assertEquals("V1 ", files.get("HEAD").substring(0, 3));
    assertEquals(files, BaselineFiles.of(RecordSources.render(SCHEMA, "app.db").schema()), "deterministic");
  }

  @Test
  void viewsAreViewRecordsWithTheirQueryLineByLineAndTheirColumnsAsComponents() {
    QualifiedName shortSlots = new QualifiedName("ops", "Short Slots");
    QualifiedName record = new QualifiedName("public", "record");
    Schema schema = new Schema(SCHEMA.tables(), SCHEMA.enums(), List.of(
        new View(shortSlots, "", "SELECT index_code,\n    hue\n   FROM ops.slot\n  WHERE length(index_code) < 5"),
        new View(record, "", "SELECT 'a\"b\\\\c'::text AS quoted")));

    RecordSources.Result result = RecordSources.render(schema, Map.of(
        shortSlots, List.of(column("index_code", "character varying(12)", true),
            new Column("hue", "\"ops\".\"colour\"[]", COLOUR, true, null, Identity.NONE, null, null)),
        record, List.of(column("quoted", "text", true))), "app.db");

    assertEquals("""
        package app.db.ops;

        import dev.plinth.annotations.View;
        import java.util.List;

        /** The PostgreSQL view {@code ops.Short Slots}. */
        @View(name = "Short Slots", schema = "ops", sql = "SELECT index_code,\\n"
                + "    hue\\n"
                + "   FROM ops.slot\\n"
                + "  WHERE length(index_code) < 5")
        public record ShortSlots(
            String indexCode,
            List<Colour> hue) {}
        """, result.files().get("app/db/ops/ShortSlots.java"));
    assertEquals("""
        package app.db;

        import dev.plinth.annotations.View;

        /** The PostgreSQL view {@code public.record}. */
        @View(name = "record", sql = "SELECT 'a\\"b\\\\\\\\c'::text AS quoted")
        public record RecordView(
            String quoted) {}
        """, result.files().get("app/db/RecordView.java"));
    assertEquals(List.of(new View(shortSlots, "app.db.ops.ShortSlots", schema.views().get(0).sql()),
        new View(record, "app.db.RecordView", schema.views().get(1).sql())), result.schema().views(),
        "the views as the processor reads them from the records");
  }
}
