package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;
import static dev.plinth.schema.render.Sql.literal;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * The SQL of NOT NULL constraints. PostgreSQL names them from version 18; a column that states the
 * name ({@code @Column(notNullName)}, which the processor allows only for that version) gets it.
 */
final class NotNullSql {
  private NotNullSql() {}

  /** A column definition's {@code NOT NULL}, named when the column names it; "" when nullable. */
  static String clause(Column column) {
    if (column.nullable()) {
      return "";
    }
    return column.notNullName() == null ? " NOT NULL"
        : " CONSTRAINT " + ident(column.notNullName()) + " NOT NULL";
  }

  /** Makes an existing column NOT NULL, with the constraint's name when the column names it. */
  static String set(QualifiedName table, Column column) {
    return column.notNullName() == null
        ? "ALTER TABLE " + ident(table) + " ALTER COLUMN " + ident(column.name()) + " SET NOT NULL;"
        : "ALTER TABLE " + ident(table) + " ADD CONSTRAINT " + ident(column.notNullName())
            + " NOT NULL " + ident(column.name()) + ";";
  }

  /** Renames the NOT NULL constraint of a column that stays NOT NULL; a null name is PostgreSQL's. */
  static List<String> rename(QualifiedName table, Column before, Column after) {
    if (before.nullable() || after.nullable()
        || Objects.equals(before.notNullName(), after.notNullName())) {
      return List.of();
    }
    String target = after.notNullName() != null ? after.notNullName()
        : Names.postgres(table.name(), after.name(), "not_null");
    if (before.notNullName() == null) {
      // The name PostgreSQL chose is looked up: it may have had to add a number to it.
      return List.of("DO $plinth$BEGIN EXECUTE (SELECT format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I',"
          + " conrelid::regclass, conname, " + literal(target) + ") FROM pg_constraint WHERE conrelid = "
          + literal(ident(table)) + "::regclass AND contype = 'n' AND conkey[1] = (SELECT attnum FROM"
          + " pg_attribute WHERE attrelid = conrelid AND attname = " + literal(after.name())
          + ")); END$plinth$;");
    }
    return List.of("ALTER TABLE " + ident(table) + " RENAME CONSTRAINT " + ident(before.notNullName())
        + " TO " + ident(target) + ";");
  }
}
