package dev.plinth.runner.internal.seed;

import dev.plinth.seed.TableInfo;
import dev.plinth.seed.TableInfo.ForeignKeyInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders tables parents first by their foreign keys (Kahn's algorithm, ties by name, so the order
 * is stable). A cycle is broken at foreign keys whose columns are all nullable: those are
 * <em>deferred</em>, set by an UPDATE once both rows exist. A cycle of NOT NULL keys cannot be
 * seeded and is an error. Self-references never order tables; rows of one table go in the order
 * they were added.
 */
public final class TableOrder {
  /** The tables in insertion order and the foreign keys to fill in afterwards. */
  public record Plan(List<TableInfo> tables, Set<ForeignKeyInfo> deferred) {}

  private TableOrder() {}

  public static Plan of(Map<String, TableInfo> tables) {
    Set<ForeignKeyInfo> deferred = new HashSet<>();
    while (true) {
      Map<String, Set<String>> parents = new TreeMap<>();
      for (TableInfo table : tables.values()) {
        Set<String> p = new TreeSet<>();
        for (ForeignKeyInfo fk : table.foreignKeys()) {
          if (tables.containsKey(fk.target()) && !fk.target().equals(table.qualifiedName())
              && !deferred.contains(fk)) {
            p.add(fk.target());
          }
        }
        parents.put(table.qualifiedName(), p);
      }
      List<TableInfo> order = new ArrayList<>();
      Set<String> done = new HashSet<>();
      boolean progress = true;
      while (progress) {
        progress = false;
        for (Map.Entry<String, Set<String>> e : parents.entrySet()) {
          if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) {
            done.add(e.getKey());
            order.add(tables.get(e.getKey()));
            progress = true;
            break; // restart from the first name: the smallest ready table goes next
          }
        }
      }
      if (order.size() == tables.size()) {
        return new Plan(order, deferred);
      }
      // A cycle among the rest: defer the nullable keys between remaining tables, once.
      boolean deferredMore = false;
      for (TableInfo table : tables.values()) {
        if (done.contains(table.qualifiedName())) {
          continue;
        }
        for (ForeignKeyInfo fk : table.foreignKeys()) {
          boolean nullable = fk.columns().stream().allMatch(c -> table.column(c).nullable());
          if (nullable && !done.contains(fk.target()) && tables.containsKey(fk.target())
              && deferred.add(fk)) {
            deferredMore = true;
          }
        }
      }
      if (!deferredMore) {
        Set<String> rest = new TreeSet<>(tables.keySet());
        rest.removeAll(done);
        throw new SeedException("The tables " + rest + " reference each other through NOT NULL"
            + " foreign keys, so no insertion order exists. Make one of those foreign key columns"
            + " @Nullable, or seed these tables with SQL.");
      }
    }
  }
}
