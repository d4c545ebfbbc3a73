package dev.plinth.schema.journal;

import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiFunction;

/**
 * {@code squash --to V}: replaces the generated migrations 1..V of a migrations folder with the
 * migration that creates the schema at V from nothing (one per step that must run on its own, at
 * the newest versions of the range; usually one, V itself), its reverse (which drops everything)
 * and one journal entry. That entry lists every migration it replaces with the checksum Flyway
 * recorded for it, so a database migrated before the squash keeps a valid history; a new database
 * runs the one migration. Later migrations are untouched and render exactly as before.
 */
public final class Squash {

  /** Why a folder cannot be squashed. */
  public enum Reason {
    /** The folder does not hold exactly what its journal generates (the first problem as detail). */
    NOT_COMMITTED,
    /** No generated migration has the version asked for (the generated versions as detail). */
    UNKNOWN_VERSION,
    /** Only one migration up to that version: nothing to squash. */
    NOTHING_TO_SQUASH,
    /** A hand-written migration is in the range (its files as detail). */
    HAND_WRITTEN
  }

  /** A squash refused, with what the message needs. */
  public static final class Refused extends RuntimeException {
    private final Reason reason;
    private final String detail;

    Refused(Reason reason, String detail) {
      super(reason + ": " + detail);
      this.reason = reason;
      this.detail = detail;
    }

    public Reason reason() {
      return reason;
    }

    public String detail() {
      return detail;
    }
  }

  /**
   * What a squash did.
   *
   * @param removed the migrations' files deleted, relative to the folder
   * @param written the files written, relative to the folder (with {@code plinth.sum} and {@code HEAD})
   * @param replaced the migrations the new entry stands for
   */
  public record Result(List<String> removed, List<String> written, List<ReplacedMigration> replaced) {}

  /** The slug of the squashed migration's files: {@code squash_1_to_5}. */
  static String slug(Version first, Version to) {
    return "squash_" + first.fileText() + "_to_" + to.fileText();
  }

  private Squash() {}

  /** Squashes 1..{@code to} and writes the folder (all files or none); see the class comment. */
  public static Result run(MigrationsFolder folder, Version to) {
    List<CommittedFiles.Problem> problems = CommittedFiles.check(folder);
    if (!problems.isEmpty()) {
      CommittedFiles.Problem first = problems.get(0);
      throw new Refused(Reason.NOT_COMMITTED, first.file() + " (" + first.kind() + ")");
    }
    List<MigrationsFolder.MigrationFiles> all = folder.scan();
    List<MigrationsFolder.MigrationFiles> range = all.stream().filter(m -> m.version().compareTo(to) <= 0).toList();
    if (range.stream().noneMatch(m -> m.generated() && m.version().compareTo(to) == 0)) {
      throw new Refused(Reason.UNKNOWN_VERSION, String.join(", ",
          all.stream().filter(MigrationsFolder.MigrationFiles::generated).map(m -> m.version().toString()).toList()));
    }
    List<String> handWritten = range.stream().filter(m -> !m.generated()).map(m -> m.forward()).toList();
    if (!handWritten.isEmpty()) {
      throw new Refused(Reason.HAND_WRITTEN, String.join(", ", handWritten));
    }
    Schema state = Schema.EMPTY;
    List<ReplacedMigration> replaced = new ArrayList<>();
    String lockTimeout = null;
    boolean tenantSchemas = false;
    for (MigrationsFolder.MigrationFiles files : range) {
      JournalEntry entry = JournalCodec.read(folder.read(files.journal()).orElseThrow());
      state = Changes.apply(withChosenSequenceNames(state), entry.changes());
      replaced.addAll(entry.replaces());
      replaced.add(new ReplacedMigration(files.version().toString(), MigrationsFolder.fileName(files.forward()),
          FlywayChecksum.of(folder.read(files.forward()).orElseThrow())));
      lockTimeout = entry.transactional() ? entry.lockTimeout() : lockTimeout;
      tenantSchemas = entry.tenantSchemas();
    }
    state = withoutConventionalSequenceNames(withChosenSequenceNames(state));
    int steps = GeneratedMigration.creationSteps(state).size();
    if (range.size() < 2 || range.size() < steps) {
      throw new Refused(Reason.NOTHING_TO_SQUASH, to.toString());
    }
    List<Version> versions = range.subList(range.size() - steps, range.size()).stream()
        .map(MigrationsFolder.MigrationFiles::version).toList();
    List<String> removed = new ArrayList<>();
    for (MigrationsFolder.MigrationFiles files : range) {
      folder.delete(files);
      removed.addAll(java.util.stream.Stream.of(files.forward(), files.reverse(), files.journal())
          .filter(f -> f != null).toList());
    }
    SortedMap<String, String> written = GeneratedMigration.creating(state, versions,
        slug(range.get(0).version(), to), lockTimeout, tenantSchemas, replaced);
    written.forEach(folder::write);
    Map<String, String> integrity = CommittedFiles.expectedIntegrity(folder);
    integrity.forEach(folder::write);
    List<CommittedFiles.Problem> after = CommittedFiles.check(folder);
    if (!after.isEmpty()) {
      // Folding the creation gives the very schema the entries built; a later migration that
      // renders otherwise would be a bug, and nothing is written.
      throw new IllegalStateException("squash would change " + after.get(0).file() + ": " + after);
    }
    folder.commit();
    List<String> files = new ArrayList<>(written.keySet());
    files.addAll(integrity.keySet());
    removed.removeAll(files);
    return new Result(List.copyOf(removed), List.copyOf(files), List.copyOf(replaced));
  }

  /**
   * The state with the names PostgreSQL gave the sequences of identity columns that left them to it
   * written out: the name comes from the table and column when the column is created and stays when
   * they are renamed, so a squashed migration must state it to create the sequence the history did.
   * (A later change that restates such a column without the name is not followed.)
   */
  private static Schema withChosenSequenceNames(Schema state) {
    return withSequenceNames(state, (table, column) -> column.sequence() == null
        || column.sequence().name() == null ? conventional(table, column) : column.sequence().name());
  }

  /** The state with identity sequences named as PostgreSQL names them left to PostgreSQL again. */
  private static Schema withoutConventionalSequenceNames(Schema state) {
    return withSequenceNames(state, (table, column) -> column.sequence() != null
        && conventional(table, column).equals(column.sequence().name()) ? null
        : column.sequence() == null ? null : column.sequence().name());
  }

  private static String conventional(Table table, Column column) {
    return Names.derived(table.name().name(), List.of(column.name()), "seq");
  }

  private static Schema withSequenceNames(Schema state, BiFunction<Table, Column, String> name) {
    Schema result = state;
    for (Table table : state.tables()) {
      List<Column> columns = table.columns().stream().map(c -> !c.identity().isIdentity() ? c
          : c.withSequence((c.sequence() == null ? Sequence.named(null) : c.sequence())
              .withName(name.apply(table, c)))).toList();
      result = result.withTable(table.withColumns(columns));
    }
    return result;
  }
}
