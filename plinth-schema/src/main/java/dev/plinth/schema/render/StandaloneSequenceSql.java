package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;
import static dev.plinth.schema.render.Sql.literal;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.StandaloneSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQL of declared sequences ({@code @Sequence}). A dropped one is moved to the migration's
 * backup schema, whole, so that the reverse moves it back at the position it had.
 */
final class StandaloneSequenceSql {
  private StandaloneSequenceSql() {}

  /**
   * Creates a sequence, or takes back the one that rolling back the migration kept in its backup
   * schema (with the options as declared now); the inverse of a drop that kept it moves it back.
   */
  static List<String> create(Change.CreateSequence c, Backups backups) {
    StandaloneSequence sequence = c.sequence();
    QualifiedName kept = backups.kept(sequence.name());
    String takeBack = "ALTER SEQUENCE " + ident(kept) + " SET SCHEMA " + ident(sequence.name().schema()) + ";";
    if (c.restore()) {
      return List.of(takeBack);
    }
    List<String> out = new ArrayList<>();
    StringBuilder create = new StringBuilder("CREATE SEQUENCE ").append(ident(sequence.name()))
        .append(" AS ").append(sequence.type());
    options(sequence.options()).forEach(o -> create.append(' ').append(o));
    if (sequence.ownedBy() != null) {
      create.append(" OWNED BY ").append(owner(sequence));
    }
    Sequence.Effective values = sequence.options().effective(sequence.type());
    String reset = "ALTER SEQUENCE " + ident(sequence.name()) + " AS " + sequence.type() + " INCREMENT BY "
        + values.increment() + " MINVALUE " + values.minValue() + " MAXVALUE " + values.maxValue()
        + " START WITH " + values.start() + " CACHE " + values.cache() + (values.cycle() ? " CYCLE" : " NO CYCLE")
        + (sequence.ownedBy() == null ? "" : " OWNED BY " + owner(sequence)) + ";";
    out.add(Sql.doBlock("  IF to_regclass(" + literal(ident(kept)) + ") IS NOT NULL THEN\n"
        + Sql.indented(List.of(takeBack, reset)) + "  ELSE\n"
        + Sql.indented(List.of(create.append(';').toString())) + "  END IF;\n"));
    if (sequence.comment() != null) {
      out.add(comment(sequence));
    }
    return out;
  }

  /**
   * Drops a sequence into the migration's backup schema: a dropped one (the reverse moves it back),
   * or one a rollback drops (migrating again takes it back, with its position).
   */
  static List<String> drop(Change.DropSequence c, Backups backups) {
    StandaloneSequence sequence = c.sequence();
    return List.of(backups.createSchema(sequence.name().schema()),
        "ALTER SEQUENCE " + ident(sequence.name()) + " SET SCHEMA "
            + ident(backups.schema(sequence.name().schema())) + ";");
  }

  /**
   * One {@code ALTER SEQUENCE} for what changes. When the type or the range changes, the type,
   * step, bounds and start are all written out: PostgreSQL's defaults for them depend on each
   * other. The sequence keeps its position.
   */
  static List<String> alter(Change.AlterSequence c) {
    StandaloneSequence before = c.before();
    StandaloneSequence after = c.after();
    Sequence.Effective was = before.options().effective(before.type());
    Sequence.Effective is = after.options().effective(after.type());
    List<String> parts = new ArrayList<>();
    boolean range = !before.type().equals(after.type()) || was.increment() != is.increment()
        || was.minValue() != is.minValue() || was.maxValue() != is.maxValue() || was.start() != is.start();
    if (range) {
      if (!before.type().equals(after.type())) {
        parts.add("AS " + after.type());
      }
      parts.add("INCREMENT BY " + is.increment());
      parts.add("MINVALUE " + is.minValue());
      parts.add("MAXVALUE " + is.maxValue());
      parts.add("START WITH " + is.start());
    }
    if (was.cache() != is.cache()) {
      parts.add("CACHE " + is.cache());
    }
    if (was.cycle() != is.cycle()) {
      parts.add(is.cycle() ? "CYCLE" : "NO CYCLE");
    }
    if (!Objects.equals(before.ownedBy(), after.ownedBy())) {
      parts.add("OWNED BY " + (after.ownedBy() == null ? "NONE" : owner(after)));
    }
    List<String> out = new ArrayList<>();
    if (!parts.isEmpty()) {
      out.add("ALTER SEQUENCE " + ident(after.name()) + " " + String.join(" ", parts) + ";");
    }
    if (!Objects.equals(before.comment(), after.comment())) {
      out.add(comment(after));
    }
    return out;
  }

  /** The options a sequence states (its canonical ones), as {@code CREATE SEQUENCE} writes them. */
  private static List<String> options(Sequence sequence) {
    List<String> out = new ArrayList<>();
    if (sequence.increment() != null) {
      out.add("INCREMENT BY " + sequence.increment());
    }
    if (sequence.minValue() != null) {
      out.add("MINVALUE " + sequence.minValue());
    }
    if (sequence.maxValue() != null) {
      out.add("MAXVALUE " + sequence.maxValue());
    }
    if (sequence.start() != null) {
      out.add("START WITH " + sequence.start());
    }
    if (sequence.cache() != null) {
      out.add("CACHE " + sequence.cache());
    }
    if (Boolean.TRUE.equals(sequence.cycle())) {
      out.add("CYCLE");
    }
    return out;
  }

  private static String owner(StandaloneSequence sequence) {
    return ident(sequence.ownerTable()) + "." + ident(sequence.ownerColumn());
  }

  private static String comment(StandaloneSequence sequence) {
    return "COMMENT ON SEQUENCE " + ident(sequence.name()) + " IS "
        + (sequence.comment() == null ? "NULL" : literal(sequence.comment())) + ";";
  }
}
