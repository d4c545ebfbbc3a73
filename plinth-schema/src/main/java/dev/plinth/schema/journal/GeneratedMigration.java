package dev.plinth.schema.journal;

import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.MigrationPlan;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.render.MigrationScript;
import dev.plinth.schema.render.ScriptSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one generated migration, as the processor writes them and as everything that must
 * match the processor (check, pull's baseline) renders them: forward script, reverse script, a
 * {@code .conf} for a step outside a transaction, and the journal entry.
 */
public final class GeneratedMigration {

  /**
   * What the processor's options say about every migration it generates.
   *
   * @param lockTimeout the {@code lock_timeout} a step sets, or null for none
   * @param statementTimeout the {@code statement_timeout} a step sets, or null for none
   * @param validationTimeout the {@code statement_timeout} of a step that validates constraints
   *     (it scans whole tables, without blocking writes), or null for none
   * @param strict whether constraints added to existing tables are validated by a step of their own
   *     ({@link MigrationPlan#split(java.util.List, boolean)}), which the entries record
   * @param tenantSchemas whether the default schema's names are left unqualified, for a schema per
   *     tenant (see {@link JournalEntry#tenantSchemas()})
   */
  public record Settings(String lockTimeout, String statementTimeout, String validationTimeout,
      boolean strict, boolean tenantSchemas) {
    /** The settings of migrations generated before statement timeouts and strict plans. */
    public static Settings relaxed(String lockTimeout, boolean tenantSchemas) {
      return new Settings(lockTimeout, null, null, false, tenantSchemas);
    }
  }

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
    return render(version, slug, state, step, Settings.relaxed(lockTimeout, tenantSchemas), List.of());
  }

  /**
   * The files of {@code step} as version {@code version}, rendered as {@code settings} say, whose
   * journal entry stands for the {@code replaced} migrations (see {@link JournalEntry#replaces()}).
   */
  public static Map<String, String> render(Version version, String slug, Schema state, MigrationPlan.Step step,
      Settings settings, List<ReplacedMigration> replaced) {
    JournalEntry entry = entry(version, step, settings, replaced,
        MigrationScript.meetsDeferredKeys(state, step.changes()),
        MigrationScript.meetsNullRefusingDomainColumns(state, step.changes()));
    Map<String, String> files = new LinkedHashMap<>();
    files.put(MigrationsFolder.forwardPath(version, slug), MigrationScript.forward(version.toString(), state,
        step.changes(), entry.scriptSettings()));
    files.put(MigrationsFolder.reversePath(version, slug), MigrationScript.reverse(version.toString(), state,
        step.changes(), entry.scriptSettings()));
    if (!step.transactional()) {
      files.put(MigrationsFolder.forwardPath(version, slug) + ".conf", History.NON_TRANSACTIONAL_CONF);
    }
    files.put(MigrationsFolder.journalPath(version, slug), JournalCodec.write(entry));
    return files;
  }

  /**
   * The journal entry of a step, rendered as {@link #scriptSettings} say; {@code deferredKeys} when
   * keys checked at commit exist during the step (the entry then says they are checked at once
   * after a write); {@code domainColumns} when the step adds or drops a column of a domain that
   * refuses NULL (the entry then says such columns are filled first).
   */
  private static JournalEntry entry(Version version, MigrationPlan.Step step, Settings settings,
      List<ReplacedMigration> replaced, boolean deferredKeys, boolean domainColumns) {
    ScriptSettings script = scriptSettings(step, settings);
    return new JournalEntry(JournalEntry.FORMAT, version.toString(), script.lockTimeout(),
        script.transactional(), script.resumable(), script.tenantSchemas(), replaced, step.changes(),
        script.statementTimeout(), script.separateValidation(), deferredKeys && script.transactional(),
        domainColumns);
  }

  /**
   * How the scripts of {@code step} are rendered: timeouts for a transactional step, and for one
   * outside a transaction in a strict plan (a relaxed plan's non-transactional steps set none, as
   * they always did); a step that scans rows (validating constraints, building indexes) gets the
   * longer validation bound as its {@code statement_timeout}.
   */
  public static ScriptSettings scriptSettings(MigrationPlan.Step step, Settings settings) {
    boolean transactional = step.transactional();
    boolean timed = transactional || settings.strict();
    String statementTimeout = step.validates() || step.buildsIndexes() ? settings.validationTimeout()
        : settings.statementTimeout();
    return new ScriptSettings(timed ? settings.lockTimeout() : null, timed ? statementTimeout : null,
        transactional, step.resumable(), settings.tenantSchemas(), transactional && settings.strict());
  }

  /**
   * The files of the migrations that create {@code schema} from nothing, as the processor would
   * generate them: one per step of {@link MigrationPlan#split} (work outside a transaction gets its
   * own), at {@code versions}, one version per step; the last one's journal entry stands for
   * {@code replaced}.
   */
  public static SortedMap<String, String> creating(Schema schema, List<Version> versions, String slug,
      String lockTimeout, List<ReplacedMigration> replaced) {
    return creating(schema, versions, slug, lockTimeout, false, replaced);
  }

  /** The same, with the default schema's names left unqualified when {@code tenantSchemas}. */
  public static SortedMap<String, String> creating(Schema schema, List<Version> versions, String slug,
      String lockTimeout, boolean tenantSchemas, List<ReplacedMigration> replaced) {
    List<MigrationPlan.Step> steps = creationSteps(schema);
    if (steps.size() != versions.size()) {
      throw new IllegalArgumentException(steps.size() + " steps need as many versions, not " + versions);
    }
    SortedMap<String, String> files = new TreeMap<>();
    Schema state = Schema.EMPTY;
    Settings settings = Settings.relaxed(lockTimeout, tenantSchemas);
    for (int i = 0; i < steps.size(); i++) {
      boolean last = i == steps.size() - 1;
      files.putAll(render(versions.get(i), slug, state, steps.get(i), settings,
          last ? replaced : List.of()));
      if (!last) { // the state after the last step is not needed (thousands of changes)
        state = Changes.apply(state, steps.get(i).changes());
      }
    }
    return files;
  }

  /** The steps that create {@code schema} from nothing. */
  public static List<MigrationPlan.Step> creationSteps(Schema schema) {
    return MigrationPlan.split(SchemaDiff.diff(Schema.EMPTY, schema));
  }
}
