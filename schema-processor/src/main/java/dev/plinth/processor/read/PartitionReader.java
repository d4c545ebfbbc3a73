package dev.plinth.processor.read;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.validate.Origin;
import dev.plinth.processor.validate.Report;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.Partition;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.UniqueConstraint;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @PartitionBy}, {@code @Partition} and {@code @TimePartitions} of a table record,
 * reporting every problem at its source. {@code @TimePartitions} is expanded here, from its values
 * alone: the same record always declares the same partitions.
 */
final class PartitionReader {
  /** The most partitions one {@code @TimePartitions} declares. */
  private static final int MAX_TIME_PARTITIONS = 1000;

  private final Elements elements;
  private final Report report;

  PartitionReader(Elements elements, Report report) {
    this.elements = elements;
    this.report = report;
  }

  /** What the table's key, constraints and indexes must satisfy, and where they are declared. */
  record Keys(PrimaryKey primaryKey, List<UniqueConstraint> uniques, List<Index> indexes,
      Map<String, Origin> origins) {}

  /**
   * The table's partitioning, or null when it is not partitioned (or the declaration has errors).
   *
   * @param resolve the columns an annotation attribute ({@code columns}) names, unknown ones reported
   */
  Partitioning read(TypeElement record, QualifiedName table, List<Column> columns, Keys keys,
      Function<Ann, List<String>> resolve) {
    Optional<Ann> by = Ann.find(record, "PartitionBy", elements);
    List<Ann> declared = Ann.findAll(record, "Partition", elements);
    Optional<Ann> time = Ann.find(record, "TimePartitions", elements);
    if (by.isEmpty()) {
      declared.forEach(p -> report.add(Message.PARTITION_WITHOUT_PARTITION_BY, p.origin(), "@Partition",
          record.getSimpleName()));
      time.ifPresent(t -> report.add(Message.PARTITION_WITHOUT_PARTITION_BY, t.origin(),
          "@TimePartitions", record.getSimpleName()));
      return null;
    }
    String strategy = by.get().constant("type");
    List<String> key = resolve.apply(by.get());
    if (by.get().strings("columns").isEmpty()) {
      report.add(Message.BLANK_VALUE, by.get().origin("columns"), "@PartitionBy columns",
          "Name the partition key's columns, e.g. columns = \"createdAt\".");
      return null;
    }
    if (key.size() != by.get().strings("columns").size()) {
      return null;
    }
    checkKeys(table, key, keys);
    Map<String, Partition> partitions = new LinkedHashMap<>();
    Map<String, Origin> origins = new LinkedHashMap<>();
    for (Ann ann : declared) {
      Optional<Partition> partition = partition(ann, table, strategy);
      partition.ifPresent(p -> add(p, ann.origin(), "@Partition", table, partitions, origins));
    }
    time.ifPresent(t -> timePartitions(t, table, strategy, key, columns)
        .forEach(p -> add(p, t.origin(), "@TimePartitions", table, partitions, origins)));
    long defaults = partitions.values().stream().filter(Partition::isDefault).count();
    if (defaults > 1) {
      partitions.values().stream().filter(Partition::isDefault).skip(1).forEach(p ->
          report.add(Message.PARTITION_BOUND, origins.get(p.name()), p.name(), table, strategy,
              "a table has at most one default partition. Keep isDefault = true on one of them."));
    }
    for (Partition partition : partitions.values()) {
      if (partition.name().equals(table.name())) {
        report.add(Message.PARTITION_NAME_TAKEN, origins.get(partition.name()), partition.name(),
            table, "its own table", partition.name());
      }
    }
    return new Partitioning(strategy, key, List.copyOf(partitions.values()));
  }

  private void add(Partition partition, Origin origin, String where, QualifiedName table,
      Map<String, Partition> partitions, Map<String, Origin> origins) {
    if (partitions.containsKey(partition.name())) {
      report.add(Message.DUPLICATE_PARTITION, origin, partition.name(), table,
          "by " + where + " and an earlier declaration");
      return;
    }
    partitions.put(partition.name(), partition);
    origins.put(partition.name(), origin);
  }

  /** Keys and unique indexes must hold every partition column; no index is built concurrently. */
  private void checkKeys(QualifiedName table, List<String> key, Keys keys) {
    PrimaryKey pk = keys.primaryKey();
    if (pk != null && !pk.columns().containsAll(key)) {
      // At the component to mark @Id.
      String first = key.stream().filter(c -> !pk.columns().contains(c)).findFirst().orElseThrow();
      report.add(Message.PARTITION_KEY_NOT_IN_KEY,
          keys.origins().getOrDefault(first, keys.origins().get(pk.name())),
          "The primary key " + pk.name(), table, missing(key, pk.columns()), missing(key, pk.columns()));
    }
    for (UniqueConstraint unique : keys.uniques()) {
      if (!unique.columns().containsAll(key)) {
        report.add(Message.PARTITION_KEY_NOT_IN_KEY, keys.origins().get(unique.name()),
            "Unique constraint " + unique.name(), table, missing(key, unique.columns()),
            missing(key, unique.columns()));
      }
    }
    for (Index index : keys.indexes()) {
      List<String> indexColumns = index.keys().stream().map(k -> k.column()).filter(c -> c != null).toList();
      if (index.unique() && !indexColumns.containsAll(key)) {
        report.add(Message.PARTITION_KEY_NOT_IN_KEY, keys.origins().get(index.name()),
            "Unique index " + index.name(), table, missing(key, indexColumns), missing(key, indexColumns));
      }
      if (index.concurrently()) {
        report.add(Message.PARTITION_INDEX_CONCURRENTLY, keys.origins().get(index.name()),
            index.name(), table);
      }
    }
  }

  private static String missing(List<String> key, List<String> present) {
    return String.join(", ", key.stream().filter(c -> !present.contains(c)).toList());
  }

  /** One {@code @Partition}, checked against the strategy; empty (reported) when it does not fit. */
  private Optional<Partition> partition(Ann ann, QualifiedName table, String strategy) {
    String name = ann.string("name").strip();
    if (name.isEmpty()) {
      report.add(Message.BLANK_VALUE, ann.origin("name"), "@Partition name",
          "Name the partition's table, e.g. name = \"" + table.name() + "_2026_01\".");
      return Optional.empty();
    }
    if (Names.bytes(name) > Names.MAX_BYTES) {
      report.add(Message.PARTITION_BOUND, ann.origin("name"), name, table, strategy,
          "the name is longer than PostgreSQL's 63 bytes. Choose a shorter one.");
      return Optional.empty();
    }
    String from = ann.string("from").strip();
    String to = ann.string("to").strip();
    List<String> values = ann.strings("values").stream().map(String::strip).toList();
    int modulus = ann.integer("modulus");
    int remainder = ann.integer("remainder");
    boolean rangeSet = !from.isEmpty() || !to.isEmpty();
    boolean hashSet = ann.isSet("modulus") || ann.isSet("remainder");
    if (ann.bool("isDefault")) {
      if (strategy.equals("HASH")) {
        return refuse(ann, "isDefault", name, table, strategy,
            "a hash partitioned table has no default partition. Remove isDefault = true.");
      }
      if (rangeSet || !values.isEmpty() || hashSet) {
        return refuse(ann, "isDefault", name, table, strategy,
            "a default partition has no bounds. Remove from, to, values, modulus and remainder.");
      }
      return Optional.of(Partition.defaultPartition(name));
    }
    switch (strategy) {
      case "RANGE" -> {
        if (from.isEmpty() || to.isEmpty() || !values.isEmpty() || hashSet) {
          return refuse(ann, from.isEmpty() ? "from" : "to", name, table, strategy,
              "a range partition takes from and to (and nothing else), e.g."
                  + " from = \"'2026-01-01'\", to = \"'2026-02-01'\" (MINVALUE and MAXVALUE work too).");
        }
        return Optional.of(Partition.range(name, from, to));
      }
      case "LIST" -> {
        if (values.isEmpty() || values.stream().anyMatch(String::isEmpty) || rangeSet || hashSet) {
          return refuse(ann, "values", name, table, strategy,
              "a list partition takes values (and nothing else), e.g. values = {\"'de'\", \"'fr'\"}.");
        }
        return Optional.of(Partition.list(name, values));
      }
      default -> {
        if (modulus < 1 || remainder < 0 || remainder >= modulus || rangeSet || !values.isEmpty()) {
          return refuse(ann, "modulus", name, table, strategy,
              "a hash partition takes a modulus of at least 1 and a remainder from 0 to modulus - 1"
                  + " (and nothing else), e.g. modulus = 4, remainder = 0.");
        }
        return Optional.of(Partition.hash(name, modulus, remainder));
      }
    }
  }

  private Optional<Partition> refuse(Ann ann, String attribute, String name, QualifiedName table,
      String strategy, String why) {
    report.add(Message.PARTITION_BOUND, ann.origin(attribute), name, table, strategy, why);
    return Optional.empty();
  }

  /** The partitions one {@code @TimePartitions} declares; none (reported) when it is not valid. */
  private List<Partition> timePartitions(Ann ann, QualifiedName table, String strategy,
      List<String> key, List<Column> columns) {
    if (!strategy.equals("RANGE")) {
      return refuseTime(ann, null, table, "it declares range partitions, but the table is"
          + " partitioned by " + strategy + ". Use @PartitionBy(type = PartitionType.RANGE, ...).");
    }
    Optional<Column> column = key.size() == 1
        ? columns.stream().filter(c -> c.name().equals(key.get(0))).findFirst() : Optional.empty();
    String type = column.map(Column::type).orElse("");
    if (!List.of("date", "timestamp with time zone", "timestamp without time zone").contains(type)) {
      return refuseTime(ann, null, table, "the partition key must be one date or timestamp column"
          + " (LocalDate, LocalDateTime, OffsetDateTime or Instant), not " + String.join(", ", key)
          + (type.isEmpty() ? "" : " (" + type + ")") + ".");
    }
    LocalDate start;
    String written = ann.string("start").strip();
    try {
      start = LocalDate.parse(written.length() == 4 ? written + "-01-01"
          : written.length() == 7 ? written + "-01" : written);
    } catch (DateTimeParseException e) {
      return refuseTime(ann, "start", table, "start '" + written
          + "' is not a date: write yyyy-mm-dd, yyyy-mm or yyyy.");
    }
    int count = ann.integer("count");
    if (count < 1 || count > MAX_TIME_PARTITIONS) {
      return refuseTime(ann, "count", table, "count must be from 1 to " + MAX_TIME_PARTITIONS
          + ", not " + count + ".");
    }
    String interval = ann.constant("interval");
    String prefix = ann.string("prefix").isBlank() ? table.name() : ann.string("prefix").strip();
    List<Partition> result = new ArrayList<>();
    LocalDate from = start;
    for (int i = 0; i < count; i++) {
      LocalDate to = switch (interval) {
        case "DAY" -> from.plusDays(1);
        case "WEEK" -> from.plusWeeks(1);
        case "MONTH" -> from.plusMonths(1);
        default -> from.plusYears(1);
      };
      String name = prefix + "_" + switch (interval) {
        case "MONTH" -> String.format(Locale.ROOT, "%04d_%02d", from.getYear(), from.getMonthValue());
        case "YEAR" -> String.format(Locale.ROOT, "%04d", from.getYear());
        default -> String.format(Locale.ROOT, "%04d_%02d_%02d", from.getYear(), from.getMonthValue(),
            from.getDayOfMonth());
      };
      if (Names.bytes(name) > Names.MAX_BYTES) {
        return refuseTime(ann, "prefix", table, "partition name " + name
            + " is longer than PostgreSQL's 63 bytes. Set a shorter prefix.");
      }
      result.add(Partition.range(name, bound(from, type), bound(to, type)));
      from = to;
    }
    return result;
  }

  /** A bound as PostgreSQL writes it back (timestamptz in UTC). */
  private static String bound(LocalDate date, String type) {
    return switch (type) {
      case "date" -> "'" + date + "'";
      case "timestamp without time zone" -> "'" + date + " 00:00:00'";
      default -> "'" + date + " 00:00:00+00'";
    };
  }

  private List<Partition> refuseTime(Ann ann, String attribute, QualifiedName table, String why) {
    report.add(Message.TIME_PARTITIONS, attribute == null ? ann.origin() : ann.origin(attribute),
        table, why);
    return List.of();
  }
}
