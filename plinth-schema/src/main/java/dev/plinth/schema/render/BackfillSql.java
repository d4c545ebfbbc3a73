package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;
import static dev.plinth.schema.render.Sql.idents;
import static dev.plinth.schema.render.Sql.literal;

import dev.plinth.schema.diff.Backfill;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import java.util.List;

/**
 * The SQL of {@code @Backfill}: a column that becomes NOT NULL first gives its NULL rows a value,
 * and the reverse sets exactly those rows back to NULL.
 *
 * <p>The rows are filled in batches of {@value #BATCH} inside the migration's transaction, so that
 * no single statement builds a huge update (its work memory, trigger queue and WAL record stay
 * bounded); the row locks are held until the migration commits, as the NOT NULL steps that follow
 * need the whole table filled anyway. A batch that leaves a row NULL (an expression that gives
 * NULL) stops the migration with a message, instead of looping forever.
 */
final class BackfillSql {
  static final int BATCH = 10000;

  private BackfillSql() {}

  /** Where the keys of the backfilled rows are kept: {@code <table>.<column>.backfilled}. */
  static QualifiedName keptKeys(Backups backups, QualifiedName table, String column) {
    return new QualifiedName(backups.schema(table.schema()),
        Names.fit(table.name() + "." + column + ".backfilled"));
  }

  /** Keeps the keys of the rows holding NULL, then fills those rows batch by batch. */
  static List<String> fill(Backups backups, QualifiedName table, String column, Backfill backfill) {
    String c = ident(column);
    String t = ident(table);
    String batch = "WITH \"filled\" AS (UPDATE " + t + " SET " + c + " = (" + backfill.expression()
        + ") WHERE ctid IN (SELECT ctid FROM " + t + " WHERE " + c + " IS NULL LIMIT " + BATCH
        + ") RETURNING " + c + ")";
    String refusal = "The @Backfill expression of column " + column + " of " + table + " ("
        + backfill.expression() + ") gives NULL for some rows. Change it so that it gives a value"
        + " for every row, and compile again.";
    return List.of(backups.createSchema(table.schema()),
        "CREATE TABLE " + ident(keptKeys(backups, table, column)) + " AS SELECT "
            + idents(backfill.key()) + " FROM " + t + " WHERE " + c + " IS NULL;",
        "DO $plinth$\nDECLARE\n  plinth_rows bigint;\n  plinth_filled bigint;\nBEGIN\n  LOOP\n"
            + "    " + batch + "\n"
            + "    SELECT count(*), count(" + c + ") INTO plinth_rows, plinth_filled FROM \"filled\";\n"
            + "    EXIT WHEN plinth_rows = 0;\n"
            + "    IF plinth_filled < plinth_rows THEN\n"
            + "      RAISE EXCEPTION USING MESSAGE = " + literal(refusal) + ";\n"
            + "    END IF;\n  END LOOP;\nEND\n$plinth$;");
  }

  /** Sets the rows that {@link #fill} filled back to NULL, and drops their kept keys. */
  static List<String> empty(Backups backups, QualifiedName table, String column, Backfill backfill) {
    QualifiedName kept = keptKeys(backups, table, column);
    return List.of("UPDATE " + ident(table) + " AS \"target\" SET " + ident(column) + " = NULL FROM "
            + ident(kept) + " AS \"saved\" WHERE " + Backups.match(backfill.key()) + ";",
        "DROP TABLE " + ident(kept) + ";");
  }
}
