package dev.plinth.schema.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.render.ScriptSettings;
import java.util.List;
import java.util.Objects;

/**
 * The committed record of one generated migration: the changes it makes and the settings it was
 * rendered with. Folding the entries in version order gives the schema at any version, and
 * rendering an entry again gives exactly its committed SQL.
 *
 * <p>The JSON of an entry is a public contract: every key is spelled out by {@link JsonProperty}
 * (here and on every change and model record it holds) and written in {@link JsonPropertyOrder}, so
 * that committed journals stay byte for byte what they are.
 *
 * @param format the file format version, {@link #FORMAT}
 * @param version the migration version, such as {@code "7"}
 * @param lockTimeout the {@code lock_timeout} the scripts set, or null for none; in an entry outside
 *     a transaction only strict plans record it (set for the session and reset at the script's end),
 *     so that every earlier such entry, which has none, renders as before
 * @param transactional whether the scripts run inside a transaction
 * @param resumable whether the scripts (outside a transaction) guard each statement, so that
 *     running one again after a failure finishes what the failed run began; absent (false) in
 *     entries written before it existed, which render as they always did
 * @param tenantSchemas whether the scripts name the objects of the default schema ({@code public})
 *     without their schema, so that they land in the schema of each tenant they run for (the
 *     processor's {@code plinth.tenantSchemas} option); absent (false) in entries written before it
 *     existed, whose names keep their schema
 * @param replaces the migrations this entry stands for in databases whose history has them (a
 *     squash, or an adopted Flyway history); absent (empty) in every other entry. It changes nothing
 *     in the rendered SQL: it tells the runner which history rows without a file are still valid
 * @param changes the changes, in order
 * @param statementTimeout the {@code statement_timeout} the scripts set, or null for none (absent in
 *     entries written before it existed); set as {@code lockTimeout} is
 * @param separateValidation whether constraints added to existing tables are only added
 *     {@code NOT VALID}, a later entry validating them (the strict plan); absent (false) in entries
 *     written before it existed and in relaxed ones, which validate them at once
 * @param deferredChecksAtOnce whether a transactional script of the entry that writes rows while
 *     keys checked at commit ({@code INITIALLY DEFERRED}) exist checks them at once from its first
 *     write on ({@code SET CONSTRAINTS ALL IMMEDIATE}), so that no check is queued when it alters a
 *     table; written only where such keys exist during the migration, absent (false) in entries
 *     written before it existed, whose scripts keep them deferred
 * @param domainColumnsFilledFirst whether the entry's scripts add a column they fill (put back by a
 *     rollback, or by migrating again after one) whose type is a domain that refuses NULL as the
 *     domain's base type, giving it the domain once filled; written only where such a column is added
 *     or dropped during the migration, absent (false) in entries written before it existed, whose
 *     scripts add it as the domain
 */
@JsonPropertyOrder({"format", "version", "lockTimeout", "statementTimeout", "transactional",
    "resumable", "separateValidation", "deferredChecksAtOnce", "domainColumnsFilledFirst",
    "tenantSchemas", "replaces", "changes"})
public record JournalEntry(
    @JsonProperty("format") int format,
    @JsonProperty("version") String version,
    @JsonProperty("lockTimeout") String lockTimeout,
    @JsonProperty("transactional") boolean transactional,
    @JsonProperty("resumable") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean resumable,
    @JsonProperty("tenantSchemas") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean tenantSchemas,
    @JsonProperty("replaces") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReplacedMigration> replaces,
    @JsonProperty("changes") List<Change> changes,
    @JsonProperty("statementTimeout") String statementTimeout,
    @JsonProperty("separateValidation") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean separateValidation,
    @JsonProperty("deferredChecksAtOnce") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean deferredChecksAtOnce,
    @JsonProperty("domainColumnsFilledFirst") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean domainColumnsFilledFirst) {
  /** The current (and only) format. A published format never changes; a new one gets a new number. */
  public static final int FORMAT = 1;

  public JournalEntry {
    Objects.requireNonNull(version, "version");
    replaces = replaces == null ? List.of() : List.copyOf(replaces);
    changes = List.copyOf(changes);
  }

  /** An entry whose names keep their schema and that replaces nothing, as every entry did before. */
  public JournalEntry(int format, String version, String lockTimeout, boolean transactional, boolean resumable,
      List<Change> changes) {
    this(format, version, lockTimeout, transactional, resumable, false, List.of(), changes);
  }

  /** An entry that replaces nothing (not a squash or an adoption). */
  public JournalEntry(int format, String version, String lockTimeout, boolean transactional,
      boolean resumable, boolean tenantSchemas, List<Change> changes) {
    this(format, version, lockTimeout, transactional, resumable, tenantSchemas, List.of(), changes);
  }

  /** An entry whose names keep their schema (not {@code tenantSchemas}). */
  public JournalEntry(int format, String version, String lockTimeout, boolean transactional, boolean resumable,
      List<ReplacedMigration> replaces, List<Change> changes) {
    this(format, version, lockTimeout, transactional, resumable, false, replaces, changes);
  }

  /** An entry as written before domain columns were filled first. */
  public JournalEntry(int format, String version, String lockTimeout, boolean transactional, boolean resumable,
      boolean tenantSchemas, List<ReplacedMigration> replaces, List<Change> changes, String statementTimeout,
      boolean separateValidation, boolean deferredChecksAtOnce) {
    this(format, version, lockTimeout, transactional, resumable, tenantSchemas, replaces, changes,
        statementTimeout, separateValidation, deferredChecksAtOnce, false);
  }

  /** An entry as written before keys checked at commit were checked at once after a write. */
  public JournalEntry(int format, String version, String lockTimeout, boolean transactional, boolean resumable,
      boolean tenantSchemas, List<ReplacedMigration> replaces, List<Change> changes, String statementTimeout,
      boolean separateValidation) {
    this(format, version, lockTimeout, transactional, resumable, tenantSchemas, replaces, changes,
        statementTimeout, separateValidation, false);
  }

  /** An entry as written before statement timeouts and separate validation existed. */
  public JournalEntry(int format, String version, String lockTimeout, boolean transactional, boolean resumable,
      boolean tenantSchemas, List<ReplacedMigration> replaces, List<Change> changes) {
    this(format, version, lockTimeout, transactional, resumable, tenantSchemas, replaces, changes, null,
        false);
  }

  /** How the entry's scripts are rendered. */
  public ScriptSettings scriptSettings() {
    return new ScriptSettings(lockTimeout, statementTimeout, transactional, resumable, tenantSchemas,
        separateValidation, deferredChecksAtOnce, domainColumnsFilledFirst);
  }
}
