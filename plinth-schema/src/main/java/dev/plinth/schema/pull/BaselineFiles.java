package dev.plinth.schema.pull;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.MigrationPlan;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.GeneratedMigration;
import dev.plinth.schema.journal.SumFile;
import dev.plinth.schema.journal.Version;
import dev.plinth.schema.model.Schema;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed files of a new migrations folder whose first migration creates a whole schema:
 * {@code V1__baseline} forward and reverse, its journal entry, {@code plinth.sum} and {@code HEAD},
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
    SortedMap<String, String> files = new TreeMap<>();
    List<Change> changes = SchemaDiff.diff(Schema.EMPTY, schema);
    Schema state = Schema.EMPTY;
    int major = 1;
    for (MigrationPlan.Step step : MigrationPlan.split(changes)) {
      Version version = Version.of(major++);
      files.putAll(GeneratedMigration.render(version, SLUG, state, step, LOCK_TIMEOUT, false));
      state = Changes.apply(state, step.changes());
    }
    if (!files.isEmpty()) {
      String sum = SumFile.render(files);
      files.put(SumFile.SUM_FILE, sum);
      files.put(SumFile.HEAD_FILE, SumFile.head(Version.of(major - 1).toString(), sum));
    }
    return files;
  }
}
