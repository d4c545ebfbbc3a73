package dev.plinth.runner;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.MigrationPlan;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.GeneratedMigration;
import dev.plinth.schema.journal.History;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.JournalEntry;
import dev.plinth.schema.journal.SumFile;
import dev.plinth.schema.journal.Version;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.render.MigrationScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a migrations folder the way the processor does (forward, reverse, journal, {@code .conf}
 * for non-transactional steps, {@code plinth.sum}) for a sequence of schemas, so runner tests work
 * on genuinely generated migrations.
 *
 * <p>{@link #EVOLUTION}: V1 creates {@code users} and the enum {@code status}; V2 adds
 * {@code orders} (foreign key with ON DELETE CASCADE, partial index); V3 drops
 * {@code users.email} (its values kept in {@code plinth_backup_v3_public}); V4 builds an index
 * concurrently (outside a transaction).
 */
public final class GeneratedMigrations {

  static final QualifiedName USERS = new QualifiedName("public", "users");
  static final QualifiedName ORDERS = new QualifiedName("public", "orders");
  static final QualifiedName STATUS = new QualifiedName("public", "status");

  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
  private static final Column EMAIL =
      new Column("email", "character varying(320)", null, false, null, Identity.NONE, null, null);
  private static final Column NAME = new Column("name", "text", null, true, null, Identity.NONE, null, null);

  static final Schema V1 = new Schema(List.of(users(List.of(ID, EMAIL, NAME), List.of())),
      List.of(new EnumType(STATUS, "x.Status", List.of("active", "blocked"))));
  static final Schema V2 = V1.withTable(orders());
  static final Schema V3 = V2.withTable(users(List.of(ID, NAME), List.of()));
  static final Schema V4 = V3.withTable(users(List.of(ID, NAME), List.of(new Index("users_name_idx",
      List.of(IndexKey.column("name")), false, "btree", null, List.of(), true))));

  /** Three schemas giving V1..V4 (V3 and V4 come from one schema change split in two). */
  public static final List<Schema> EVOLUTION = List.of(V1, V2, V4);

  private GeneratedMigrations() {}

  /** Writes the migrations for {@code schemas} into {@code root} (a {@code db} folder) and returns it. */
  public static Path write(Path root, List<Schema> schemas) {
    Map<String, String> files = new TreeMap<>();
    Schema state = Schema.EMPTY;
    int version = 0;
    for (Schema next : schemas) {
      List<Change> changes = SchemaDiff.diff(state, next);
      for (MigrationPlan.Step step : MigrationPlan.split(changes)) {
        String v = String.valueOf(++version);
        String slug = "step_" + v;
        files.put("migration/V" + v + "__" + slug + ".sql",
            MigrationScript.forward(v, state, step.changes(), "5s", step.transactional(), step.resumable()));
        files.put("rollback/U" + v + "__" + slug + ".sql",
            MigrationScript.reverse(v, state, step.changes(), "5s", step.transactional(), step.resumable()));
        files.put("schema/V" + v + "__" + slug + ".json",
            JournalCodec.write(new JournalEntry(JournalEntry.FORMAT, v, "5s", step.transactional(),
                step.resumable(), step.changes())));
        if (!step.transactional()) {
          write(root, "migration/V" + v + "__" + slug + ".sql.conf", History.NON_TRANSACTIONAL_CONF);
        }
        state = Changes.apply(state, step.changes());
      }
    }
    files.forEach((path, content) -> write(root, path, content));
    write(root, SumFile.SUM_FILE, SumFile.render(files));
    return root;
  }

  /**
   * Writes the migrations for {@code schemas} as the processor does with its default options
   * ({@code plinth.safety=strict}: constraints added to existing tables are validated by a migration
   * of their own), through the processor's own renderer, and returns {@code root}.
   */
  public static Path writeStrict(Path root, List<Schema> schemas) {
    GeneratedMigration.Settings settings = new GeneratedMigration.Settings("5s", "1min", "1h", true, false);
    Map<String, String> files = new TreeMap<>();
    Schema state = Schema.EMPTY;
    int version = 0;
    for (Schema next : schemas) {
      for (MigrationPlan.Step step : MigrationPlan.split(SchemaDiff.diff(state, next), true)) {
        Version v = Version.of(++version);
        files.putAll(GeneratedMigration.render(v, "step_" + v, state, step, settings, List.of()));
        state = Changes.apply(state, step.changes());
      }
    }
    files.forEach((path, content) -> write(root, path, content));
    Map<String, String> migrations = new TreeMap<>(files);
    migrations.keySet().removeIf(path -> path.endsWith(".conf"));
    write(root, SumFile.SUM_FILE, SumFile.render(migrations));
    return root;
  }

  /** Recomputes {@code plinth.sum} after a test changed files on purpose. */
  public static void resum(Path root) {
    Map<String, String> files = new TreeMap<>(new dev.plinth.schema.journal.MigrationsFolder(root).migrationFiles());
    files.keySet().removeIf(path -> !dev.plinth.schema.journal.MigrationsFolder.isMigrationFile(path));
    write(root, SumFile.SUM_FILE, SumFile.render(files));
  }

  public static void write(Path root, String relative, String content) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Table users(List<Column> columns, List<Index> indexes) {
    return new Table(USERS, "x.User", null, columns, new PrimaryKey("users_pkey", List.of("id")), List.of(),
        List.of(), indexes, List.of(), null);
  }

  private static Table orders() {
    List<Column> columns = List.of(ID,
        new Column("user_id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("note", "text", null, true, "'none'", Identity.NONE, null, null),
        new Column("status", "\"public\".\"status\"", STATUS, false, "'active'", Identity.NONE, null, null));
    return new Table(ORDERS, "x.Order", "An order.", columns, new PrimaryKey("orders_pkey", List.of("id")), List.of(),
        List.of(), List.of(new Index("orders_user_id_idx", List.of(IndexKey.column("user_id")), false, "btree",
            "note IS NOT NULL", List.of(), false)),
        List.of(new ForeignKey("orders_user_id_fkey", List.of("user_id"), USERS, List.of("id"),
            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)), null);
  }
}
