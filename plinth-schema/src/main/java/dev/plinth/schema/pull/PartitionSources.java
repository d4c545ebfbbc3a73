package dev.plinth.schema.pull;

import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The annotations that declare a pulled table's partitioning: {@code @PartitionBy} and one
 * {@code @Partition} per partition, with its bound as PostgreSQL writes it.
 */
final class PartitionSources {
  private PartitionSources() {}

  /** The lines of annotations, each ending with a newline; empty for a plain table. */
  static String annotations(Table table, Map<String, String> byColumn, Set<String> imports) {
    Partitioning partitioning = table.partitioning();
    if (partitioning == null) {
      return "";
    }
    imports.add(RecordSources.ANNOTATIONS + "PartitionBy");
    imports.add(RecordSources.ANNOTATIONS + "PartitionType");
    StringBuilder out = new StringBuilder();
    Map<String, String> by = new LinkedHashMap<>();
    by.put("type", "PartitionType." + partitioning.strategy().toUpperCase(Locale.ROOT));
    by.put("columns", RecordSources.strings(partitioning.columns().stream().map(byColumn::get).toList()));
    out.append(RecordSources.annotation("PartitionBy", by)).append('\n');
    for (Partition partition : partitioning.partitions()) {
      imports.add(RecordSources.ANNOTATIONS + "Partition");
      out.append(RecordSources.annotation("Partition", attributes(partition))).append('\n');
    }
    return out.toString();
  }

  private static Map<String, String> attributes(Partition partition) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("name", RecordSources.string(partition.name()));
    if (partition.isDefault()) {
      attributes.put("isDefault", "true");
    } else if (partition.from() != null) {
      attributes.put("from", RecordSources.string(partition.from()));
      attributes.put("to", RecordSources.string(partition.to()));
    } else if (!partition.values().isEmpty()) {
      attributes.put("values", RecordSources.strings(List.copyOf(partition.values())));
    } else {
      attributes.put("modulus", String.valueOf(partition.modulus()));
      attributes.put("remainder", String.valueOf(partition.remainder()));
    }
    return attributes;
  }
}
