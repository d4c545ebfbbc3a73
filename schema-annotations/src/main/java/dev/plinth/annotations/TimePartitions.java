package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a run of consecutive RANGE partitions of a {@link PartitionBy} table over a date or
 * timestamp column: {@code count} partitions of one {@code interval} each, from {@code start}. The
 * run is worked out from these values alone, never from the clock, so the same record always
 * declares the same partitions; raise {@code count} to declare more ahead. It can be combined with
 * {@link Partition} (for a default partition, say).
 *
 * <pre>{@code
 * @PartitionBy(type = PartitionType.RANGE, columns = "createdAt")
 * @TimePartitions(start = "2026-01", count = 12, interval = TimeInterval.MONTH)
 * public record Event(@Id long id, @Id OffsetDateTime createdAt) {}
 * // events_2026_01: FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00'), ... events_2026_12
 * }</pre>
 *
 * <p>The bounds are dates for a {@code date} key, midnight for {@code timestamp}, and midnight UTC
 * for {@code timestamptz}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TimePartitions {
  /**
   * The start of the first partition: {@code yyyy-mm-dd}, or {@code yyyy-mm} (the first of the
   * month), or {@code yyyy} (January the first). Example: {@code start = "2026-01"}.
   */
  String start();

  /** How many partitions, at least 1. Example: {@code count = 12}. */
  int count();

  /** The length of each partition. Example: {@code interval = TimeInterval.MONTH}. */
  TimeInterval interval();

  /**
   * The start of each partition's name, to which {@code _yyyy[_mm[_dd]]} is added. Defaults to the
   * table name. Example: {@code prefix = "ev"} gives {@code ev_2026_01}.
   */
  String prefix() default "";
}
