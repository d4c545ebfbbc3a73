package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.Table;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Drift in a table's partitioning: a changed partition key (or a table partitioned, or not, other
 * than expected), and partitions missing (detached or dropped), extra, or with other bounds. Bounds
 * are compared in {@link Canonical} form.
 */
final class PartitionComparison {
  private PartitionComparison() {}

  static void compare(Table want, Table have, List<Difference> out) {
    Partitioning w = want.partitioning();
    Partitioning h = have.partitioning();
    String table = want.name().toString();
    if (w == null && h == null) {
      return;
    }
    if (w == null || h == null || !w.sameKey(h)) {
      out.add(Difference.different("table", table, "partition key", key(w), key(h)));
      return;
    }
    TreeSet<String> names = new TreeSet<>();
    w.partitions().forEach(p -> names.add(p.name()));
    h.partitions().forEach(p -> names.add(p.name()));
    for (String name : names) {
      Partition a = w.partition(name).orElse(null);
      Partition b = h.partition(name).orElse(null);
      String qualified = want.name().schema() + "." + name;
      if (b == null) {
        out.add(Difference.missing("partition", qualified, table + " " + a.boundSql()));
      } else if (a == null) {
        out.add(Difference.extra("partition", qualified, table + " " + b.boundSql()));
      } else if (!canonical(a).equals(canonical(b))) {
        out.add(Difference.different("partition", qualified, "bound", a.boundSql(), b.boundSql()));
      }
    }
  }

  private static String key(Partitioning partitioning) {
    return partitioning == null ? "none"
        : partitioning.strategySql() + " (" + String.join(", ", partitioning.columns()) + ")";
  }

  private static String canonical(Partition partition) {
    return Objects.requireNonNullElse(Canonical.expression(partition.boundSql()), "");
  }
}
