package dev.plinth.processor.render;

import dev.plinth.processor.model.Names;
import dev.plinth.processor.model.QualifiedName;
import java.util.List;
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

  QualifiedName columnTable(QualifiedName table, String column) {
    return new QualifiedName(schema(table.schema()), Names.fit(table.name() + "." + column));
  }

  String createSchema(String source) {
    return "CREATE SCHEMA IF NOT EXISTS " + Sql.ident(schema(source)) + ";";
  }

  /** Copies a column's values, with the row key, into the backup. */
  String saveColumn(QualifiedName table, String column, List<String> key) {
    return "CREATE TABLE " + Sql.ident(columnTable(table, column)) + " AS SELECT "
        + Sql.idents(key) + ", " + Sql.ident(column) + " FROM " + Sql.ident(table) + ";";
  }

  /** Puts a column's saved values back, matching rows by key, and drops the backup. */
  List<String> restoreColumn(QualifiedName table, String column, List<String> key) {
    QualifiedName backup = columnTable(table, column);
    String match = key.stream()
        .map(k -> "\"target\"." + Sql.ident(k) + " = \"saved\"." + Sql.ident(k))
        .collect(Collectors.joining(" AND "));
    return List.of(
        "UPDATE " + Sql.ident(table) + " AS \"target\" SET " + Sql.ident(column) + " = \"saved\"."
            + Sql.ident(column) + " FROM " + Sql.ident(backup) + " AS \"saved\" WHERE " + match + ";",
        "DROP TABLE " + Sql.ident(backup) + ";");
  }
}
