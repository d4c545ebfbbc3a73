package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddPartition;
import dev.plinth.schema.diff.Change.AlterPartitionBound;
import dev.plinth.schema.diff.Change.DetachPartition;
import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.Table;
import java.util.Objects;
import java.util.Optional;

/**
 * The partition changes of a migration: partitions that go are detached and kept, rows and all, in
 * the backup (so the reverse attaches them again), new ones are created (and kept by a rollback),
 * and partitions whose bounds change are detached and attached again with them. Partitions go
 * before their table is dropped and come after it is created.
 */
final class PartitionChanges {
  private PartitionChanges() {}

  /** A table that goes: its partitions are detached and kept first. */
  static void dropped(Table old, SchemaDiff.Phases phases) {
    if (old.partitioned()) {
      old.partitioning().partitions().forEach(p ->
          phases.dropTables.add(new DetachPartition(old.name(), p, true, false, false)));
    }
  }

  /** A new table: its partitions are created after it. */
  static void created(Table table, SchemaDiff.Phases phases) {
    if (table.partitioned()) {
      table.partitioning().partitions().forEach(p ->
          phases.partitions.add(AddPartition.rollbackKeeping(table.name(), p)));
    }
  }

  /**
   * A table that stays. A table whose partition key changes (or that becomes or stops being
   * partitioned) cannot be changed in place; the processor refuses that before the diff, and the
   * diff leaves such a table's partitions alone.
   */
  static void diff(Table old, Table table, SchemaDiff.Phases phases) {
    Partitioning before = old.partitioning();
    Partitioning after = table.partitioning();
    if (before == null || !before.sameKey(after)) {
      return;
    }
    for (Partition partition : before.partitions()) {
      Optional<Partition> next = after.partition(partition.name());
      if (next.isEmpty()) {
        phases.dropTables.add(new DetachPartition(table.name(), partition, true, false, false));
      } else if (!sameBound(partition, next.get())) {
        phases.partitions.add(new AlterPartitionBound(table.name(), partition, next.get()));
      }
    }
    for (Partition partition : after.partitions()) {
      if (before.partition(partition.name()).isEmpty()) {
        phases.partitions.add(AddPartition.rollbackKeeping(table.name(), partition));
      }
    }
  }

  /** Whether two partitions hold the same values, however their bounds are spelled. */
  static boolean sameBound(Partition a, Partition b) {
    return a.isDefault() == b.isDefault() && a.modulus() == b.modulus()
        && a.remainder() == b.remainder()
        && Objects.equals(canonical(a.from()), canonical(b.from()))
        && Objects.equals(canonical(a.to()), canonical(b.to()))
        && a.values().stream().map(PartitionChanges::canonical).toList()
            .equals(b.values().stream().map(PartitionChanges::canonical).toList());
  }

  private static String canonical(String bound) {
    return bound == null ? null : Canonical.expression(bound);
  }
}
