package dev.plinth.schema.render;

import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys checked at commit ({@code INITIALLY DEFERRED}) and the rows a migration writes. PostgreSQL
 * queues a check of such a key for a row written in the transaction (a unique key for any row
 * updated, a foreign key for any row the transaction wrote before, which includes every row of a
 * table it rewrote by an earlier {@code ALTER TABLE}), and alters no table with checks queued
 * ("pending trigger events"). So a transactional migration that writes rows while such keys exist
 * checks them at once from the first write on ({@code SET CONSTRAINTS ALL IMMEDIATE}, for the rest
 * of its transaction): each of its writes leaves the rows valid, and nothing is left queued.
 */
final class DeferredChecks {
  /** What makes the keys of the rest of the transaction checked at the end of each statement. */
  static final String IMMEDIATE = "SET CONSTRAINTS ALL IMMEDIATE;";

  private static final List<String> WRITES = List.of("UPDATE ", "INSERT INTO ", "DELETE FROM ");

  private DeferredChecks() {}

  /** The names of {@code table}'s keys checked at commit, primary key first. */
  static List<String> names(Table table) {
    List<String> names = new ArrayList<>();
    if (table.primaryKey() != null && table.primaryKey().deferrable() == Deferral.DEFERRED) {
      names.add(table.primaryKey().name());
    }
    table.uniques().stream().filter(u -> u.deferrable() == Deferral.DEFERRED).forEach(u -> names.add(u.name()));
    table.foreignKeys().stream().filter(f -> f.deferrable() == Deferral.DEFERRED).forEach(f -> names.add(f.name()));
    return names;
  }

  /**
   * Whether a table of {@code schema} has a key checked at commit. Asked of every state a
   * migration passes through (see {@link MigrationScript#meetsDeferredKeys}), so it allocates
   * nothing.
   */
  static boolean any(Schema schema) {
    for (Table table : schema.tables()) {
      if (deferred(table)) {
        return true;
      }
    }
    return false;
  }

  private static boolean deferred(Table table) {
    if (table.primaryKey() != null && table.primaryKey().deferrable() == Deferral.DEFERRED) {
      return true;
    }
    for (UniqueConstraint unique : table.uniques()) {
      if (unique.deferrable() == Deferral.DEFERRED) {
        return true;
      }
    }
    for (ForeignKey key : table.foreignKeys()) {
      if (key.deferrable() == Deferral.DEFERRED) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code statements} with {@link #IMMEDIATE} after the first that writes rows (a statement of
   * its own, or one in a {@code DO} block); unchanged when none does.
   */
  static List<String> afterFirstWrite(List<String> statements) {
    List<String> out = new ArrayList<>(statements);
    for (int i = 0; i < out.size(); i++) {
      if (writesRows(out.get(i))) {
        out.add(i + 1, IMMEDIATE);
        return out;
      }
    }
    return out;
  }

  /**
   * Whether {@code statement} writes rows: it is an {@code UPDATE}, {@code INSERT} or
   * {@code DELETE} (also in a {@code WITH} query), or a {@code DO} block running one (not, say, a
   * function whose body holds one).
   */
  static boolean writesRows(String statement) {
    return (statement.startsWith("DO ") ? statement.lines().map(String::strip) : statement.lines().limit(1))
        .anyMatch(line -> WRITES.stream().anyMatch(w -> line.startsWith(w)
            || line.startsWith("WITH ") && line.contains("(" + w)));
  }
}
