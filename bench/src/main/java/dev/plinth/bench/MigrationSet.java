package dev.plinth.bench;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.JournalEntry;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.SumFile;
import dev.plinth.schema.journal.Version;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.render.MigrationScript;
import dev.plinth.schema.render.Slug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated migrations folder: migration {@code i} creates table {@code t_i} (10 columns, a
 * primary key, 2 indexes, a foreign key to {@code t_(i-1)}). The scripts come from the real
 * pipeline: {@link SchemaDiff#diff} of the model before and after, rendered by
 * {@link MigrationScript}, written in the processor's folder layout with journal and sum files.
 */
final class MigrationSet {
  static final String LOCK_TIMEOUT = "5s";

  /** One migration: its version, forward and reverse file (absolute) and text. */
  record Script(int version, Path forwardFile, Path reverseFile, String forward, String reverse) {}

  private final Path root;
  private final List<Script> scripts;
  private final Schema finalSchema;

  private MigrationSet(Path root, List<Script> scripts, Schema finalSchema) {
    this.root = root;
    this.scripts = List.copyOf(scripts);
    this.finalSchema = finalSchema;
  }

  Path root() {
    return root;
  }

  Path migrationDir() {
    return root.resolve(MigrationsFolder.MIGRATION_DIR);
  }

  List<Script> scripts() {
    return scripts;
  }

  /** The schema after every migration. */
  Schema finalSchema() {
    return finalSchema;
  }

  /** Generates {@code count} migrations into {@code root}. */
  static MigrationSet generate(int count, Path root) {
    List<Script> scripts = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    Schema state = Schema.EMPTY;
    Map<String, String> sums = new TreeMap<>();
    try {
      for (int i = 1; i <= count; i++) {
        Table table = table(i);
        tables.add(table);
        Schema next = new Schema(tables, List.of());
        List<Change> changes = SchemaDiff.diff(state, next);
        Version v = Version.of(i);
        String slug = Slug.of(changes);
        String forward = MigrationScript.forward(v.toString(), state, changes, LOCK_TIMEOUT, true, false);
        String reverse = MigrationScript.reverse(v.toString(), state, changes, LOCK_TIMEOUT, true, false);
        String journal = JournalCodec.write(
            new JournalEntry(JournalEntry.FORMAT, v.toString(), LOCK_TIMEOUT, true, false, changes));
        Path forwardFile = write(root, MigrationsFolder.forwardPath(v, slug), forward, sums);
        Path reverseFile = write(root, MigrationsFolder.reversePath(v, slug), reverse, sums);
        write(root, MigrationsFolder.journalPath(v, slug), journal, sums);
        scripts.add(new Script(i, forwardFile, reverseFile, forward, reverse));
        state = next;
      }
      String sum = SumFile.render(sums);
      Files.writeString(root.resolve(SumFile.SUM_FILE), sum, StandardCharsets.UTF_8);
      Files.writeString(root.resolve(SumFile.HEAD_FILE),
          SumFile.head(Version.of(count).toString(), sum), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MigrationSet(root, scripts, state);
  }

  private static Path write(Path root, String relative, String text, Map<String, String> sums)
      throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    sums.put(relative, text);
    return file;
  }

  static String tableName(int i) {
    return String.format("t_%04d", i);
  }

  /** Table {@code t_i}: 10 columns, 2 indexes, a foreign key to the previous table. */
  static Table table(int i) {
    String name = tableName(i);
    QualifiedName qn = new QualifiedName(QualifiedName.DEFAULT_SCHEMA, name);
    List<Column> columns = List.of(
        column("id", "bigint", false, null),
        column("parent_id", "bigint", true, null),
        column("code", "character varying(64)", false, null),
        column("name", "text", false, null),
        column("amount", "numeric(12,2)", false, "0"),
        column("active", "boolean", false, "true"),
        column("score", "integer", true, null),
        column("payload", "jsonb", true, null),
        column("note", "text", true, null),
        column("created_at", "timestamp with time zone", false, "now()"));
    QualifiedName parent = new QualifiedName(QualifiedName.DEFAULT_SCHEMA, tableName(Math.max(1, i - 1)));
    return new Table(qn, "bench.T" + i, null, columns,
        new PrimaryKey(Names.derived(name, List.of(), "pkey"), List.of("id")),
        List.of(), List.of(),
        List.of(
            index(Names.derived(name, List.of("parent_id"), "idx"), "parent_id", false),
            index(Names.derived(name, List.of("code"), "key"), "code", true)),
        List.of(new ForeignKey(Names.derived(name, List.of("parent_id"), "fkey"), List.of("parent_id"),
            parent, List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
        null);
  }

  private static Column column(String name, String type, boolean nullable, String defaultSql) {
    return new Column(name, type, null, nullable, defaultSql, Identity.NONE, null, null);
  }

  private static Index index(String name, String column, boolean unique) {
    return new Index(name, List.of(IndexKey.column(column)), unique, "btree", null, List.of(), false);
  }
}
