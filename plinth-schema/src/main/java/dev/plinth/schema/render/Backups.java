package dev.plinth.schema.render;

import dev.plinth.schema.diff.ColumnUses;
import dev.plinth.schema.diff.EnumUses;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Where one migration's lossless destructive steps keep what they remove: a schema per migration
 * version and source schema, such as {@code plinth_backup_v7_public}. A dropped table is moved
 * there whole; a dropped or narrowed column's values are copied there with their row keys, into a
 * table named {@code <table>.<column>}. The reverse script puts everything back and drops the
 * schema; {@code prune-backups} removes backups that are no longer wanted.
 */
public record Backups(String version) {
  /** The prefix of every backup schema, which catalog comparisons leave out. */
  public static final String SCHEMA_PREFIX = "plinth_backup_v";

  public String schema(String source) {
    return Names.withSuffix(SCHEMA_PREFIX + version, source);
  }

  /**
   * The start of a tenant's backup schema, which the tenant's schema name completes at run time:
   * {@code plinth_backup_v7_} (see {@link TenantNames}).
   */
  public String tenantSchemaPrefix() {
    return SCHEMA_PREFIX + version + "_";
  }

  /** Where a table moved to the backup is: the same name in the backup schema. */
  QualifiedName kept(QualifiedName table) {
    return new QualifiedName(schema(table.schema()), table.name());
  }

  QualifiedName columnTable(QualifiedName table, String column) {
    return new QualifiedName(schema(table.schema()), Names.fit(table.name() + "." + column));
  }

  /**
   * The mark that the migration created extension {@code name} (it did not exist): an empty table,
   * which the reverse looks for before it drops the extension.
   */
  QualifiedName extensionMark(String name) {
    return new QualifiedName(schema(QualifiedName.DEFAULT_SCHEMA), markName(name));
  }

  /** The table name of the mark of extension {@code name}, in any migration's backup schema. */
  static String markName(String name) {
    return Names.fit("extension " + name);
  }

  String createSchema(String source) {
    return "CREATE SCHEMA IF NOT EXISTS " + Sql.ident(schema(source)) + ";";
  }

  /**
   * Copies a column's values, with the row key, into the backup. Enum values are kept as text, so
   * that the backup never holds on to a type that a later migration changes or drops.
   */
  String saveColumn(QualifiedName table, Column column, List<String> key) {
    return saveColumn(table, column, Sql.idents(key));
  }

  /**
   * Copies a column's values into the backup with the values, as text, of the columns that
   * {@link #putBackByValues} matches rows by.
   */
  String saveColumnByValues(QualifiedName table, Column column, List<String> match) {
    return saveColumn(table, column, match.stream()
        .map(m -> Sql.ident(m) + "::text AS " + Sql.ident(m)).collect(Collectors.joining(", ")));
  }

  private String saveColumn(QualifiedName table, Column column, String keys) {
    String value = Sql.ident(column.name());
    if (EnumUses.keptAsText(column)) {
      value += (column.type().endsWith("[]") ? "::text[]" : "::text") + " AS " + Sql.ident(column.name());
    }
    return "CREATE TABLE " + Sql.ident(columnTable(table, column.name())) + " AS SELECT "
        + keys + ", " + value + " FROM " + Sql.ident(table) + ";";
  }

  /**
   * Labels what rolling back a migration kept (a table, or a column's values) with what it was
   * kept from, so that migrating again takes back only what the same migration made; another
   * edition of the migration (amended after the rollback) finds a different label.
   */
  String label(QualifiedName backup, String definition) {
    return "COMMENT ON TABLE " + Sql.ident(backup) + " IS " + Sql.literal(labelText(definition)) + ";";
  }

  private String labelText(String definition) {
    return "Kept by rolling back version " + version + " (" + Names.sha256(definition).substring(0, 16) + ")";
  }

  /**
   * One PL/pgSQL block for what migrating again does with what a rollback may have kept in
   * {@code backup}: {@code present} when it is there with the label of {@code definition},
   * {@code absent} when it is not; refusing with {@code refusal} when it is there with another.
   */
  String ifKept(QualifiedName backup, String definition, String refusal, List<String> present,
      List<String> absent) {
    String found = "to_regclass(" + Sql.literal(Sql.ident(backup)) + ")";
    StringBuilder body = new StringBuilder();
    body.append("  IF ").append(found).append(" IS NOT NULL AND obj_description(").append(found)
        .append(", 'pg_class') IS DISTINCT FROM ").append(Sql.literal(labelText(definition)))
        .append(" THEN\n    RAISE EXCEPTION USING MESSAGE = ").append(Sql.literal(refusal)).append(";\n");
    body.append("  ELSIF ").append(found).append(" IS NOT NULL THEN\n").append(Sql.indented(present));
    if (!absent.isEmpty()) {
      body.append("  ELSE\n").append(Sql.indented(absent));
    }
    return Sql.doBlock(body.append("  END IF;\n").toString());
  }

  /**
   * Detaches a moved table's enum columns from their types (see {@link #saveColumn}), dropping
   * first the indexes (called {@code indexName} in the backup) and checks that read them
   * ({@link #reattachEnums} makes them again). The generated columns that read them hold their
   * values plainly meanwhile; with {@code dropGenerated} they are dropped instead (PostgreSQL before
   * 15 keeps a column made plain depending on the types its expression named, so that dropping the
   * type would take the kept column with it).
   */
  List<String> detachEnums(Table table, UnaryOperator<String> indexName, boolean dropGenerated) {
    QualifiedName moved = kept(table.name());
    List<String> out = new ArrayList<>();
    EnumUses.indexes(table).forEach(i -> out.add("DROP INDEX "
        + Sql.ident(new QualifiedName(moved.schema(), indexName.apply(i.name()))) + ";"));
    EnumUses.checks(table).forEach(c -> out.add("ALTER TABLE " + Sql.ident(moved)
        + " DROP CONSTRAINT " + Sql.ident(c.name()) + ";"));
    // PostgreSQL retypes no column a generated one reads: those hold their values plainly meanwhile.
    EnumUses.generated(table).forEach(g -> out.add("ALTER TABLE " + Sql.ident(moved)
        + (dropGenerated ? " DROP COLUMN " + Sql.ident(g.name()) + ";"
            : " ALTER COLUMN " + Sql.ident(g.name()) + " DROP EXPRESSION;")));
    for (Column column : table.columns()) {
      if (EnumUses.keptAsText(column)) {
        String alter = "ALTER TABLE " + Sql.ident(moved) + " ALTER COLUMN " + Sql.ident(column.name());
        if (column.defaultSql() != null) {
          out.add(alter + " DROP DEFAULT;");
        }
        out.add(alter + " TYPE " + (column.type().endsWith("[]") ? "text[]" : "text") + ";");
      }
    }
    return out;
  }

  /**
   * Gives a restored table's enum columns their types and defaults back, and its generated columns
   * that read them their expressions: dropped and added again, or, with {@code generatedDropped}
   * ({@link #detachEnums} dropped them), only added.
   */
  List<String> reattachEnums(Table table, boolean generatedDropped) {
    List<String> out = new ArrayList<>();
    for (Column column : table.columns()) {
      if (EnumUses.keptAsText(column)) {
        String alter = "ALTER TABLE " + Sql.ident(table.name()) + " ALTER COLUMN " + Sql.ident(column.name());
        out.add(alter + " TYPE " + column.type() + " USING " + Sql.ident(column.name()) + "::" + column.type() + ";");
        if (column.defaultSql() != null) {
          out.add(alter + " SET DEFAULT " + column.defaultSql() + ";");
        }
      }
    }
    String alter = "ALTER TABLE " + Sql.ident(table.name());
    List<CheckConstraint> checks = new ArrayList<>(EnumUses.checks(table));
    List<UniqueConstraint> uniques = new ArrayList<>();
    for (Column generated : EnumUses.generated(table)) {
      if (!generatedDropped) {
        out.add(alter + " DROP COLUMN " + Sql.ident(generated.name()) + ";");
      }
      out.add(alter + " ADD COLUMN " + SqlRenderer.columnDefinition(table.name(), generated) + ";");
      if (generated.comment() != null) {
        out.add("COMMENT ON COLUMN " + Sql.ident(table.name()) + "." + Sql.ident(generated.name()) + " IS "
            + Sql.literal(generated.comment()) + ";");
      }
      ColumnUses.checks(table, generated.name()).stream().filter(c -> !checks.contains(c)).forEach(checks::add);
      ColumnUses.uniques(table, generated.name()).stream().filter(u -> !uniques.contains(u))
          .forEach(uniques::add);
    }
    uniques.forEach(u -> out.add(alter + " ADD CONSTRAINT " + Sql.ident(u.name()) + " UNIQUE ("
        + Sql.idents(u.columns()) + ");"));
    checks.forEach(c -> out.add(alter + " ADD CONSTRAINT " + Sql.ident(c.name()) + " CHECK ("
        + c.expression() + ");"));
    EnumUses.indexes(table).forEach(i -> out.add(SqlRenderer.createIndex(table.name(), i, false)));
    return out;
  }

  /** Where an enum column's removed values are kept: in the enum's backup schema. */
  private QualifiedName enumValuesTable(QualifiedName type, Table table, Column column) {
    return new QualifiedName(schema(type.schema()),
        Names.fit(table.name().schema() + "." + table.name().name() + "." + column.name()));
  }

  /**
   * Keeps the rows of a column that hold removed enum values (as text, by primary key), then gives
   * those rows NULL or the column's default so that the type can be rebuilt without them.
   */
  List<String> saveEnumValues(QualifiedName type, Table table, Column column, List<String> removed) {
    List<String> key = table.primaryKey().columns();
    String holds = Sql.ident(column.name()) + "::text IN ("
        + removed.stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
    List<String> out = new ArrayList<>();
    out.add("CREATE TABLE " + Sql.ident(enumValuesTable(type, table, column)) + " AS SELECT "
        + Sql.idents(key) + ", " + Sql.ident(column.name()) + "::text AS " + Sql.ident(column.name())
        + " FROM " + Sql.ident(table.name()) + " WHERE " + holds + ";");
    if (column.nullable() || column.defaultSql() != null) {
      out.add("UPDATE " + Sql.ident(table.name()) + " SET " + Sql.ident(column.name()) + " = "
          + (column.nullable() ? "NULL" : "DEFAULT") + " WHERE " + holds + ";");
    }
    return out;
  }

  /** Puts back the enum values {@link #saveEnumValues} kept, and drops their backup. */
  List<String> restoreEnumValues(QualifiedName type, Table table, Column column) {
    return restore(table.name(), column, table.primaryKey().columns(),
        enumValuesTable(type, table, column), "::" + column.type());
  }

  /** Puts a column's saved values back, matching rows by key, and drops the backup. */
  List<String> restoreColumn(QualifiedName table, Column column, List<String> key) {
    return List.of(putBackColumn(table, column, key),
        "DROP TABLE " + Sql.ident(columnTable(table, column.name())) + ";");
  }

  /**
   * Puts a column's values saved by {@link #saveColumnByValues} back into the rows with the same
   * values in {@code match} (compared as text, NULLs alike), pairing rows alike in all of them one
   * to one by rank, and drops the backup.
   */
  List<String> restoreColumnByValues(QualifiedName table, Column column, List<String> match) {
    QualifiedName backup = columnTable(table, column.name());
    String cast = EnumUses.keptAsText(column) ? "::" + column.type() : "";
    return List.of(putBackByValues(table, column, match, backup, cast),
        "DROP TABLE " + Sql.ident(backup) + ";");
  }

  private static String putBackByValues(QualifiedName table, Column column, List<String> match,
      QualifiedName backup, String cast) {
    String texts = match.stream().map(m -> Sql.ident(m) + "::text").collect(Collectors.joining(", "));
    String current = "SELECT ctid AS \"plinth_row\", " + match.stream()
        .map(m -> Sql.ident(m) + "::text AS " + Sql.ident(m)).collect(Collectors.joining(", "))
        + ", row_number() OVER (PARTITION BY " + texts + " ORDER BY ctid) AS \"plinth_rank\" FROM "
        + Sql.ident(table);
    String saved = "SELECT *, row_number() OVER (PARTITION BY " + Sql.idents(match)
        + ") AS \"plinth_rank\" FROM " + Sql.ident(backup);
    String alike = match.stream()
        .map(m -> "\"current\"." + Sql.ident(m) + " IS NOT DISTINCT FROM \"saved\"." + Sql.ident(m))
        .collect(Collectors.joining(" AND "));
    return "UPDATE " + Sql.ident(table) + " AS \"target\" SET " + Sql.ident(column.name())
        + " = \"saved\"." + Sql.ident(column.name()) + cast + " FROM (" + current + ") AS \"current\" JOIN ("
        + saved + ") AS \"saved\" ON " + alike + " AND \"current\".\"plinth_rank\" = \"saved\".\"plinth_rank\""
        + " WHERE \"target\".ctid = \"current\".\"plinth_row\";";
  }

  /** Copies a column's saved values into the rows with the same key (the backup stays). */
  String putBackColumn(QualifiedName table, Column column, List<String> key) {
    return putBack(table, column, key, columnTable(table, column.name()),
        EnumUses.keptAsText(column) ? "::" + column.type() : "");
  }

  /** Copies a column's values from {@code backup} into the rows with the same key, then drops it. */
  private static List<String> restore(QualifiedName table, Column column, List<String> key,
      QualifiedName backup, String cast) {
    return List.of(putBack(table, column, key, backup, cast), "DROP TABLE " + Sql.ident(backup) + ";");
  }

  private static String putBack(QualifiedName table, Column column, List<String> key,
      QualifiedName backup, String cast) {
    return "UPDATE " + Sql.ident(table) + " AS \"target\" SET " + Sql.ident(column.name()) + " = \"saved\"."
        + Sql.ident(column.name()) + cast + " FROM " + Sql.ident(backup) + " AS \"saved\" WHERE "
        + match(key) + ";";
  }

  /** Rows of {@code "target"} and {@code "saved"} with the same key. */
  static String match(List<String> key) {
    return key.stream()
        .map(k -> "\"target\"." + Sql.ident(k) + " = \"saved\"." + Sql.ident(k))
        .collect(Collectors.joining(" AND "));
  }
}
