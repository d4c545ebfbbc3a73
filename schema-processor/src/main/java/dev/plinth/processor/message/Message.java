package dev.plinth.processor.message;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every message the processor prints, with its id and its fix. Ids are stable: tests, docs and
 * users' searches refer to them.
 */
public enum Message {
  // Reading records.
  TABLE_NOT_RECORD(Severity.ERROR, "PLN100",
      "@Table is on %s, which is not a record. Declare it as a record: `record %s(...) {}`."),
  UNSUPPORTED_TYPE(Severity.ERROR, "PLN101",
      "Component '%s' has type %s, which has no PostgreSQL mapping. Supported: String, int/Integer,"
          + " long/Long, short/Short, boolean/Boolean, double/Double, float/Float, BigDecimal, UUID,"
          + " Instant, OffsetDateTime, LocalDateTime, LocalDate, LocalTime, OffsetTime, Duration,"
          + " InetAddress, byte[], enums, and arrays"
          + " or Lists of these. For any other type state the SQL type: @Column(type = \"...\")."),
  NULLABLE_PRIMITIVE(Severity.ERROR, "PLN102",
      "Component '%s' is @Nullable but its type %s is primitive and cannot hold null."
          + " Use %s instead, or remove @Nullable."),
  NULLABLE_KEY(Severity.ERROR, "PLN118",
      "Component '%s' is both @Id and @Nullable, but PostgreSQL never lets a primary key column hold"
          + " NULL. Remove @Nullable, or keep @Nullable and mark the column @Unique instead of @Id."),
  EMPTY_ENUM(Severity.ERROR, "PLN103",
      "Enum %s has no constants, but a PostgreSQL enum type needs at least one value."
          + " Add a constant, or map the column with @Column(type = \"...\")."),
  VECTOR_NOT_FLOAT_ARRAY(Severity.ERROR, "PLN104",
      "@Vector is on component '%s' of type %s; a vector column must be float[]. Change the type to float[]."),
  VECTOR_DIMENSIONS(Severity.ERROR, "PLN105",
      "@Vector(%d) on component '%s': the dimensions must be between 1 and 16000."),
  IDENTITY_TYPE(Severity.ERROR, "PLN106",
      "@Identity is on component '%s' of type %s; identity columns must be short, int or long."),
  IDENTITY_WITH_DEFAULT(Severity.ERROR, "PLN107",
      "Component '%s' has both @Identity and @Default; an identity column generates its own values."
          + " Remove one of them."),
  COLLATION_CHANGED(Severity.WARNING, "PLN361",
      "Column '%s' of %s changes collation (%s to %s): PostgreSQL rebuilds the indexes on it under a"
          + " lock that blocks reads and writes of the table, and queries comparing or sorting it may"
          + " answer differently. Run it when the table is quiet, or @Acknowledge(\"PLN361\") on the"
          + " component."),
  GENERATED_WITH_VALUES(Severity.ERROR, "PLN350",
      "Component '%s' has @Generated and %s; a generated column computes its own values."
          + " Remove one of them."),
  GENERATED_READDED(Severity.WARNING, "PLN351",
      "The expression of generated column '%s' changes: PostgreSQL before 17 has no SET EXPRESSION, so the"
          + " column is dropped and added again (its values computed anew, the table rewritten, the"
          + " column moved last). With -Aplinth.postgres=17 or later it changes in place; or"
          + " @Acknowledge(\"PLN351\") on the component."),
  GENERATED_FROM_PLAIN(Severity.WARNING, "PLN352",
      "Column '%s' becomes generated: it is dropped and added again with values computed from its"
          + " expression (the table rewritten, the column moved last); the reverse puts the current"
          + " values back. @Acknowledge(\"PLN352\") on the component to confirm."),
  DROPS_GENERATED(Severity.WARNING, "PLN353",
      "The migration drops generated column '%s' of %s: the rollback adds it back, its values"
          + " computed again, but clients still running code that reads it break. Stage it: first"
          + " release code that no longer uses the column, then drop it; @Acknowledge(\"PLN353\") to"
          + " confirm."),
  ADDS_GENERATED(Severity.WARNING, "PLN354",
      "New generated column '%s' of existing table %s: PostgreSQL computes it for every row,"
          + " rewriting the whole table under an exclusive lock. On a large table, add a plain column,"
          + " backfill it in batches and keep it up to date otherwise; or @Acknowledge(\"PLN354\")."),
  LENGTH_NOT_STRING(Severity.ERROR, "PLN108",
      "@Column(length = %d) is on component '%s' of type %s; length applies to String only."
          + " Remove it, or use @Column(type = \"...\")."),
  BLANK_VALUE(Severity.ERROR, "PLN109", "%s must not be blank. %s"),
  COLLATION_NOT_TEXT(Severity.ERROR, "PLN360",
      "@Column(collation = \"%s\") is on component '%s' of SQL type %s; PostgreSQL collates text"
          + " types only (text, varchar, char, citext). Remove it, or give the component a text type."),
  SERIAL_TYPE(Severity.ERROR, "PLN113",
      "@Serial is on component '%s' of SQL type %s; a serial column is smallint (short), integer"
          + " (int) or bigint (long). Change the component's type, or remove @Serial."),
  IDENTITY_OPTION(Severity.ERROR, "PLN115",
      "@Identity on component '%s': %s, so PostgreSQL would refuse the migration. %s"),
  PRIMARY_KEY_NAMES(Severity.ERROR, "PLN116",
      "@Id on '%s' names the primary key '%s', but @Id on '%s' names it '%s'. A table has one"
          + " primary key: write its name on one @Id component only."),
  NOT_NULL_NAME_ON_NULLABLE(Severity.ERROR, "PLN117",
      "@Column(notNullName = \"%s\") is on '%s', which is @Nullable and so has no NOT NULL constraint"
          + " to name. Remove notNullName, or @Nullable."),
  NEEDS_NEWER_POSTGRES(Severity.ERROR, "PLN119",
      "%s needs PostgreSQL %d or later, but the migrations target PostgreSQL %d (the processor"
          + " option plinth.postgres). If every database they run on is PostgreSQL %d or later, pass"
          + " -Aplinth.postgres=%d to javac (Maven: <compilerArgs>); otherwise remove it."),
  SERIAL_CONFLICT(Severity.ERROR, "PLN114",
      "Component '%s' has both @Serial and %s, but a serial column numbers its rows from its own"
          + " sequence and is NOT NULL. Remove %s, or @Serial."),
  TOO_MANY_COLUMNS(Severity.ERROR, "PLN110",
      "Table %s has %d columns, but PostgreSQL allows at most %d in a table. Move some of them to"
          + " another @Table record that references this one (@References)."),
  TOO_MANY_COMPONENTS(Severity.ERROR, "PLN111",
      "Record %s has %d components, which take %d constructor parameter slots (long and double"
          + " take two), but the JVM allows at most %d, so javac cannot compile it. Move some of"
          + " them to another @Table record that references this one (@References)."),
  INVALID_LENGTH(Severity.ERROR, "PLN112",
      "@Column(length = %d) on component '%s': a character varying length is between 1 and %d."
          + " Write a length in that range, or remove it to get text."),

  // Names.
  NAME_TOO_LONG(Severity.ERROR, "PLN120",
      "The name '%s' is %d bytes long; PostgreSQL keeps only 63 and would cut it silently."
          + " Give a shorter one: %s."),
  NAME_COLLISION(Severity.ERROR, "PLN121",
      "%s and %s are both named '%s' in schema '%s', and PostgreSQL needs distinct names."
          + " Give one of them another name (name = \"...\")."),
  DUPLICATE_TABLE(Severity.ERROR, "PLN122",
      "Table %s is declared by both %s and %s. Give one of them another @Table(name = ...) or schema."),
  DUPLICATE_COLUMN(Severity.ERROR, "PLN123",
      "Column '%s' appears twice in table %s (components '%s' and '%s')."
          + " Rename one with @Column(name = \"...\")."),
  ENUM_LABEL_TOO_LONG(Severity.ERROR, "PLN124",
      "Enum %s has %s, which is %d bytes long (UTF-8), but a PostgreSQL enum value has at most %d."
          + " %s"),
  DUPLICATE_ENUM_LABEL(Severity.ERROR, "PLN127",
      "Enum %s gives the label '%s' to both %s and %s, but the values of a PostgreSQL enum type are"
          + " distinct. Give one of them another @EnumValue."),
  SYSTEM_COLUMN_NAME(Severity.ERROR, "PLN125",
      "Column '%s' of table %s has the name of a PostgreSQL system column (tableoid, xmin, cmin,"
          + " xmax, cmax, ctid), which no table can use. Give it another name with"
          + " @Column(name = \"...\")."),
  RESERVED_SCHEMA(Severity.ERROR, "PLN126",
      "Schema '%s' is reserved: PostgreSQL keeps the names that start with pg_ for its own schemas"
          + " and refuses tables and types in them. Use another schema, such as %s."),

  // References between parts.
  UNKNOWN_COLUMN(Severity.ERROR, "PLN130",
      "%s names '%s', which is not a column of table %s. Its columns are: %s."),
  UNIQUE_WITHOUT_COLUMNS(Severity.ERROR, "PLN131",
      "@Unique on record %s names no columns. Write @Unique(columns = {\"a\", \"b\"}),"
          + " or put @Unique on the component."),
  NOT_A_TABLE(Severity.ERROR, "PLN132",
      "%s refers to %s, which is not a @Table record. Annotate %s with @Table, or refer to a table."),
  FK_NO_TARGET_KEY(Severity.ERROR, "PLN133",
      "%s refers to %s without naming its column(s), and %s has no primary key of %d column(s)."
          + " Name the referenced columns, or give %s a matching @Id."),
  FK_COLUMN_COUNT(Severity.ERROR, "PLN134",
      "Foreign key %s has %d column(s) but references %d. Name one referenced column per column."),
  FK_TARGET_NOT_UNIQUE(Severity.ERROR, "PLN135",
      "Foreign key %s references %s(%s), which is neither the primary key, a unique constraint nor"
          + " a unique index (of plain columns, not partial) of %s. Reference its primary key, or add"
          + " @Unique to those columns of %s."),
  FK_TYPE_MISMATCH(Severity.ERROR, "PLN136",
      "Foreign key %s: column '%s' is %s but the referenced column %s.%s is %s."
          + " Give both the same type."),

  UNIQUE_REPEATS_KEY(Severity.ERROR, "PLN137",
      "%s repeats %s on (%s); PostgreSQL would drop one of them silently. Remove it."),
  INDEX_WITHOUT_COLUMNS(Severity.ERROR, "PLN138",
      "@Index on record %s names no columns, so PostgreSQL cannot build it. Name the indexed columns"
          + " or expressions, such as @Index(columns = {\"%s\"}) or @Index(columns = \"lower(%s)\")."),
  REPEATED_COLUMN(Severity.ERROR, "PLN139",
      "%s names column '%s' more than once, and PostgreSQL refuses a key or index that repeats a"
          + " column. Remove the repetition."),
  UNIQUE_INDEX_METHOD(Severity.ERROR, "PLN140",
      "@Index(unique = true) uses method %s, but PostgreSQL builds unique indexes only with BTREE."
          + " Remove the method (BTREE is the default), or make the index not unique."),
  SET_NULL_ON_NOT_NULL(Severity.WARNING, "PLN141",
      "%s has %s = SET_NULL, but column '%s' is NOT NULL, so %s fails instead of setting it to"
          + " NULL. Make the column @Nullable, or choose another action (CASCADE, RESTRICT or"
          + " NO_ACTION)."),

  // Annotations that have no effect.
  IGNORED_ANNOTATIONS(Severity.WARNING, "PLN150",
      "%s %s has %s but no @Table, so Plinth ignores %s. %s"),
  UNKNOWN_ACKNOWLEDGE(Severity.WARNING, "PLN151",
      "@Acknowledge names %s, which is not a warning that can be acknowledged, so it has no effect."
          + " Acknowledge one of %s, or remove it."),
  PARTITION_WITHOUT_PARTITION_BY(Severity.ERROR, "PLN400",
      "%s is on %s, which has no @PartitionBy. Declare how the table is partitioned, e.g."
          + " @PartitionBy(type = PartitionType.RANGE, columns = \"createdAt\"), or remove it."),
  PARTITION_KEY_NOT_IN_KEY(Severity.ERROR, "PLN401",
      "%s of %s does not include partition column(s) %s, but PostgreSQL enforces a key of a"
          + " partitioned table per partition, so it must include every partition column."
          + " Mark %s @Id too (or add it to the constraint's columns)."),
  PARTITION_BOUND(Severity.ERROR, "PLN402",
      "Partition '%s' of %s does not fit PARTITION BY %s: %s"),
  TIME_PARTITIONS(Severity.ERROR, "PLN403",
      "@TimePartitions on %s: %s Example: @TimePartitions(start = \"2026-01\", count = 12,"
          + " interval = TimeInterval.MONTH)."),
  DUPLICATE_PARTITION(Severity.ERROR, "PLN404",
      "Partition '%s' of %s is declared twice (%s). Give each partition its own name and bounds."),
  PARTITIONING_IN_PLACE(Severity.ERROR, "PLN405",
      "Table %s %s, but PostgreSQL cannot change that in place. Keep the table as it is, and"
          + " declare a new table (another record) with the partitioning you want, copy the rows"
          + " into it in a migration of your own, then drop the old one."),
  PARTITION_INDEX_CONCURRENTLY(Severity.ERROR, "PLN406",
      "Index %s is on partitioned table %s, whose indexes PostgreSQL cannot build CONCURRENTLY."
          + " Remove concurrently = true (the index is built in the migration's transaction)."),
  PARTITION_NAME_TAKEN(Severity.ERROR, "PLN407",
      "Partition '%s' of %s has the name of %s. Give the partition another name, e.g. '%s_p'."),
  VIEW_NOT_RECORD(Severity.ERROR, "PLN142",
      "@View is on %s, which is not a record. Declare it as a record whose components are the"
          + " view's columns: `record %s(...) {}`."),
  VIEW_WITHOUT_SQL(Severity.ERROR, "PLN143",
      "@View on %s has no query. Write it in sql, as after CREATE VIEW ... AS:"
          + " @View(sql = \"SELECT id, email FROM users\")."),
  RENAMED_FROM_UNMATCHED(Severity.WARNING, "PLN152",
      "@RenamedFrom(\"%s\") on %s matches nothing in the committed schema, so it is ignored and %s"
          + " is created as new. Write the previous name there, or remove the annotation."),
  BACKFILL_IGNORED(Severity.WARNING, "PLN153",
      "@Backfill on column '%s' of %s does nothing: the column does not become NOT NULL in this"
          + " compile (%s). Remove the annotation (it may be left from a migration already"
          + " generated), or remove @Nullable from the component to make the column NOT NULL."),
  BACKFILL_WITHOUT_KEY(Severity.ERROR, "PLN154",
      "@Backfill on column '%s' of %s cannot be undone: the table has no primary key, so rolling"
          + " back could not find the rows it filled to set them back to NULL. Give the record an"
          + " @Id, or remove @Backfill and fill the NULL rows with a hand-written migration."),

  // Migration safety, checked on the changes a new migration makes.
  NOT_NULL_WITHOUT_DEFAULT(Severity.ERROR, "PLN301",
      "New column '%s' of existing table %s is NOT NULL without a default: the migration fails on"
          + " any table with rows. Give it a @Default, or make it @Nullable, backfill it, and make it"
          + " NOT NULL in a later migration. (If the table is always empty: @Acknowledge(\"PLN301\").)"),
  REWRITING_DEFAULT(Severity.WARNING, "PLN302",
      "New column '%s' of existing table %s has a volatile default (%s) or identity: PostgreSQL"
          + " rewrites the whole table under an exclusive lock. Add it without the default and"
          + " backfill in batches, or @Acknowledge(\"PLN302\")."),
  REWRITING_TYPE_CHANGE(Severity.WARNING, "PLN303",
      "Changing column '%s' of %s from %s to %s rewrites the table under an exclusive lock."
          + " On a large table, add a new column and backfill instead, or @Acknowledge(\"PLN303\")."),
  INDEX_NOT_CONCURRENT(Severity.WARNING, "PLN304",
      "Index %s on existing table %s is built without CONCURRENTLY, blocking writes while it builds."
          + " Use @Index(concurrently = true), or @Acknowledge(\"PLN304\") for a small table."),
  UNIQUE_ON_EXISTING(Severity.WARNING, "PLN305",
      "Unique constraint %s on existing table %s %sfails if existing rows repeat a value. Check the"
          + " data, or @Acknowledge(\"PLN305\")."),
  SET_NOT_NULL(Severity.WARNING, "PLN306",
      "Column '%s' of %s becomes NOT NULL: the migration fails if any row holds NULL (it is checked"
          + " with a NOT VALID constraint first, so writes are blocked only briefly). State the value"
          + " for those rows with @Backfill(\"expression\") on the component (the migration fills"
          + " them first, and its rollback empties them again), or, if no row holds NULL,"
          + " @Acknowledge(\"PLN306\")."),
  DROPS_TABLE(Severity.WARNING, "PLN307",
      "The migration drops table %s and its %d column(s): its rows are kept in schema %s for the"
          + " rollback until `prune-backups`, but code that still uses it breaks."
          + " @Acknowledge(\"PLN307\") on another record of the schema to confirm."),
  DETACHES_PARTITION(Severity.WARNING, "PLN408",
      "The migration detaches partition %s of %s: its rows leave the table (they are kept in schema"
          + " %s for the rollback until `prune-backups`), and queries of the table no longer see them."
          + " @Acknowledge(\"PLN408\") on the record to confirm."),
  ADDS_PARTITION(Severity.WARNING, "PLN409",
      "The migration adds partition %s to existing table %s: creating it locks the table against"
          + " reads and writes for a moment, and while the rows of its bounds move out of the default"
          + " partition if the table has one. Run it when the table is quiet, or @Acknowledge(\"PLN409\")"
          + " on the record."),
  DROPS_COLUMN(Severity.WARNING, "PLN308",
      "The migration drops column '%s' (%s) of %s: its values are kept in schema %s for the rollback"
          + " until `prune-backups`, but clients still running code that reads it break. Stage it:"
          + " first release code that no longer uses the column, then drop it;"
          + " @Acknowledge(\"PLN308\") to confirm."),
  LOSSY_REVERSE(Severity.WARNING, "PLN309",
      "Table %s keeps no primary key through this migration, so the values that it removes from"
          + " column '%s' cannot be matched to their rows for the rollback: its reverse restores the"
          + " column empty. Keep an @Id column unchanged, or @Acknowledge(\"PLN309\")."),
  NO_PRIMARY_KEY(Severity.WARNING, "PLN312",
      "Table %s has no primary key (@Id): rows cannot be matched, so a later migration that narrows"
          + " one of its columns cannot keep the values for the rollback. Add an @Id, or"
          + " @Acknowledge(\"PLN312\")."),
  ENUM_VALUES_REMOVED(Severity.WARNING, "PLN313",
      "The migration removes value(s) %s from enum type %s: rows holding one get NULL or the column"
          + " default (a NOT NULL column without default makes the migration fail, changing nothing);"
          + " the old values are kept for the rollback. Update those rows first in a hand-written"
          + " migration if they need another value, or @Acknowledge(\"PLN313\") on a record that uses"
          + " the type."),
  ENUM_REBUILT(Severity.WARNING, "PLN323",
      "Enum type %s is rebuilt to put its values in a new order (%s becomes %s): every column of the"
          + " type changes to the rebuilt type, which rewrites its table under a lock that blocks"
          + " reads and writes, and clients still running the old code may compare or sort the"
          + " values differently. Keep the order and add new values after the others (ALTER TYPE ..."
          + " ADD VALUE, no rewrite), or @Acknowledge(\"PLN323\") on a record that uses the type."),
  DOMAIN_CONSTRAINT_ADDED(Severity.WARNING, "PLN324",
      "Domain %s gets %s: PostgreSQL checks every value of every column that uses the domain"
          + " (arrays of it excepted) while it holds a lock on their tables, so on large tables writes"
          + " wait for the scan. Run the migration when those tables are quiet, or @Acknowledge(\"PLN324\")"
          + " on a record with a column of the domain."),
  NULL_REFUSING_DOMAIN_COLUMN(Severity.ERROR, "PLN325",
      "New column '%s' of existing table %s has type %s, a domain that refuses NULL and has no default:"
          + " PostgreSQL checks the domain for every existing row as the column is added, so the"
          + " migration fails on any table with rows. Give the column a @Default (or the domain a"
          + " default), or add the column as the domain's base type (%s), fill it, and change its type"
          + " to the domain in a later migration. (If the table is always empty:"
          + " @Acknowledge(\"PLN325\").)"),
  ROLLBACK_DROPS_VALUES(Severity.WARNING, "PLN314",
      "Rolling this migration back cannot keep the values written into column '%s' of %s since it"
          + " was added: the table has no primary key from before this migration to match rows by, so"
          + " the reverse drops them. Give the table an @Id in an earlier migration, or"
          + " @Acknowledge(\"PLN314\")."),
  RENAMES_TABLE(Severity.WARNING, "PLN315",
      "Table %s is renamed to %s, so clients still running the old code (the release before this"
          + " one, during a deploy) fail on the old name. Stage it: first release code that no longer"
          + " names %s (or keep the old name working for them with a view in a hand-written"
          + " migration), then rename; or @Acknowledge(\"PLN315\") on the record if no running client"
          + " uses it."),
  RENAMES_COLUMN(Severity.WARNING, "PLN316",
      "Column '%s' of %s is renamed to '%s', so clients still running the old code fail on the old"
          + " name. Stage it (expand, then contract): add '%s' as a new column, write both and"
          + " backfill, move the readers to it, and drop '%s' in a later release; or"
          + " @Acknowledge(\"PLN316\") on the component if no running client uses it."),
  RETYPES_COLUMN(Severity.WARNING, "PLN317",
      "Column '%s' of %s changes type from %s to %s, so clients still running the old code may"
          + " fail to read or write it. Stage it (expand, then contract): add a new column of type %s,"
          + " write both and backfill, move the readers to it, and drop the old one in a later"
          + " release; or @Acknowledge(\"PLN317\") on the component if every running client handles"
          + " both types."),
  DROPS_NOT_NULL(Severity.WARNING, "PLN318",
      "Column '%s' of %s becomes nullable, so clients still running the old code, which expect a"
          + " value in every row, may fail on the NULLs that new code writes. Release code that"
          + " handles NULL first, then make it @Nullable; or @Acknowledge(\"PLN318\") on the"
          + " component if every running client does."),
  PRIMARY_KEY_ON_EXISTING(Severity.WARNING, "PLN319",
      "Primary key %s on existing table %s %sfails if rows repeat a value or hold NULL. Check the data%s,"
          + " or @Acknowledge(\"PLN319\") on the record."),
  INTEGER_COLUMN(Severity.NOTE, "PLN320",
      "Column '%s' of %s is %s, which holds at most %s: a key or counter fed by a sequence can run"
          + " out, and widening it later rewrites the table under an exclusive lock. Use long"
          + " (bigint) for keys and anything that grows, or @Acknowledge(\"PLN320\") on the"
          + " component if the range is enough."),
  TIMESTAMP_WITHOUT_TIME_ZONE(Severity.NOTE, "PLN321",
      "Column '%s' of %s is timestamp without time zone (LocalDateTime): the same value is a"
          + " different instant for clients in other time zones, and now() is stored as the"
          + " session's local time. Use Instant or OffsetDateTime (timestamp with time zone), or"
          + " @Acknowledge(\"PLN321\") on the component for a wall-clock time."),
  VARCHAR_LENGTH(Severity.NOTE, "PLN322",
      "Column '%s' of %s is %s: changing that length later locks the table against reads and"
          + " writes (and a shorter one checks every row). Prefer a String without length (text)"
          + " and a check that can change without the lock, such as"
          + " @Check(\"char_length(%s) <= %s\"), or @Acknowledge(\"PLN322\") on the component."),
  AMBIGUOUS_COLUMN(Severity.ERROR, "PLN310",
      "Column '%s' is new in %s and column '%s' disappeared: is it a rename or a drop? If renamed,"
          + " write @RenamedFrom(\"%s\") on it (keeps the data); if '%s' is dropped on purpose, write"
          + " @Dropped(columns = \"%s\") on the record."),
  AMBIGUOUS_TABLE(Severity.ERROR, "PLN311",
      "Table %s is new and the similar table %s disappeared: is it a rename or a drop? If renamed,"
          + " write @RenamedFrom(\"%s\") on the record (keeps the data); if %s is dropped on purpose,"
          + " write @Dropped(tables = \"%s\") on it."),

  // Migrations folder and check mode.
  NO_MIGRATIONS_FOLDER(Severity.WARNING, "PLN200",
      "No migrations folder is set, so the schema was checked but no migration was written."
          + " Pass -Aplinth.migrations=<folder> to javac (Maven: compilerArgs)."),
  MIGRATION_WRITTEN(Severity.NOTE, "PLN201", "Plinth wrote migration %s (%d change(s)) and its reverse %s."),
  FILE_RESTORED(Severity.NOTE, "PLN202", "Plinth restored the missing %s from its journal %s."),
  NOTHING_WRITTEN(Severity.NOTE, "PLN203",
      "Plinth wrote nothing to the migrations folder because the compilation has errors."
          + " Fix them and compile again to write the migration."),
  CHECK_SCHEMA_CHANGED(Severity.ERROR, "PLN210",
      "The schema records differ from the committed migrations (%s). Compile without"
          + " -Aplinth.check=true to generate V%s, review it, and commit it."),
  CHECK_FILE_DIFFERS(Severity.ERROR, "PLN211",
      "%s is not what Plinth generates from %s (edited by hand, or stale)."
          + " Restore it with `git checkout -- %s`; if the migration has not shipped yet, delete"
          + " its files and recompile to regenerate it."),
  CHECK_FILE_MISSING(Severity.ERROR, "PLN212",
      "%s is missing but its journal %s exists. Compile without -Aplinth.check=true to restore it,"
          + " and commit it."),
  JOURNAL_UNREADABLE(Severity.ERROR, "PLN213",
      "Cannot read the schema journal %s: %s. Restore it from version control."),
  SUM_OUT_OF_DATE(Severity.ERROR, "PLN215",
      "%s does not match the migration files (%s). Compile without -Aplinth.check=true to update"
          + " it, review the change, and commit it."),
  DUPLICATE_VERSION(Severity.ERROR, "PLN220",
      "Two migrations have version %s: %s (two branches each added one). Keep the one that is on"
          + " the main line and regenerate the other after it: compile once with the annotation"
          + " processor option -Aplinth.rebase=<slug>, where <slug> is your branch's migration (%s),"
          + " then drop the option. Maven: <compilerArgs><arg>-Aplinth.rebase=<slug></arg>"
          + "</compilerArgs> in the maven-compiler-plugin configuration (or"
          + " <arg>-Aplinth.rebase=${plinth.rebase}</arg> with an empty <plinth.rebase> property,"
          + " and -Dplinth.rebase=<slug> on the command line). Gradle: options.compilerArgs +="
          + " ['-Aplinth.rebase=<slug>'] on the JavaCompile task."),
  REBASE_UNKNOWN(Severity.ERROR, "PLN221",
      "-Aplinth.rebase names '%s', which is not a generated migration here. Generated migrations: %s."
          + " Pass -Aplinth.rebase=<slug> with one of them, or remove the option from the compiler"
          + " arguments (Maven <compilerArgs>, Gradle options.compilerArgs) if no rebase is due."),
  REBASED(Severity.NOTE, "PLN222",
      "Removed %s (and its reverse and journal) to regenerate its changes after the main line's migrations."),
  INVALID_OPTION(Severity.ERROR, "PLN230", "-A%s=%s is not valid: %s Example: -A%s=%s."),
  LOST_JOURNAL(Severity.ERROR, "PLN216",
      "%s has no journal entry, but it is exactly the migration Plinth generates for the schema's"
          + " pending change (%s): its journal %s was deleted or not committed. Restore the journal"
          + " from version control (`git checkout -- %s`); or, if this migration has not been"
          + " applied to any database, delete %s and recompile to generate it again. (Left as it"
          + " is, the same change would be generated twice.)"),
  MERGE_CONFLICT(Severity.ERROR, "PLN217",
      "%s holds an unresolved merge conflict (git's <<<<<<< and >>>>>>> markers). Plinth's files"
          + " are generated, not merged by hand: %s Then compile again: if both branches added a"
          + " migration, Plinth reports it (PLN220), and compiling once with"
          + " -Aplinth.rebase=<slug> generates your branch's migration again after the main"
          + " line's."),
  WRITE_FAILED(Severity.ERROR, "PLN218",
      "Cannot write %s (%s), so Plinth wrote none of this compile's files: the migrations folder is"
          + " as it was. Make sure the migrations folder (-Aplinth.migrations) and its migration,"
          + " rollback and schema folders can be written, then compile again."),
  IO_FAILED(Severity.ERROR, "PLN214",
      "%s (%s). Check that the migrations folder (-Aplinth.migrations) exists and is writable."),

  // Seed builders and seed sets.
  NOT_A_SEED_SOURCE(Severity.ERROR, "PLN500",
      "@SeedSet is on %s, which does not implement SeedSource<Seeds>. Declare it as"
          + " `public final class %s implements SeedSource<Seeds>` with the Seeds class generated"
          + " in the package of your @Table records."),
  SEED_SET_NOT_INSTANTIABLE(Severity.ERROR, "PLN501",
      "Seed set %s must be a public, non-abstract top-level or static nested class with a public"
          + " no-argument constructor, so that the runner can create it."),
  SEED_SET_WITHOUT_ENVIRONMENT(Severity.ERROR, "PLN502",
      "@SeedSet on %s names no environment. Add one, such as @SeedSet(env = {\"dev\", \"test\"})."),
  SEED_WRITE_FAILED(Severity.ERROR, "PLN503", "Cannot write %s: %s"),

  KEY_REBUILT(Severity.WARNING, "PLN340",
      "%s of %s changes whether it is deferrable (%s to %s). PostgreSQL cannot change that in place"
          + " for a primary key or unique constraint, so the migration drops it and adds it again in"
          + " the same transaction: its index is built again while the table is locked against"
          + " writes. Run it when the table is quiet, or @Acknowledge(\"PLN340\") on the record."),
  STORAGE_PARAMETER(Severity.ERROR, "PLN341",
      "@Index(with = \"%s\") is not a storage parameter: write it as name = value, such as"
          + " with = \"fillfactor = 70\"."),
  FK_TARGET_DEFERRABLE(Severity.ERROR, "PLN342",
      "Foreign key %s references %s (%s) of %s, which is deferrable, but PostgreSQL lets a foreign"
          + " key reference only a key checked after each statement. Make that key NOT_DEFERRABLE"
          + " (the foreign key itself may be deferrable), or reference another key."),
  NULLS_NOT_DISTINCT_NOT_UNIQUE(Severity.ERROR, "PLN343",
      "@Index(nullsNotDistinct = true) on %s is not unique, and only a unique index compares NULLs."
          + " Add unique = true, or remove nullsNotDistinct."),
  REPEATED_STORAGE_PARAMETER(Severity.ERROR, "PLN344",
      "@Index(with) sets storage parameter '%s' twice. Keep one of them."),
  REFRESH_LOCKS_READERS(Severity.WARNING, "PLN410",
      "Materialized view %s is refreshed without CONCURRENTLY: REFRESH MATERIALIZED VIEW holds an"
          + " ACCESS EXCLUSIVE lock for the whole refresh, so every query reading the view waits"
          + " until the query is run again and stored. Give the view a unique index on plain columns"
          + " without a WHERE, such as @Index(columns = \"%s\", unique = true) on its record, and the"
          + " refresh is done CONCURRENTLY; or @Acknowledge(\"PLN410\") on the record if readers may wait."),
  REFRESH_NOT_MATERIALIZED(Severity.ERROR, "PLN411",
      "@View(refresh = %d) on %s asks to refresh a view that is not materialized: a view stores no"
          + " rows, so there is nothing to refresh. Remove refresh, or add materialized = true."),
  REFRESH_NEGATIVE(Severity.ERROR, "PLN412",
      "@View(refresh = %d) on %s is negative. It counts the refreshes asked for: it starts at 0 and"
          + " each raise (refresh = 1, then 2, ...) makes the next migration refresh the view."),
  VIEW_OPTION_MATERIALIZED(Severity.ERROR, "PLN413",
      "@View(%s) on %s is an option of a view, and %s is materialized: PostgreSQL has no such option"
          + " for a materialized view, whose rows are stored (grant what its readers may see"
          + " instead). Remove %s, or remove materialized = true."),
  VIEW_RECREATED_LOSES(Severity.WARNING, "PLN414",
      "Migration V%s or its rollback drops view %s and creates it again from its record, but"
          + " plinth.external lists what a hand-written migration gave it and the record does not"
          + " declare (%s): the view"
          + " created again is without it, and so is the one the rollback creates. Declare on @View"
          + " what Plinth models (securityBarrier, checkOption, securityInvoker, comment; @Grant);"
          + " for the rest, write the hand-written migration V%s__restore_%s.sql (and its reverse"
          + " rollback/U%s__restore_%s.sql) that gives the view it again, right after V%s (a"
          + " rollback past V%s needs those statements run again). Then @Acknowledge(\"PLN414\")"
          + " on the record."),
  // Declared schemas (@DbSchema).
  RENAMES_SCHEMA(Severity.NOTE, "PLN370",
      "Schema %s is renamed to %s in place (ALTER SCHEMA ... RENAME TO), with everything in it."
          + " Code and SQL that name the schema %s (a search_path, a hand-written query) must use %s"
          + " from this migration on."),
  DECLARED_SCHEMA_NOT_EMPTY(Severity.ERROR, "PLN371",
      "The declaration of schema '%s' (@DbSchema in package %s) is gone, but %s still live in it,"
          + " so the schema cannot be dropped. Move them to another schema (@Table(schema = ...)),"
          + " delete them, or keep the @DbSchema(name = \"%s\") declaration."),
  SCHEMA_PUBLIC(Severity.ERROR, "PLN372",
      "@DbSchema(name = \"public\") on package %s: the public schema always exists and cannot be"
          + " declared. Remove the annotation, or name another schema."),
  DUPLICATE_SCHEMA(Severity.ERROR, "PLN373",
      "Schema '%s' is declared by both package %s and package %s. Keep @DbSchema on one of them;"
          + " records of the other package can name it with @Table(schema = \"%s\")."),
  SCHEMA_RENAME_TARGET_TAKEN(Severity.ERROR, "PLN374",
      "@DbSchema(name = \"%s\", renamedFrom = \"%s\"): schema '%s' is still used by %s, so it"
          + " cannot be renamed. Move those objects first, or remove renamedFrom to create '%s' as"
          + " a new schema."),
  // Functions and triggers.
  FUNCTION_RESOURCE_MISSING(Severity.ERROR, "PLN380",
      "@Function %s names the resource '%s', which is not found (looked in %s). Create the file with"
          + " the function's body (as between the $$ of CREATE FUNCTION), or correct the path."),
  FUNCTION_EMPTY_BODY(Severity.ERROR, "PLN381",
      "@Function %s: the resource '%s' is empty. Write the function's body in it."),
  DUPLICATE_FUNCTION(Severity.ERROR, "PLN382",
      "Function %s is declared twice (on %s and on %s). Plinth keeps one function per name: remove"
          + " one, or give it another name."),
  DUPLICATE_DOMAIN(Severity.ERROR, "PLN440",
      "Domain %s is declared twice (on %s and on %s). Plinth keeps one domain per name: remove one,"
          + " or give it another name."),
  DOMAIN_DUPLICATE_CHECK(Severity.ERROR, "PLN441",
      "Domain %s has two checks named '%s'. Give each @Check of the domain a name of its own."),
  DOMAIN_BASE_TYPE_CHANGED(Severity.ERROR, "PLN442",
      "Domain %s: its %s changes from %s to %s, which PostgreSQL cannot alter in place, and columns"
          + " use it (%s). Declare a domain of another name with the new %s, move the columns to it"
          + " (@Column(type = \"...\")), and remove this one in a later migration."),
  DOMAIN_CONSTRAINT_OVER_ARRAYS(Severity.ERROR, "PLN449",
      "Domain %s: %s, while %s hold%s an array of it. PostgreSQL cannot add a domain's NOT NULL or"
          + " check while a column holds an array of the domain (ALTER DOMAIN fails: cannot alter type"
          + " because the column uses it), so %s would fail. Retype %s to %s[] in a migration of its"
          + " own, change the domain in the next, and retype %s back in a later one; or keep the"
          + " domain's NOT NULL and checks as they are."),
  DOMAIN_EMPTY(Severity.ERROR, "PLN443",
      "@Domain %s: the %s is empty. Write it, e.g. @Domain(name = \"email_address\", type = \"text\")."),
  DUPLICATE_TRIGGER(Severity.ERROR, "PLN383",
      "Table %s has two triggers named '%s'. Give each @Trigger a name of its own."),
  TRIGGER_WITHOUT_EVENTS(Severity.ERROR, "PLN384",
      "@Trigger '%s' on %s names no event. Say when it fires, such as"
          + " events = {TriggerEvent.INSERT, TriggerEvent.UPDATE}."),
  TRIGGER_INSTEAD_OF_ON_TABLE(Severity.ERROR, "PLN385",
      "@Trigger '%s' on %s is INSTEAD_OF, which PostgreSQL allows on views only. Use BEFORE or AFTER."),
  TRIGGER_UNKNOWN_FUNCTION(Severity.ERROR, "PLN386",
      "@Trigger '%s' on %s executes %s, which no @Function declares. Declare it with @Function, or,"
          + " when a hand-written migration or an extension creates it, name it with its schema"
          + " (function = \"pg_catalog.suppress_redundant_updates_trigger\")."),
  VIEW_RESOURCE_MISSING(Severity.ERROR, "PLN388",
      "@View on %s names the resource '%s', which is not found (looked in %s). Create the file with"
          + " the view's query, or correct the path."),
  VIEW_SQL_AND_RESOURCE(Severity.ERROR, "PLN389",
      "@View on %s has both sql and resource. Keep the query in one place: remove one of them."),
  TRIGGER_TRUNCATE_FOR_EACH_ROW(Severity.ERROR, "PLN387",
      "@Trigger '%s' on %s fires on TRUNCATE for each row, which PostgreSQL refuses. Use"
          + " forEach = Trigger.Level.STATEMENT, or leave TRUNCATE out."),
  // Row-level security, policies, grants and roles.
  ROLE_NOT_DECLARED(Severity.ERROR, "PLN390",
      "%s names role '%s', which no @Role declares. Add @Role(\"%s\") to package-info.java or to a"
          + " record of the schema (the migration creates the role when the cluster lacks it), or"
          + " name a declared role."),
  POLICY_EXPRESSION_FOR_COMMAND(Severity.ERROR, "PLN391",
      "@Policy '%s' is for %s, which PostgreSQL allows %s only. Remove %s, or choose another command."),
  DUPLICATE_POLICY(Severity.ERROR, "PLN392",
      "@Policy '%s' is declared twice on %s. Give each policy of a table its own name."),
  GRANT_WITHOUT_PRIVILEGES(Severity.ERROR, "PLN393",
      "@Grant(to = \"%s\") on %s lists no privilege. Add privileges = {Privilege.SELECT, ...}, or"
          + " remove the @Grant."),
  POLICY_WITHOUT_ROW_SECURITY(Severity.WARNING, "PLN394",
      "Table %s has policies (%s) but no @RowLevelSecurity, so PostgreSQL does not apply them: every"
          + " role with privileges on it sees and changes every row. Add @RowLevelSecurity to the"
          + " record, or @Acknowledge(\"PLN394\") if the policies are meant to wait."),
  ROW_SECURITY_WITHOUT_POLICY(Severity.WARNING, "PLN395",
      "Table %s has @RowLevelSecurity but no @Policy, so every role other than its owner sees none"
          + " of its rows and can write none. Add a @Policy, or @Acknowledge(\"PLN395\") if that is"
          + " meant."),
  ROLE_KEPT(Severity.WARNING, "PLN396",
      "Role '%s' is no longer declared: the migration leaves it in the cluster, whose other"
          + " databases may use it (a rollback does not drop it either). Once nothing uses it, drop"
          + " it by hand: DROP ROLE \"%s\";"),
  DUPLICATE_GRANT(Severity.ERROR, "PLN397",
      "%s has two @Grant(to = \"%s\"). Write one @Grant per role, with all its privileges."),
  GRANT_PRIVILEGE_NOT_ON(Severity.ERROR, "PLN444",
      "@Grant(to = \"%s\") on %s gives %s on %s, which it cannot have there. A table or view takes"
          + " SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER; a sequence (sequence ="
          + " \"...\", on a @Table record only) takes USAGE, SELECT, UPDATE; a function (function ="
          + " \"...\") takes EXECUTE. Remove it, or write a @Grant for the sequence or function."),
  GRANT_UNKNOWN_FUNCTION(Severity.ERROR, "PLN445",
      "@Grant(to = \"%s\", function = \"%s\") on %s names a function that no @Function of %s"
          + " declares (%s). Put the @Grant on the type whose @Function declares the function, or"
          + " name one that this type declares."),
  GRANT_PRIVILEGE_NOT_ON_FUNCTION(Severity.ERROR, "PLN446",
      "@Grant(to = \"%s\", function = \"%s\") on %s gives %s, which a function cannot have: a"
          + " function takes EXECUTE only. Write privileges = Privilege.EXECUTE."),
  GRANT_FUNCTION_AND_SEQUENCE(Severity.ERROR, "PLN447",
      "@Grant(to = \"%s\") on %s names both sequence = \"%s\" and function = \"%s\", but a @Grant"
          + " is on one object. Write one @Grant for the sequence and another for the function."),
  GRANT_FUNCTION_AMBIGUOUS(Severity.ERROR, "PLN448",
      "@Grant(to = \"%s\", function = \"%s\") on %s could mean %s. Name the function with its"
          + " schema, such as function = \"%s\"."),
  ROLE_DECLARED_TWICE(Severity.ERROR, "PLN398",
      "@Role(\"%s\") is declared on %s and again on %s. Declare each role once."),
  POLICY_WITHOUT_EXPRESSION(Severity.ERROR, "PLN399",
      "@Policy '%s' has neither using nor withCheck, so it says nothing about rows. Add"
          + " using = \"...\" (rows it lets the roles see and change) and/or withCheck = \"...\" (rows"
          + " it lets them write)."),
  // Declared sequences and extensions.
  SEQUENCE_OPTION(Severity.ERROR, "PLN430",
      "@Sequence '%s': %s, so PostgreSQL would refuse the migration. %s"),
  SEQUENCE_TYPE(Severity.ERROR, "PLN431",
      "@Sequence '%s' has type '%s'; a sequence is smallint, integer or bigint. Write one of them,"
          + " such as type = \"integer\", or remove type for bigint."),
  SEQUENCE_OWNER(Severity.ERROR, "PLN432",
      "@Sequence '%s' has ownedBy = \"%s\", which names no column of a table of schema %s. Write"
          + " ownedBy = \"table.column\" with the SQL names of a column of a table in the sequence's"
          + " schema, or remove ownedBy."),
  SEQUENCE_DECLARED_TWICE(Severity.ERROR, "PLN433",
      "@Sequence '%s' is declared on %s and again on %s. Declare each sequence once."),
  EXTENSION_DECLARED_TWICE(Severity.ERROR, "PLN434",
      "@Extension(\"%s\") is declared on %s and again on %s with another schema or version. Declare"
          + " each extension once, or give both declarations the same schema and version."),
  SEQUENCE_NAME_TAKEN(Severity.ERROR, "PLN435",
      "@Sequence '%s' has the name of %s, and PostgreSQL keeps sequences, tables, views and indexes"
          + " of a schema in one namespace. Give the sequence another name."),

  INTERNAL_ERROR(Severity.ERROR, "PLN299",
      "Plinth failed unexpectedly (%s). Please report it together with the records that caused it.");

  /** The warnings that {@code @Acknowledge} can silence: the migration safety checks. */
  private static final Set<Message> ACKNOWLEDGEABLE = EnumSet.of(NOT_NULL_WITHOUT_DEFAULT,
      REWRITING_DEFAULT, REWRITING_TYPE_CHANGE, INDEX_NOT_CONCURRENT, UNIQUE_ON_EXISTING,
      SET_NOT_NULL, DROPS_TABLE, DROPS_COLUMN, LOSSY_REVERSE, NO_PRIMARY_KEY, ENUM_VALUES_REMOVED,
      RENAMES_TABLE, RENAMES_COLUMN, RETYPES_COLUMN, DROPS_NOT_NULL, PRIMARY_KEY_ON_EXISTING,
      INTEGER_COLUMN, TIMESTAMP_WITHOUT_TIME_ZONE, VARCHAR_LENGTH, ENUM_REBUILT, KEY_REBUILT, COLLATION_CHANGED,
      DOMAIN_CONSTRAINT_ADDED, NULL_REFUSING_DOMAIN_COLUMN,
      GENERATED_READDED, GENERATED_FROM_PLAIN, DROPS_GENERATED, ADDS_GENERATED, POLICY_WITHOUT_ROW_SECURITY,
      ROW_SECURITY_WITHOUT_POLICY, DETACHES_PARTITION, ADDS_PARTITION, REFRESH_LOCKS_READERS,
      VIEW_RECREATED_LOSES);

  /** The ids {@code @Acknowledge} takes, sorted. */
  public static List<String> acknowledgeableIds() {
    return ACKNOWLEDGEABLE.stream().map(Message::id).sorted().toList();
  }

  /** How severe a message is. */
  public enum Severity { ERROR, WARNING, NOTE }

  private final Severity severity;
  private final String id;
  private final String template;

  Message(Severity severity, String id, String template) {
    this.severity = severity;
    this.id = id;
    this.template = template;
  }

  public Severity severity() {
    return severity;
  }

  public String id() {
    return id;
  }

  /** The text with its id, such as {@code [PLN130] @Index names 'emial', ...}. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(Locale.ROOT, template, args);
  }
}
