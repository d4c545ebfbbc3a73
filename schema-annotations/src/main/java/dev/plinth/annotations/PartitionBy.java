package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the table a partitioned table ({@code PARTITION BY RANGE | LIST | HASH (columns)}); its
 * partitions are declared with {@link Partition} or {@link TimePartitions}.
 *
 * <pre>{@code
 * @Table(name = "events")
 * @PartitionBy(type = PartitionType.RANGE, columns = "createdAt")
 * @Partition(name = "events_2026_01", from = "'2026-01-01'", to = "'2026-02-01'")
 * @Partition(name = "events_old", isDefault = true)
 * public record Event(@Id long id, @Id LocalDate createdAt, String kind) {}
 * }</pre>
 *
 * <p>The primary key and unique constraints must include every partition column (PostgreSQL
 * enforces them per partition). Indexes, keys and foreign keys are declared on the table as usual
 * and PostgreSQL gives each partition its own; so do added, dropped and renamed columns. A table
 * cannot become partitioned (or stop being, or change its partition key) in place: declare a new
 * table and copy the rows.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PartitionBy {
  /** The partitioning strategy. Example: {@code type = PartitionType.LIST}. */
  PartitionType type();

  /**
   * The partition key's columns (component or column names), in order. Example:
   * {@code columns = "createdAt"}.
   */
  String[] columns();
}
