package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One partition of a {@link PartitionBy} table, created in the table's schema with
 * {@code CREATE TABLE <name> PARTITION OF <table> FOR VALUES ...}. Set the attributes of the
 * table's strategy: {@code from}/{@code to} for RANGE, {@code values} for LIST,
 * {@code modulus}/{@code remainder} for HASH, or {@code isDefault} for the partition that takes
 * every other row (RANGE and LIST).
 *
 * <pre>{@code
 * @Partition(name = "events_2026_01", from = "'2026-01-01'", to = "'2026-02-01'")   // RANGE
 * @Partition(name = "events_before", from = "MINVALUE", to = "'2026-01-01'")        // RANGE
 * @Partition(name = "orders_europe", values = {"'de'", "'fr'"})                      // LIST
 * @Partition(name = "sessions_0", modulus = 4, remainder = 0)                        // HASH
 * @Partition(name = "events_other", isDefault = true)                                // DEFAULT
 * }</pre>
 *
 * <p>Removing a partition detaches it and keeps it, rows and all, in the migration's backup schema;
 * the reverse attaches it again. Changing a partition's bounds detaches it and attaches it again
 * with the new ones (its rows must fit them).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Partition.List.class)
public @interface Partition {
  /** The partition's table name. Example: {@code name = "events_2026_01"}. */
  String name();

  /**
   * RANGE: the inclusive lower bound, SQL literals separated by commas for a key of several
   * columns, or {@code MINVALUE}. Example: {@code from = "'2026-01-01'"}.
   */
  String from() default "";

  /**
   * RANGE: the exclusive upper bound, as {@link #from()}, or {@code MAXVALUE}. Example:
   * {@code to = "'2026-02-01'"}.
   */
  String to() default "";

  /** LIST: the key values, as SQL literals. Example: {@code values = {"'de'", "'fr'"}}. */
  String[] values() default {};

  /** HASH: the modulus, the same positive number for every partition. Example: {@code modulus = 4}. */
  int modulus() default 0;

  /** HASH: the remainder, from 0 to modulus - 1. Example: {@code remainder = 0}. */
  int remainder() default 0;

  /** The default partition, which takes the rows no other partition does. Example: {@code isDefault = true}. */
  boolean isDefault() default false;

  /** Holds repeated {@link Partition} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Partition[] value();
  }
}
