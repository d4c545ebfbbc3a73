package dev.plinth.runner.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each squawk rule that can fire on a generated migration means for Plinth: announced by a
 * Plinth lint in the compile that generated the migration, avoided by the shape of the SQL Plinth
 * writes, or not applicable (with the reason). The one place this mapping is kept; the README's
 * table repeats it for users.
 */
public final class SquawkRules {
  private SquawkRules() {}

  /** The verdict on a rule. */
  public sealed interface Rule {}

  /** A finding must come with one of {@code ids} among the lints of its compile. */
  public record Announced(Set<String> ids) implements Rule {}

  /** Plinth's SQL must never give this finding: it is the shape of the migration, not the change. */
  public record Avoided(String how) implements Rule {}

  /** squawk's finding does not apply to the SQL Plinth writes, for {@code reason}. */
  public record NotApplicable(String reason) implements Rule {}

  private static final String STRICT =
      "strict safety (plinth.safety=strict, the default): ";

  /** squawk's rule on dropping an index without {@code CONCURRENTLY}. */
  public static final String INDEX_DELETION = "require-concurrent-index-deletion";

  /**
   * Why {@link #INDEX_DELETION} does not apply to the index of a table the same migration drops:
   * Plinth drops the table's indexes just before the table, in the same transaction; the
   * {@code DROP TABLE} takes the table's exclusive lock anyway, and dropping an index scans nothing,
   * so dropping it concurrently first would not shorten any lock (it would only leave the table
   * without its index if the transaction then failed).
   */
  public static final String DROPPED_TABLE_INDEX =
      "an index of a table the migration drops, in the same transaction as the DROP TABLE, which"
          + " takes the table's exclusive lock anyway; dropping an index scans nothing";

  private static final Map<String, Rule> RULES = Map.ofEntries(
      // Changes that break clients still running the old code.
      Map.entry("renaming-table", new Announced(Set.of("PLN315"))),
      Map.entry("renaming-column", new Announced(Set.of("PLN316"))),
      // An enum rebuilt to remove (PLN313) or reorder (PLN323) values changes its columns' type.
      // A collation changed in place is ALTER COLUMN ... TYPE of the same type (PLN361).
      Map.entry("changing-column-type", new Announced(Set.of("PLN317", "PLN313", "PLN323", "PLN361"))),
      // A generated column is dropped (PLN353), or dropped and added again: a new expression before
      // PostgreSQL 17 (PLN351), a plain column made generated (PLN352), or around an enum rebuild
      // whose type it reads (PLN313, PLN323), or around a new type of a column it reads (PLN317).
      Map.entry("ban-drop-column", new Announced(Set.of("PLN308", "PLN309", "PLN351", "PLN352", "PLN353",
          "PLN313", "PLN323", "PLN317"))),
      Map.entry("ban-drop-not-null", new Announced(Set.of("PLN318"))),
      Map.entry("ban-drop-table", new Announced(Set.of("PLN307"))),
      // NOT NULL or a check added to a domain is validated against every column of it.
      Map.entry("ban-alter-domain-with-add-constraint", new Announced(Set.of("PLN324"))),
      Map.entry("ban-create-domain-with-constraint", new NotApplicable(
          "a domain the migration creates is used by no column until later statements of the"
              + " migration, so its checks scan nothing; a check added to it later is PLN324")),
      // A detached partition leaves the table; strict plans detach CONCURRENTLY where PostgreSQL
      // allows it (not from a table with a default partition). A partition added beside a default
      // one detaches the default for the moment its rows move (PLN409).
      Map.entry("require-concurrent-partition-detach", new Announced(Set.of("PLN408", "PLN409"))),
      // Changes with a safe recipe, or a warning.
      // A generated column added computes every row: new (PLN354), or added again (PLN351, PLN352,
      // and around an enum rebuild, PLN313 and PLN323, or a new type of a column it reads, PLN317).
      Map.entry("adding-field-with-default", new Announced(Set.of("PLN302", "PLN351", "PLN352", "PLN354",
          "PLN313", "PLN323", "PLN317"))),
      Map.entry("adding-required-field", new Announced(Set.of("PLN301"))),
      Map.entry("adding-not-nullable-field", new Announced(Set.of("PLN306"))),
      // A primary key added to an existing table (PLN319), or added again to change its deferrability (PLN340).
      Map.entry("adding-serial-primary-key-field", new Announced(Set.of("PLN319", "PLN340"))),
      // Type choices: hints at the component.
      Map.entry("prefer-bigint-over-int", new Announced(Set.of("PLN320"))),
      Map.entry("prefer-bigint-over-smallint", new Announced(Set.of("PLN320"))),
      Map.entry("prefer-timestamp-tz", new Announced(Set.of("PLN321"))),
      Map.entry("prefer-text-field", new Announced(Set.of("PLN322", "PLN361"))),
      // The lock shape of the migration.
      Map.entry("require-statement-timeout",
          new Avoided(STRICT + "SET LOCAL statement_timeout next to lock_timeout")),
      Map.entry("require-lock-timeout",
          new Avoided(STRICT + "the timeouts set in non-transactional migrations too")),
      Map.entry("constraint-missing-not-valid",
          new Avoided(STRICT + "ADD ... NOT VALID, validated in a separate transaction")),
      Map.entry("adding-foreign-key-constraint",
          new Avoided(STRICT + "ADD ... NOT VALID, validated in a separate transaction")),
      Map.entry("require-concurrent-index-creation",
          new Avoided(STRICT + "CREATE INDEX CONCURRENTLY in a non-transactional migration")),
      Map.entry(INDEX_DELETION,
          new Avoided(STRICT + "DROP INDEX CONCURRENTLY in a non-transactional migration")),
      Map.entry("disallowed-unique-constraint",
          new Avoided(STRICT + "ADD CONSTRAINT ... UNIQUE USING INDEX of an index built concurrently")),
      Map.entry("prefer-robust-stmts", new NotApplicable(
          "a non-transactional migration's CREATE INDEX CONCURRENTLY follows DROP INDEX CONCURRENTLY"
              + " IF EXISTS of the same index, so running it again after a failure (which leaves an"
              + " invalid index) drops that index and builds it anew; IF NOT EXISTS would instead"
              + " keep the invalid index")));

  /**
   * Why any rule's finding on a statement about a table the migration creates does not apply:
   * Plinth creates a table inside a DO block (which takes back a table kept by a rollback), where
   * squawk does not look, so it takes the table for an existing one; a new table has no rows and
   * no readers until the migration commits.
   */
  public static final String CREATED_TABLE =
      "about a table the migration creates (squawk does not see CREATE TABLE inside a DO block)";

  /** Rules about a whole script rather than the statement they are reported on. */
  public static final Set<String> SCRIPT_RULES = Set.of("require-statement-timeout", "require-lock-timeout");

  /**
   * Why any rule's finding on a statement about Plinth's backup schemas does not apply: the statement
   * changes the copy of a dropped table or column that Plinth keeps for the rollback, which no
   * client reads.
   */
  public static final String BACKUP_TABLE =
      "about the backup copy kept for the rollback (schema plinth_backup_...), which no client reads";

  /**
   * A finding of {@code rule} on a statement that matches {@code statement} must come with one of
   * {@code ids} among its compile's lints, although the rule is otherwise one Plinth's SQL avoids:
   * what Plinth does not yet avoid in that case, and says so ({@code why}).
   */
  public record AnnouncedStatement(String rule, Pattern statement, Set<String> ids, String why) {}

  /** The lints of a generated column or enum type rebuilt under the indexes and checks that read it. */
  private static final Set<String> REBUILD_LINTS =
      Set.of("PLN313", "PLN323", "PLN351", "PLN352", "PLN353", "PLN354");

  /** The same, and a table (or its schema) renamed in the migration, whose indexes are built in its transaction. */
  private static final Set<String> INDEX_IN_TRANSACTION_LINTS =
      Set.of("PLN313", "PLN323", "PLN351", "PLN352", "PLN353", "PLN354", "PLN315", "PLN370");

  /** The same, and columns renamed in the migration: an index dropped from their table is dropped after the rename. */
  private static final Set<String> INDEX_DROP_IN_TRANSACTION_LINTS =
      Set.of("PLN313", "PLN323", "PLN351", "PLN352", "PLN353", "PLN354", "PLN315", "PLN370", "PLN316");

  private static final String INDEX_IN_TRANSACTION =
      "an index of a table the migration renames (PLN315, or moves with its schema, PLN370) is built"
          + " and dropped in the transaction that renames it; one that reads a generated column dropped"
          + " and added again, or an enum type rebuilt under it, is dropped and made again there (a"
          + " concurrent build cannot run in a transaction); the lint of the rename or rebuild says"
          + " the table is locked";

  private static final String REBUILT_AROUND =
      "an index or check that reads a generated column dropped and added again, or an enum type"
          + " rebuilt under it, is dropped and made again in the migration's transaction (a"
          + " concurrent build cannot run there, and the column or type it reads is being swapped);"
          + " the lint of the rebuild says the table is locked and rewritten";

  /** The cases of avoided rules that strict plans do not yet avoid, each announced by its lint. */
  public static final List<AnnouncedStatement> ANNOUNCED_STATEMENTS = List.of(
      new AnnouncedStatement("require-concurrent-index-creation",
          Pattern.compile("(?i)CREATE (UNIQUE )?INDEX "), INDEX_IN_TRANSACTION_LINTS,
          INDEX_IN_TRANSACTION),
      new AnnouncedStatement("require-concurrent-index-deletion",
          Pattern.compile("(?i)DROP INDEX "), INDEX_DROP_IN_TRANSACTION_LINTS,
          INDEX_IN_TRANSACTION + "; an index dropped from a table whose columns the migration renames"
              + " (PLN316) is dropped in the transaction, after the rename, which already holds the"
              + " table's exclusive lock (the index is recorded with the new column names, so its"
              + " reverse must run before the rename's)"),
      new AnnouncedStatement("constraint-missing-not-valid",
          Pattern.compile("(?i)ADD CONSTRAINT \\S+ CHECK"), REBUILD_LINTS,
          REBUILT_AROUND),
      new AnnouncedStatement("constraint-missing-not-valid",
          Pattern.compile("(?i)ADD CONSTRAINT \\S+ PRIMARY KEY \\("),
          Set.of("PLN319", "PLN340"),
          "a primary key that replaces one of the same name on an existing table is built in the"
              + " migration's transaction (strict plans attach a new key USING INDEX of a concurrent"
              + " build only when the name is free before the transaction); PLN319 (PLN340 when only"
              + " its deferrability changes) says the table is locked for the build"),
      new AnnouncedStatement("disallowed-unique-constraint",
          Pattern.compile("(?i)ADD CONSTRAINT \\S+ UNIQUE (NULLS NOT DISTINCT )?\\("),
          Set.of("PLN340", "PLN305"),
          "a unique constraint dropped and added again under its name to change its deferrability"
              + " (PostgreSQL cannot alter that in place), or one on a column the same migration adds"
              + " (or adds back), is built in the migration's transaction; PLN340, or PLN305 (which"
              + " then says its index is built under a lock that blocks writes), says the table is"
              + " locked for the build"),
      new AnnouncedStatement("constraint-missing-not-valid",
          Pattern.compile("(?i)ADD CONSTRAINT \\S+ UNIQUE (NULLS NOT DISTINCT )?\\("),
          Set.of("PLN340", "PLN305"),
          "the same unique constraints built in the transaction: a unique constraint cannot be added"
              + " NOT VALID, and PLN340 or PLN305 says the table is locked while its index is built"));

  /** A finding of {@code rule} on a statement that matches {@code statement} is wrong, for {@code reason}. */
  public record FalsePositive(String rule, Pattern statement, String reason) {}

  /** squawk's findings that are wrong about the statement they are on. */
  public static final List<FalsePositive> FALSE_POSITIVES = List.of(
      new FalsePositive("adding-field-with-default", Pattern.compile(
          "(?i)ADD COLUMN .* DEFAULT (CURRENT_DATE|CURRENT_TIMESTAMP|LOCALTIMESTAMP|CURRENT_TIME|LOCALTIME)\\b"),
          "the default is STABLE, not VOLATILE: since PostgreSQL 11, ADD COLUMN evaluates it once and"
              + " stores it in the catalog, without a rewrite (squawk exempts now() but not these)"));

  /** The verdict on {@code rule}; empty for a rule not mapped yet (a failure of the oracle). */
  public static Optional<Rule> rule(String rule) {
    return Optional.ofNullable(RULES.get(rule));
  }

  /** Every mapped rule, by name. */
  public static Map<String, Rule> all() {
    return RULES;
  }
}
