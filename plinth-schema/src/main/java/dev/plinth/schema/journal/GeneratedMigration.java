package dev.plinth.schema.journal;

import dev.plinth.schema.diff.MigrationPlan;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.render.MigrationScript;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of one generated migration, as the processor writes them and as everything that must
 * match the processor (check, pull's baseline) renders them: forward script, reverse script, a
 * {@code .conf} for a step outside a transaction, and the journal entry.
 */
public final class GeneratedMigration {

  private GeneratedMigration() {}

  /**
   * The files of {@code step} as version {@code version}, by path relative to the migrations folder.
   *
   * @param state the schema before the step
   * @param lockTimeout the {@code lock_timeout} a transactional step sets, or null for none
   * @param tenantSchemas whether the default schema's names are left unqualified, for a schema per
   *     tenant (see {@link JournalEntry#tenantSchemas()})
   */
  public static Map<String, String> render(Version version, String slug, Schema state, MigrationPlan.Step step,
      String lockTimeout, boolean tenantSchemas) {
    String timeout = step.transactional() ? lockTimeout : null;
    JournalEntry entry = new JournalEntry(JournalEntry.FORMAT, version.toString(), timeout,
        step.transactional(), step.resumable(), tenantSchemas, step.changes());
    Map<String, String> files = new LinkedHashMap<>();
    files.put(MigrationsFolder.forwardPath(version, slug), MigrationScript.forward(version.toString(), state,
        step.changes(), timeout, step.transactional(), step.resumable(), tenantSchemas));
    files.put(MigrationsFolder.reversePath(version, slug), MigrationScript.reverse(version.toString(), state,
        step.changes(), timeout, step.transactional(), step.resumable(), tenantSchemas));
    if (!step.transactional()) {
      files.put(MigrationsFolder.forwardPath(version, slug) + ".conf", History.NON_TRANSACTIONAL_CONF);
    }
    files.put(MigrationsFolder.journalPath(version, slug), JournalCodec.write(entry));
    return files;
  }
}
