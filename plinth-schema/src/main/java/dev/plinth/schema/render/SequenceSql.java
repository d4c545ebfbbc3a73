package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;
import static dev.plinth.schema.render.Sql.literal;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQL of the sequences behind serial and identity columns. A serial column is made as
 * PostgreSQL makes {@code serial}: a sequence of the column's type, the column's {@code nextval}
 * default, and the column owning the sequence (so that dropping the column drops it).
 */
final class SequenceSql {
  private SequenceSql() {}

  /** The sequence of a serial column (or of an identity column that names it), in its table's schema. */
  static QualifiedName name(QualifiedName table, Column column) {
    return new QualifiedName(table.schema(), column.sequence().name());
  }

  /** What follows the type in a column's definition for how it generates values, or "". */
  static String clause(QualifiedName table, Column column) {
    if (column.identity() == Identity.SERIAL) {
      return " DEFAULT " + nextval(table, column);
    }
    return column.identity().isIdentity() ? " " + column.identity().sql() : "";
  }

  /** The statements a column needs before it is created: a serial column's sequence. */
  static List<String> beforeCreate(QualifiedName table, Column column) {
    return column.identity() == Identity.SERIAL
        ? List.of("CREATE SEQUENCE " + ident(name(table, column)) + " AS " + column.type() + ";")
        : List.of();
  }

  /** The statements a column needs once it exists: a serial column owns its sequence. */
  static List<String> afterCreate(QualifiedName table, Column column) {
    return column.identity() == Identity.SERIAL
        ? List.of("ALTER SEQUENCE " + ident(name(table, column)) + " OWNED BY " + ident(table) + "."
            + ident(column.name()) + ";")
        : List.of();
  }

  /**
   * Makes an existing column (with its values) serial or identity; its sequence goes on after the
   * greatest value the column holds, so that the next row inserted without one gets a new value.
   */
  static List<String> attach(QualifiedName table, Column column) {
    List<String> out = new ArrayList<>();
    if (column.identity() == Identity.SERIAL) {
      out.addAll(beforeCreate(table, column));
      out.addAll(afterCreate(table, column));
      out.add(alterColumn(table, column) + "SET DEFAULT " + nextval(table, column) + ";");
    } else {
      out.add(alterColumn(table, column) + "ADD " + column.identity().sql() + ";");
    }
    out.add(SqlRenderer.continueSequence(table, column.name()));
    return out;
  }

  /** Takes serial or identity generation away from a column; its sequence goes with it. */
  static List<String> detach(QualifiedName table, Column column) {
    if (column.identity() == Identity.SERIAL) {
      return List.of(alterColumn(table, column) + "DROP DEFAULT;",
          "DROP SEQUENCE " + ident(name(table, column)) + ";");
    }
    return List.of(alterColumn(table, column) + "DROP IDENTITY;");
  }

  /**
   * Changes the sequence of a column that stays serial along with the column: its name (it
   * follows the table's and column's names) and its type (PostgreSQL leaves a serial column's
   * sequence at its old type when the column's type changes).
   */
  static List<String> alter(QualifiedName table, Column before, Column after) {
    List<String> out = new ArrayList<>();
    if (before.identity() != Identity.SERIAL || after.identity() != Identity.SERIAL) {
      return out;
    }
    if (!Objects.equals(before.sequence().name(), after.sequence().name())) {
      out.add("ALTER SEQUENCE " + ident(name(table, before)) + " RENAME TO "
          + ident(after.sequence().name()) + ";");
    }
    if (!before.type().equals(after.type())) {
      out.add("ALTER SEQUENCE " + ident(name(table, after)) + " AS " + after.type() + ";");
    }
    return out;
  }

  /** A serial column's default: {@code nextval} of its sequence. */
  private static String nextval(QualifiedName table, Column column) {
    return "nextval(" + literal(ident(name(table, column))) + "::regclass)";
  }

  private static String alterColumn(QualifiedName table, Column column) {
    return "ALTER TABLE " + ident(table) + " ALTER COLUMN " + ident(column.name()) + " ";
  }
}
