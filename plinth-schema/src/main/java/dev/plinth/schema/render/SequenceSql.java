package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;
import static dev.plinth.schema.render.Sql.literal;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQL of the sequences behind serial and identity columns. A serial column is made as
 * PostgreSQL makes {@code serial}: a sequence of the column's type, the column's {@code nextval}
 * default, and the column owning the sequence (so that dropping the column drops it). An identity
 * column's sequence options are stated in its {@code GENERATED ... AS IDENTITY} clause and changed
 * in place with {@code ALTER COLUMN ... SET}.
 */
final class SequenceSql {
  /** The dollar quote of the blocks that rename a sequence whose name PostgreSQL chose. */
  private static final String BLOCK = "$plinth$";

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
    return column.identity().isIdentity() ? " " + identity(table, column) : "";
  }

  /** {@code GENERATED ... AS IDENTITY}, with the sequence's name and options when it has any. */
  private static String identity(QualifiedName table, Column column) {
    Sequence sequence = column.sequence();
    if (sequence == null || sequence.isEmpty()) {
      return column.identity().sql();
    }
    List<String> options = new ArrayList<>();
    if (sequence.name() != null) {
      options.add("SEQUENCE NAME " + ident(name(table, column)));
    }
    options.addAll(options(sequence));
    return column.identity().sql() + " (" + String.join(" ", options) + ")";
  }

  /** The options a sequence states, as {@code CREATE SEQUENCE} writes them. */
  private static List<String> options(Sequence sequence) {
    List<String> out = new ArrayList<>();
    if (sequence.start() != null) {
      out.add("START WITH " + sequence.start());
    }
    if (sequence.increment() != null) {
      out.add("INCREMENT BY " + sequence.increment());
    }
    if (sequence.minValue() != null) {
      out.add("MINVALUE " + sequence.minValue());
    }
    if (sequence.maxValue() != null) {
      out.add("MAXVALUE " + sequence.maxValue());
    }
    if (sequence.cache() != null) {
      out.add("CACHE " + sequence.cache());
    }
    if (sequence.cycle() != null) {
      out.add(sequence.cycle() ? "CYCLE" : "NO CYCLE");
    }
    return out;
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
      out.add(alterColumn(table, column) + "ADD " + identity(table, column) + ";");
    }
    out.add(continueSequence(table, column));
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
   * Changes the sequence of a column that stays serial, or stays an identity column (switching
   * between ALWAYS and BY DEFAULT when {@code inPlace}), in place: its name, its type (a serial
   * column's sequence keeps its old type when the column's type changes; an identity column's
   * follows) and an identity's options.
   */
  static List<String> alter(QualifiedName table, Column before, Column after, boolean inPlace) {
    List<String> out = new ArrayList<>();
    if (before.identity() == Identity.SERIAL && after.identity() == Identity.SERIAL) {
      out.addAll(rename(table, before, after));
      if (!before.type().equals(after.type())) {
        out.add("ALTER SEQUENCE " + ident(name(table, after)) + " AS " + after.type() + ";");
      }
    } else if (before.identity().isIdentity() && after.identity().isIdentity()
        && (before.identity() == after.identity() || inPlace)) {
      out.addAll(rename(table, before, after));
      out.addAll(alterIdentity(table, before, after));
    }
    return out;
  }

  /** Renames a column's sequence; a name that is null is PostgreSQL's. */
  private static List<String> rename(QualifiedName table, Column before, Column after) {
    String from = before.sequence() == null ? null : before.sequence().name();
    String to = after.sequence() == null ? null : after.sequence().name();
    if (Objects.equals(from, to)) {
      return List.of();
    }
    String target = to != null ? to : Names.postgres(table.name(), after.name(), "seq");
    if (from == null) {
      // The name PostgreSQL chose is looked up: it may have had to add a number to it.
      return List.of("DO " + BLOCK + "BEGIN EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', "
          + "pg_get_serial_sequence(" + literal(ident(table)) + ", " + literal(after.name()) + "), "
          + literal(target) + "); END" + BLOCK + ";");
    }
    return List.of("ALTER SEQUENCE " + ident(new QualifiedName(table.schema(), from)) + " RENAME TO "
        + ident(target) + ";");
  }

  /**
   * {@code SET GENERATED} and the options that change, in one statement. When the range or the
   * start changes, the sequence restarts and then goes on after the values the column holds.
   */
  private static List<String> alterIdentity(QualifiedName table, Column before, Column after) {
    Sequence was = options(before).canonical(before.type());
    Sequence is = options(after).canonical(after.type());
    Sequence.Effective values = is.effective(after.type());
    boolean turned = was.effective(before.type()).ascending() != values.ascending();
    List<String> set = new ArrayList<>();
    if (before.identity() != after.identity()) {
      set.add(after.identity() == Identity.ALWAYS ? "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT");
    }
    if (!Objects.equals(was.increment(), is.increment())) {
      set.add("SET INCREMENT BY " + values.increment());
    }
    if (turned || !Objects.equals(was.minValue(), is.minValue())) {
      set.add(is.minValue() == null ? "SET NO MINVALUE" : "SET MINVALUE " + is.minValue());
    }
    if (turned || !Objects.equals(was.maxValue(), is.maxValue())) {
      set.add(is.maxValue() == null ? "SET NO MAXVALUE" : "SET MAXVALUE " + is.maxValue());
    }
    boolean restart = turned || !Objects.equals(was.start(), is.start())
        || !Objects.equals(was.minValue(), is.minValue()) || !Objects.equals(was.maxValue(), is.maxValue());
    if (restart) {
      set.add("SET START WITH " + values.start());
    }
    if (!Objects.equals(was.cache(), is.cache())) {
      set.add("SET CACHE " + values.cache());
    }
    if (!Objects.equals(was.cycle(), is.cycle())) {
      set.add(values.cycle() ? "SET CYCLE" : "SET NO CYCLE");
    }
    if (restart) {
      set.add("RESTART");
    }
    List<String> out = new ArrayList<>();
    if (!set.isEmpty()) {
      out.add(alterColumn(table, after) + String.join(" ", set) + ";");
    }
    if (restart) {
      out.add(continueSequence(table, after));
    }
    return out;
  }

  /** A column's sequence options, none when it states none. */
  private static Sequence options(Column column) {
    return column.sequence() == null ? Sequence.named(null) : column.sequence().options();
  }

  /**
   * Moves a column's sequence past the values the column holds: after the greatest (before the
   * least, for a descending sequence), and not before its start. A column whose sequence is not
   * recorded (from a journal written before) goes on after the greatest value as it did.
   */
  private static String continueSequence(QualifiedName table, Column column) {
    if (column.sequence() == null) {
      return SqlRenderer.continueSequence(table, column.name());
    }
    Sequence.Effective values = column.sequence().effective(column.type());
    String next = values.ascending()
        ? "greatest(max(" + ident(column.name()) + ") + 1, " + values.start() + ")"
        : "least(min(" + ident(column.name()) + ") - 1, " + values.start() + ")";
    return "SELECT setval(pg_get_serial_sequence(" + literal(ident(table)) + ", "
        + literal(column.name()) + "), " + next + ", false) FROM " + ident(table) + ";";
  }

  /** A serial column's default: {@code nextval} of its sequence. */
  private static String nextval(QualifiedName table, Column column) {
    return "nextval(" + literal(ident(name(table, column))) + "::regclass)";
  }

  private static String alterColumn(QualifiedName table, Column column) {
    return "ALTER TABLE " + ident(table) + " ALTER COLUMN " + ident(column.name()) + " ";
  }
}
