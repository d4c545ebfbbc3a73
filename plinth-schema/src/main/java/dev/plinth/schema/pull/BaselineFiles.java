package dev.plinth.schema.pull;

import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.journal.GeneratedMigration;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.ReplacedMigration;
import dev.plinth.schema.journal.SumFile;
import dev.plinth.schema.journal.Version;
import dev.plinth.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed files of a new migrations folder whose first migration creates a whole schema:
 * {@code V1__baseline} forward and reverse, its journal entry, {@code plinth.sum} and {@code HEAD}
 * (and, after it, the hand-written migration of what the model cannot say, with {@code plinth.external}),
 * generated as the processor generates a migration, so that its check mode accepts them.
 */
public final class BaselineFiles {
  /** The slug of the baseline migration's files. */
  public static final String SLUG = "baseline";

  /** The processor's default {@code plinth.lockTimeout}, recorded in the journal entry. */
  public static final String LOCK_TIMEOUT = "5s";

  private BaselineFiles() {}

  /**
   * The files by path relative to the migrations folder; empty for an empty schema. Work that
   * cannot run in a transaction would get migrations of its own (V2, ...), as the processor does.
   */
  public static SortedMap<String, String> of(Schema schema) {
    return of(schema, List.of());
  }

  /**
   * The files of a baseline that comes after an existing Flyway history: its first version is the
   * one after the newest of {@code history} (the database's own migrations, kept in its history),
   * and its journal entry stands for them, so that their history rows stay valid without files.
   */
  public static SortedMap<String, String> of(Schema schema, List<ReplacedMigration> history) {
    return of(schema, history, Optional.empty());
  }

  /**
   * The same, followed by the hand-written migration {@code V<n+1>__not_modelled} (and its reverse)
   * that creates what the schema model cannot say, with {@code plinth.external} listing it for verify.
   */
  public static SortedMap<String, String> of(Schema schema, List<ReplacedMigration> history,
      Optional<NotModelled> notModelled) {
    return of(schema, history, notModelled, new TreeMap<>());
  }

  /**
   * The same, in a folder that already holds {@code kept} (relative path to content: repeatable
   * scripts kept from a Flyway project), which are not written but listed in {@code plinth.sum},
   * as the processor lists every migration file.
   */
  public static SortedMap<String, String> of(Schema schema, List<ReplacedMigration> history,
      Optional<NotModelled> notModelled, SortedMap<String, String> kept) {
    int first = history.stream().mapToInt(m -> Version.parse(m.version()).major()).max().orElse(0) + 1;
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < GeneratedMigration.creationSteps(schema).size(); i++) {
      versions.add(Version.of(first + i));
    }
    SortedMap<String, String> files = new TreeMap<>(
        GeneratedMigration.creating(schema, versions, SLUG, LOCK_TIMEOUT, history));
    if (!files.isEmpty() && notModelled.isPresent()) {
      Version next = Version.of(first + versions.size());
      files.put(MigrationsFolder.forwardPath(next, NotModelled.SLUG), notModelled.get().forward());
      files.put(MigrationsFolder.reversePath(next, NotModelled.SLUG), notModelled.get().reverse());
      versions.add(next);
    }
    if (!files.isEmpty()) {
      SortedMap<String, String> summed = new TreeMap<>(kept);
      summed.putAll(files);
      String sum = SumFile.render(summed);
      files.put(SumFile.SUM_FILE, sum);
      files.put(SumFile.HEAD_FILE, SumFile.head(versions.get(versions.size() - 1).toString(), sum));
    }
    notModelled.filter(n -> files.containsKey(SumFile.SUM_FILE))
        .ifPresent(n -> files.put(ExternalObjects.FILE, n.external().render()));
    return files;
  }
}
