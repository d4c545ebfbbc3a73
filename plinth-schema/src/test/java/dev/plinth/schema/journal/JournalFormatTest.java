package dev.plinth.schema.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.Trigger;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.model.View;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The journal format is a public contract: committed journal files must read and write back byte
 * for byte, unknown keys are refused, and the JSON of every change kind stays what it is.
 */
class JournalFormatTest {
  /** Where journal files are committed, relative to this module. */
  private static final List<Path> JOURNAL_FOLDERS = List.of(
      Path.of("../migrations-app/src/main/resources/db/schema"),
      Path.of("src/test/resources/committed/evolved/schema"),
      Path.of("src/test/resources/committed/features/schema"),
      Path.of("src/test/resources/committed/example-v1/schema"));
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden");

  /**
   * Journals committed before {@code CreateTable} had its {@code restore} key. Format 1 reads the
   * missing key as false, and writing the entry again adds {@code "restore" : false}; apart from
   * those lines, these files too must come back byte for byte. (The committed files must not be
   * edited, and the writer must keep writing the key, as every later journal has it.)
   */
  private static final Set<Path> WRITTEN_BEFORE_RESTORE = Set.of(
      Path.of("src/test/resources/committed/example-v1/schema/V1__create_audit_event_and_6_more.json"));

  private static final String RESTORE_LINE = "},\n      \"restore\" : false\n";

  @TestFactory
  Stream<DynamicTest> everyCommittedJournalReadsAndWritesBackByteForByte() throws IOException {
    List<Path> files = committedJournals();
    assertTrue(files.size() >= 5, "expected the committed journals, found " + files);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      String committed = Files.readString(file, StandardCharsets.UTF_8);
      JournalEntry entry = JournalCodec.read(committed);
      String written = JournalCodec.write(entry);
      if (WRITTEN_BEFORE_RESTORE.contains(file)) {
        assertFalse(committed.contains("\"restore\""), file + " has restore keys: drop the exception");
        long createTables = entry.changes().stream().filter(Change.CreateTable.class::isInstance).count();
        assertEquals(createTables, written.split(RESTORE_LINE, -1).length - 1, file.toString());
        written = written.replace(RESTORE_LINE, "}\n");
      }
      assertEquals(committed, written);
    }));
  }

  private static List<Path> committedJournals() throws IOException {
    List<Path> folders = new ArrayList<>(JOURNAL_FOLDERS);
    try (Stream<Path> goldens = Files.list(GOLDEN)) {
      goldens.map(g -> g.resolve("schema")).filter(Files::isDirectory).sorted().forEach(folders::add);
    }
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> list = Files.list(folder)) {
        list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  /** Written by hand: a change to how entries are written must show up here. */
  private static final String SMALL_ENTRY = """
      {
        "format" : 1,
        "version" : "3",
        "lockTimeout" : "5s",
        "transactional" : true,
        "changes" : [
          {
            "op" : "CreateSchema",
            "name" : "sales"
          },
          {
            "op" : "AddColumn",
            "table" : "sales.account",
            "column" : {
              "name" : "tier",
              "type" : "\\"sales\\".\\"tier\\"",
              "enumType" : "sales.tier",
              "nullable" : false,
              "defaultSql" : "'GOLD'",
              "identity" : "NONE",
              "comment" : "Level."
            },
            "restoreKey" : [ ]
          },
          {
            "op" : "RenameIndex",
            "table" : "sales.account",
            "from" : "account_city_idx",
            "to" : "account_town_idx"
          }
        ]
      }
      """;

  private static JournalEntry smallEntry() {
    QualifiedName account = new QualifiedName("sales", "account");
    return new JournalEntry(1, "3", "5s", true, false, List.of(
        new Change.CreateSchema("sales"),
        new Change.AddColumn(account, new Column("tier", "\"sales\".\"tier\"",
            new QualifiedName("sales", "tier"), false, "'GOLD'", Identity.NONE, "Level.", null)),
        new Change.RenameIndex(account, "account_city_idx", "account_town_idx")));
  }

  @Test
  void aSmallEntryIsWrittenExactlyAsPinned() {
    assertEquals(SMALL_ENTRY, JournalCodec.write(smallEntry()));
    assertEquals(smallEntry(), JournalCodec.read(SMALL_ENTRY));
  }

  /**
   * Keys added to format 1 after it was published: written only when set, so entries written
   * before them read and write back as they are, and absent means the old behaviour.
   */
  private static final String ADDED_KEYS_ENTRY = """
      {
        "format" : 1,
        "version" : "4",
        "transactional" : false,
        "resumable" : true,
        "changes" : [
          {
            "op" : "AddColumn",
            "table" : "public.account",
            "column" : {
              "name" : "nick",
              "type" : "text",
              "nullable" : true,
              "identity" : "NONE"
            },
            "restoreKey" : [
              "id"
            ],
            "keptByRollback" : true
          },
          {
            "op" : "DropColumn",
            "table" : "public.account",
            "column" : {
              "name" : "nick",
              "type" : "text",
              "nullable" : true,
              "identity" : "NONE"
            },
            "backupKey" : [
              "id"
            ],
            "keptByRollback" : true
          }
        ]
      }
      """;

  @Test
  void keysAddedLaterAreWrittenOnlyWhenSet() {
    QualifiedName account = QualifiedName.parse("account");
    Column nick = new Column("nick", "text", null, true, null, Identity.NONE, null, null);
    JournalEntry entry = new JournalEntry(1, "4", null, false, true, List.of(
        Change.AddColumn.rollbackKeeping(account, nick, List.of("id")),
        new Change.DropColumn(account, nick, List.of("id"), true)));

    assertEquals(ADDED_KEYS_ENTRY, JournalCodec.write(entry));
    assertEquals(entry, JournalCodec.read(ADDED_KEYS_ENTRY));
    assertEquals(new Change.AddColumn(account, nick, List.of("id"), false),
        JournalCodec.read(ADDED_KEYS_ENTRY.replace(",\n      \"keptByRollback\" : true\n    },\n    {\n      \"op\" : \"DropColumn\"",
            "\n    },\n    {\n      \"op\" : \"DropColumn\"")).changes().get(0),
        "an entry without the key reads as before it existed");
  }

  /** Keys added to format 1 after it was published: optional, absent from older entries. */
  private static final String SERIAL_ENTRY = """
      {
        "format" : 1,
        "version" : "4",
        "transactional" : true,
        "changes" : [
          {
            "op" : "AddColumn",
            "table" : "public.ticket",
            "column" : {
              "name" : "id",
              "type" : "integer",
              "nullable" : false,
              "identity" : "SERIAL",
              "sequence" : {
                "name" : "ticket_id_seq"
              }
            },
            "restoreKey" : [ ]
          }
        ]
      }
      """;

  @Test
  void aSerialColumnIsWrittenWithItsSequence() {
    JournalEntry entry = new JournalEntry(1, "4", null, true, false, List.of(new Change.AddColumn(
        QualifiedName.parse("ticket"), new Column("id", "integer", null, false, null,
            Identity.SERIAL, null, null, Sequence.named("ticket_id_seq")))));

    assertEquals(SERIAL_ENTRY, JournalCodec.write(entry));
    assertEquals(entry, JournalCodec.read(SERIAL_ENTRY));
  }

  private static final String IDENTITY_ENTRY = """
      {
        "format" : 1,
        "version" : "5",
        "transactional" : true,
        "changes" : [
          {
            "op" : "AlterColumn",
            "table" : "public.invoice",
            "before" : {
              "name" : "number",
              "type" : "bigint",
              "nullable" : false,
              "identity" : "BY_DEFAULT",
              "sequence" : { }
            },
            "after" : {
              "name" : "number",
              "type" : "bigint",
              "nullable" : false,
              "identity" : "ALWAYS",
              "sequence" : {
                "name" : "invoice_numbers",
                "start" : 1000,
                "increment" : -5,
                "minValue" : -100,
                "maxValue" : 2000,
                "cache" : 20,
                "cycle" : true
              }
            },
            "backupKey" : [ ],
            "restoreKey" : [ ]
          }
        ]
      }
      """;

  @Test
  void identityOptionsAreWrittenAsPinnedAndARecordedSequenceSwitchesInPlace() {
    Column before = new Column("number", "bigint", null, false, null, Identity.BY_DEFAULT, null, null,
        Sequence.named(null));
    Column after = new Column("number", "bigint", null, false, null, Identity.ALWAYS, null, null,
        new Sequence("invoice_numbers", 1000L, -5L, -100L, 2000L, 20L, true));
    Change.AlterColumn change = new Change.AlterColumn(QualifiedName.parse("invoice"), before, after);
    JournalEntry entry = new JournalEntry(1, "5", null, true, false, List.of(change));

    assertEquals(IDENTITY_ENTRY, JournalCodec.write(entry));
    assertEquals(entry, JournalCodec.read(IDENTITY_ENTRY));
    assertTrue(change.inPlace());
    assertFalse(new Change.AlterColumn(QualifiedName.parse("invoice"), before.withSequence(null),
        after.withSequence(null)).inPlace(), "an entry written before sequences were recorded");
  }

  private static final String REPLACES_ENTRY = """
      {
        "format" : 1,
        "version" : "4",
        "lockTimeout" : "5s",
        "transactional" : true,
        "replaces" : [
          {
            "version" : "1.1",
            "script" : "V1_1__customer_email.sql",
            "checksum" : -1665099012
          },
          {
            "version" : "2",
            "script" : "V2__baseline.sql"
          }
        ],
        "changes" : [
          {
            "op" : "CreateSchema",
            "name" : "sales"
          }
        ]
      }
      """;

  @Test
  void replacedMigrationsAreWrittenOnlyWhenThereAreSome() {
    List<Change> changes = List.of(new Change.CreateSchema("sales"));
    JournalEntry entry = new JournalEntry(1, "4", "5s", true, false, List.of(
        new ReplacedMigration("1.1", "V1_1__customer_email.sql", -1665099012),
        new ReplacedMigration("2", "V2__baseline.sql", null)), changes);

    assertEquals(REPLACES_ENTRY, JournalCodec.write(entry));
    assertEquals(entry, JournalCodec.read(REPLACES_ENTRY));
    JournalEntry plain = new JournalEntry(1, "4", "5s", true, false, changes);
    String plainJson = JournalCodec.write(plain);
    assertEquals(-1, plainJson.indexOf("replaces"), plainJson);
    assertEquals(List.of(), JournalCodec.read(plainJson).replaces(), "an entry without the key replaces nothing");
  }

  @Test
  void deferredChecksAtOnceIsWrittenOnlyWhenSetAndAbsentReadsAsBefore() {
    List<Change> changes = List.of(new Change.CreateSchema("sales"));
    JournalEntry entry = new JournalEntry(1, "4", "5s", true, false, false, List.of(), changes, "1min", true, true);

    assertEquals("""
        {
          "format" : 1,
          "version" : "4",
          "lockTimeout" : "5s",
          "statementTimeout" : "1min",
          "transactional" : true,
          "separateValidation" : true,
          "deferredChecksAtOnce" : true,
          "changes" : [
            {
              "op" : "CreateSchema",
              "name" : "sales"
            }
          ]
        }
        """, JournalCodec.write(entry));
    assertEquals(entry, JournalCodec.read(JournalCodec.write(entry)));
    JournalEntry before = new JournalEntry(1, "4", "5s", true, false, false, List.of(), changes, "1min", true);
    String beforeJson = JournalCodec.write(before);
    assertEquals(-1, beforeJson.indexOf("deferredChecksAtOnce"), beforeJson);
    assertEquals(false, JournalCodec.read(beforeJson).scriptSettings().deferredChecksAtOnce(),
        "an entry without the key renders its scripts as before it existed");
  }

  @Test
  void domainColumnsFilledFirstIsWrittenOnlyWhenSetAndAbsentReadsAsBefore() {
    List<Change> changes = List.of(new Change.CreateSchema("sales"));
    JournalEntry entry = new JournalEntry(1, "4", "5s", true, false, false, List.of(), changes, null, false,
        true, true);

    assertEquals("""
        {
          "format" : 1,
          "version" : "4",
          "lockTimeout" : "5s",
          "transactional" : true,
          "deferredChecksAtOnce" : true,
          "domainColumnsFilledFirst" : true,
          "changes" : [
            {
              "op" : "CreateSchema",
              "name" : "sales"
            }
          ]
        }
        """, JournalCodec.write(entry));
    assertEquals(entry, JournalCodec.read(JournalCodec.write(entry)));
    JournalEntry before = new JournalEntry(1, "4", "5s", true, false, false, List.of(), changes, null, false,
        true);
    String beforeJson = JournalCodec.write(before);
    assertEquals(-1, beforeJson.indexOf("domainColumnsFilledFirst"), beforeJson);
    assertEquals(false, JournalCodec.read(beforeJson).scriptSettings().domainColumnsFilledFirst(),
        "an entry without the key renders its scripts as before it existed");
  }

  @Test
  void anUnknownKeyIsRefusedByName() {
    String json = SMALL_ENTRY.replace("\"comment\" : \"Level.\"",
        "\"comment\" : \"Level.\",\n        \"colour\" : \"red\"");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JournalCodec.read(json));

    assertTrue(e.getMessage().contains("\"colour\""), e.getMessage());
    assertTrue(e.getMessage().contains("changes[1].column"), e.getMessage());
  }

  @Test
  void anUnknownTopLevelKeyIsRefusedByName() {
    String json = SMALL_ENTRY.replace("\"format\" : 1,", "\"format\" : 1,\n  \"author\" : \"me\",");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JournalCodec.read(json));

    assertTrue(e.getMessage().contains("\"author\""), e.getMessage());
  }

  @Test
  void anotherFormatIsRefusedByNumberEvenWithKeysThisOneDoesNotKnow() {
    String json = SMALL_ENTRY.replace("\"format\" : 1,", "\"format\" : 2,\n  \"author\" : \"me\",");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JournalCodec.read(json));

    assertTrue(e.getMessage().startsWith("format 2 is not supported"), e.getMessage());
  }

  /** Every change kind, with every optional part set somewhere; pinned by {@code every-change-kind.json}. */
  static JournalEntry everyChangeKind() {
    QualifiedName t = QualifiedName.parse("app.account");
    QualifiedName tier = QualifiedName.parse("app.tier");
    Column id = new Column("id", "bigint", null, false, null, Identity.ALWAYS, "Key.", null);
    Column name = new Column("name", "text", null, true, "'x'", Identity.NONE, null, "title");
    Column level = new Column("level", "\"app\".\"tier\"", tier, false, "'GOLD'",
        Identity.BY_DEFAULT, "Level.", null);
    PrimaryKey pk = new PrimaryKey("account_pkey", List.of("id"));
    UniqueConstraint uq = new UniqueConstraint("account_name_key", List.of("name"));
    CheckConstraint ck = new CheckConstraint("account_name_check", "name <> ''");
    Index ix = new Index("account_name_idx", List.of(IndexKey.column("name"),
        new IndexKey(null, "lower(name)", "text_pattern_ops", true)), true, "btree",
        "name IS NOT NULL", List.of("id"), true);
    Index plain = new Index("account_level_idx", List.of(IndexKey.column("level")), false, "btree",
        null, List.of(), false);
    Index tuned = new Index("account_level_c_idx", List.of(new IndexKey("level", null, null, false,
        null, "C")), true, "btree", null, List.of(), false, true, List.of(), null);
    ForeignKey fk = new ForeignKey("account_parent_fkey", List.of("parent_id"), t, List.of("id"),
        ReferentialAction.CASCADE, ReferentialAction.SET_NULL);
    Table table = new Table(t, "app.Account", "Accounts.", List.of(id, name, level), pk,
        List.of(uq), List.of(ck), List.of(), List.of(), "app.user");
    EnumType e1 = new EnumType(tier, "app.Tier", List.of("GOLD", "SILVER"), "app.level",
        Map.of("GOLD", "OR"));
    EnumType e2 = new EnumType(tier, "app.Tier", List.of("GOLD"));
    Table events = new Table(QualifiedName.parse("app.events"), "app.Event", null,
        List.of(new Column("day", "date", null, false, null, Identity.NONE, null, null)), null, List.of(),
        List.of(), List.of(), List.of(), null, null, new Partitioning("RANGE", List.of("day"), List.of()));
    View rich = new View(QualifiedName.parse("app.rich"), "app.Rich", "SELECT id FROM app.account");
    Function touch = new Function(QualifiedName.parse("app.touch"), "app.Account", "", "trigger",
        "plpgsql", "BEGIN\n  RETURN NEW;\nEND;");
    Function touched = new Function(QualifiedName.parse("app.touch"), "app.Account", "", "trigger",
        "plpgsql", "BEGIN\n  NEW.name := 'x';\n  RETURN NEW;\nEND;");
    Trigger trigger = new Trigger("account_touch", t, touch.name(), "BEFORE", List.of("INSERT", "UPDATE"),
        "ROW", "NEW.name IS NOT NULL", "app.Account");
    View stats = new View(QualifiedName.parse("app.stats"), "app.Stats", "SELECT level FROM app.account",
        true, true, List.of(plain));
    List<Change> changes = List.of(
        new Change.CreateSchema("app"),
        new Change.DropSchema("old"),
        new Change.CreateExtension("vector"),
        new Change.DropExtension("vector"),
        new Change.CreateEnum(e1),
        new Change.DropEnum(e2),
        new Change.CreateTable(table, true),
        new Change.DropTable(table, true),
        new Change.RenameTable(QualifiedName.parse("user"), t),
        new Change.AddColumn(t, name, List.of("id")),
        new Change.DropColumn(t, level, List.of("id")),
        new Change.RenameColumn(t, "title", "name"),
        new Change.AlterColumn(t, name, name.withRenamedFrom(null), List.of("id"), List.of("id")),
        new Change.AddPrimaryKey(t, pk),
        new Change.DropPrimaryKey(t, pk),
        new Change.AddUnique(t, uq),
        new Change.DropUnique(t, uq),
        new Change.AddCheck(t, ck),
        new Change.DropCheck(t, ck),
        new Change.AddIndex(t, ix),
        new Change.DropIndex(t, ix),
        new Change.AddForeignKey(t, fk),
        new Change.DropForeignKey(t, fk),
        new Change.SetTableComment(t, "Old.", null),
        new Change.AddEnumValue(e2, e1, "SILVER", null, "GOLD"),
        new Change.RebuildEnum(e1, e2, true, false),
        new Change.RenameEnum(QualifiedName.parse("level"), tier),
        new Change.RenameEnumValue(tier, "OR", "GOLD"),
        new Change.RenameIndex(t, "a_idx", "b_idx"),
        new Change.RenameConstraint(t, "a_key", "b_key"),
        new Change.CreateView(rich),
        new Change.DropView(rich),
        new Change.ValidateConstraint(t, "account_check", false),
        new Change.AddUnique(t, uq, true),
        new Change.AddPrimaryKey(t, pk, true),
        new Change.AddIndex(t, plain, true),
        new Change.AlterForeignKey(t, fk.withDeferrable(Deferral.DEFERRED),
            new ForeignKey("account_parent_fkey", List.of("parent_id"), t, List.of("id"),
                ReferentialAction.CASCADE, ReferentialAction.SET_NULL, true, Deferral.IMMEDIATE)),
        new Change.AlterIndex(t, tuned.withStorage(List.of("fillfactor=70"), null),
            tuned.withStorage(List.of(), "fast")),
        new Change.AddUnique(t, new UniqueConstraint("account_level_key", List.of("level"), true,
            Deferral.DEFERRED)),
        new Change.AddPrimaryKey(t, new PrimaryKey("account_pkey", List.of("id"), Deferral.IMMEDIATE)),
        new Change.CreateFunction(touch),
        new Change.ReplaceFunction(touch, touched),
        new Change.DropFunction(touched),
        new Change.CreateTrigger(trigger),
        new Change.DropTrigger(trigger),
        new Change.CreateRole(new dev.plinth.schema.model.Role("app_reader", false, "app")),
        new Change.KeepRole(new dev.plinth.schema.model.Role("app_admin", true, "app.Account")),
        new Change.SetRowSecurity(t, List.of(false, false), List.of(true, true)),
        new Change.CreatePolicy(t, POLICY),
        new Change.DropPolicy(t, POLICY),
        new Change.AlterPolicy(t, POLICY, new dev.plinth.schema.model.Policy("own", "INSERT", true,
            List.of(), null, "owner = current_user", null)),
        new Change.RenamePolicy(t, "own", "own_rows"),
        new Change.ChangeGrant(t, "app_reader", List.of("SELECT"), List.of("INSERT", "SELECT")),
        new Change.CreateView(stats),
        new Change.CreateView(rich.withGrants(List.of(
            new dev.plinth.schema.model.Grant("app_reader", List.of("SELECT"))))),
        new Change.CreateTable(events),
        new Change.AddPartition(events.name(), Partition.range("events_2026", "'2026-01-01'", "MAXVALUE"),
            true, true),
        new Change.DetachPartition(events.name(), Partition.list("events_eu", List.of("'de'", "'fr'")),
            true, true, true),
        new Change.AlterPartitionBound(events.name(), Partition.hash("events_0", 2, 0),
            Partition.defaultPartition("events_0")),
        new Change.RenameSchema("old_app", "app"),
        new Change.AlterSchema("app", null, new Namespace("app", "com.example.app", "The application.")),
        new Change.AlterSchema("app", new Namespace("app", "com.example.app", null), null),
        new Change.ReplaceView(rich, new View(rich.name(), rich.javaClass(), "SELECT id, name FROM app.account")),
        new Change.CreateDomain(DOMAIN),
        new Change.DropDomain(DOMAIN),
        new Change.AlterDomain(DOMAIN, new dev.plinth.schema.model.Domain(DOMAIN.name(), "app.Domains",
            "character varying(12)", true, "'A'", List.of(new CheckConstraint("code_upper",
                "VALUE = upper(VALUE)")), "C", "A product code", null)),
        new Change.RenameDomain(new QualifiedName("public", "sku"), DOMAIN.name()),
        new Change.CreateSequence(SEQUENCE, false),
        new Change.AlterSequence(SEQUENCE, new dev.plinth.schema.model.StandaloneSequence(
            SEQUENCE.name(), "integer", new Sequence(null, 100L, 5L, 1L, 100000L, 20L, true),
            "account.id", "Numbers.", "app.Account", null)),
        new Change.RenameSequence(SEQUENCE.name(), QualifiedName.parse("app.account_numbers")),
        new Change.DropSequence(SEQUENCE, true),
        Change.CreateExtension.declared(new dev.plinth.schema.model.Extension("pg_trgm", "ext", "1.6", "app")),
        new Change.DropExtension("citext", true, new dev.plinth.schema.model.Extension("citext", null, null,
            "app.Account")),
        new Change.RefreshView(stats, stats.withRefresh(1)),
        new Change.ChangeGrant(t, "app_writer", List.of(), List.of("USAGE", "UPDATE"),
            "account_id_seq"),
        new Change.CreateFunction(new Function(QualifiedName.parse("app.total"), "app.Reports",
            "a numeric, b numeric", "numeric", "sql", "SELECT a + b",
            List.of(new dev.plinth.schema.model.Grant("app_reader", List.of("EXECUTE"))))),
        new Change.ChangeFunctionGrant(QualifiedName.parse("app.total"), "a numeric, b numeric",
            "PUBLIC", List.of("EXECUTE"), List.of()),
        new Change.CreateTable(table, true, true).withDropsGenerated(),
        new Change.DropTable(table, true, true).withDropsGenerated(),
        new Change.AddPartition(events.name(), Partition.range("events_2027", "'2027-01-01'", "MAXVALUE"),
            true, true).withDropsGenerated(),
        new Change.DetachPartition(events.name(), Partition.range("events_2027", "'2027-01-01'", "MAXVALUE"),
            true, true, false).withDropsGenerated(),
        new Change.AlterColumn(t, new Column("gold", "boolean", null, true, null, Identity.NONE, null, null)
            .withGenerated("level = 'GOLD'"), new Column("gold", "boolean", null, true, null, Identity.NONE,
            null, null)).withPlainByCopy(),
        new Change.AlterView(rich, rich.withOptions(true, "cascaded", true, "Rich accounts.")));
    return new JournalEntry(1, "9", null, false, false, changes);
  }

  private static final dev.plinth.schema.model.Domain DOMAIN = new dev.plinth.schema.model.Domain(
      new QualifiedName("public", "code"), "app.Domains", "character varying(12)", false, null,
      List.of(), null, null, null);

  private static final dev.plinth.schema.model.StandaloneSequence SEQUENCE =
      new dev.plinth.schema.model.StandaloneSequence(QualifiedName.parse("app.account_no"), "bigint",
          Sequence.named(null), null, null, "app", null);

  private static final dev.plinth.schema.model.Policy POLICY = new dev.plinth.schema.model.Policy(
      "own", "INSERT", false, List.of("app_writer", "app_reader"), null, "owner = current_user",
      null);

  /** The file was written before the format was pinned with annotations, and must not change. */
  @Test
  void everyChangeKindIsWrittenAsBeforeAndReadBack() throws IOException {
    String pinned;
    try (InputStream in = JournalFormatTest.class.getResourceAsStream("/journal/every-change-kind.json")) {
      assertNotNull(in, "every-change-kind.json");
      pinned = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JournalEntry entry = everyChangeKind();

    assertEquals(pinned, JournalCodec.write(entry));
    assertEquals(entry, JournalCodec.read(pinned));
    Set<Class<?>> kinds = entry.changes().stream().map(Object::getClass).collect(Collectors.toSet());
    assertEquals(Set.of(Change.class.getPermittedSubclasses()), kinds, "a change kind is missing");
  }

  @Test
  void everyChangeKindHasItsOwnLiteralOp() {
    Set<String> ops = new TreeSet<>();
    for (Class<?> kind : Change.class.getPermittedSubclasses()) {
      JsonTypeName name = kind.getAnnotation(JsonTypeName.class);
      assertNotNull(name, kind + " has no @JsonTypeName");
      assertTrue(ops.add(name.value()), "op " + name.value() + " is used twice");
    }
  }

  /**
   * Every record written to the journal names each component's key with {@link JsonProperty} and
   * lists all keys in {@link JsonPropertyOrder}; every enum names each constant.
   */
  @Test
  void everyWrittenComponentHasAnExplicitKey() {
    for (Class<?> type : writtenTypes()) {
      if (type.isEnum()) {
        for (Object constant : type.getEnumConstants()) {
          JsonProperty key = field(type, ((Enum<?>) constant).name()).getAnnotation(JsonProperty.class);
          assertNotNull(key, type.getSimpleName() + "." + constant + " has no @JsonProperty");
        }
        continue;
      }
      Set<String> keys = new LinkedHashSet<>();
      for (RecordComponent component : type.getRecordComponents()) {
        // @JsonProperty does not target record components: javac puts it on the accessor, the
        // field and the canonical constructor's parameter.
        JsonProperty key = component.getAccessor().getAnnotation(JsonProperty.class);
        assertNotNull(key, type.getSimpleName() + "." + component.getName() + " has no @JsonProperty");
        assertFalse(key.value().isEmpty(), type.getSimpleName() + "." + component.getName());
        assertTrue(keys.add(key.value()), type.getSimpleName() + " repeats key " + key.value());
      }
      JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
      assertNotNull(order, type.getSimpleName() + " has no @JsonPropertyOrder");
      assertEquals(keys, new LinkedHashSet<>(Arrays.asList(order.value())),
          type.getSimpleName() + ": @JsonPropertyOrder must list every key once");
      assertEquals(keys.size(), order.value().length, type.getSimpleName());
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      return type.getField(name);
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The records and enums reachable from {@link JournalEntry} through record components and the
   * permitted kinds of sealed interfaces. {@link QualifiedName} is written as text by the codec.
   */
  private static Set<Class<?>> writtenTypes() {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Type> todo = new ArrayDeque<>(List.of(JournalEntry.class));
    while (!todo.isEmpty()) {
      Type next = todo.pop();
      if (next instanceof ParameterizedType p) {
        todo.addAll(Arrays.asList(p.getActualTypeArguments()));
      } else if (next instanceof Class<?> c && c.getName().startsWith("dev.plinth.")
          && c != QualifiedName.class && seen.add(c)) {
        if (c.isRecord()) {
          Arrays.stream(c.getRecordComponents()).forEach(rc -> todo.add(rc.getGenericType()));
        } else if (c.isSealed()) {
          todo.addAll(Arrays.asList(c.getPermittedSubclasses()));
        }
      }
    }
    seen.removeIf(c -> !c.isRecord() && !c.isEnum());
    assertTrue(seen.containsAll(List.of(JournalEntry.class, Table.class, Column.class, Index.class,
        IndexKey.class, ForeignKey.class, PrimaryKey.class, UniqueConstraint.class,
        CheckConstraint.class, EnumType.class, Identity.class, ReferentialAction.class,
        Change.CreateTable.class)), seen.toString());
    return seen;
  }
}
