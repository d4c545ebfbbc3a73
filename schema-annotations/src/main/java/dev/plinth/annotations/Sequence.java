package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a sequence of its own ({@code CREATE SEQUENCE}), not tied to an identity or serial
 * column: a column takes values from it with a default such as
 * {@code @Default("nextval('order_no')")}. The migration creates it before the tables, so such a
 * default works in the same migration. Options that are not written are PostgreSQL's defaults.
 * Repeatable; on {@code package-info.java} or on any {@code @Table} record of the schema.
 *
 * <pre>{@code
 * @Sequence(name = "order_no", start = 1000, cache = 20)
 * @Table(name = "orders")
 * public record Order(@Id @Default("nextval('order_no')") long number, String customer) {}
 * }</pre>
 *
 * <p>Changing an option changes the sequence in place ({@code ALTER SEQUENCE}), keeping its
 * position; {@link #renamedFrom()} renames it. Removing the declaration moves the sequence to the
 * migration's backup schema, so that rolling back puts it back where it was, at the same position.
 *
 * <p>Retention is {@code CLASS} so that the processor reads the declaration from the class file when
 * its source is not recompiled (incremental builds).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(Sequence.List.class)
public @interface Sequence {
  /** The sequence name. Example: {@code @Sequence(name = "order_no")}. */
  String name();

  /** The schema it lives in; {@code public} when not written. Example: {@code schema = "billing"}. */
  String schema() default "";

  /**
   * Its type ({@code AS}): {@code smallint}, {@code integer} (or {@code int}) or {@code bigint},
   * the default. Example: {@code type = "integer"}.
   */
  String type() default "bigint";

  /**
   * The first value ({@code START WITH}); when not written, the minimum value (the maximum for a
   * descending sequence). Example: {@code start = 1000}.
   */
  long start() default 1;

  /**
   * The step between values ({@code INCREMENT BY}); negative for a descending sequence, never 0.
   * Example: {@code increment = 10}.
   */
  long increment() default 1;

  /**
   * The least value ({@code MINVALUE}); when not written, 1 (the type's least value for a
   * descending sequence). Example: {@code minValue = 100}.
   */
  long minValue() default 1;

  /**
   * The greatest value ({@code MAXVALUE}); when not written, the greatest value of the type (-1
   * for a descending sequence). Example: {@code maxValue = 999999}.
   */
  long maxValue() default Long.MAX_VALUE;

  /** How many values a session takes at once ({@code CACHE}), at least 1. Example: {@code cache = 20}. */
  long cache() default 1;

  /** Whether the values start over after the last one ({@code CYCLE}). Example: {@code cycle = true}. */
  boolean cycle() default false;

  /**
   * The column that owns it ({@code OWNED BY}), as {@code "table.column"} (SQL names, a table of
   * the sequence's schema): dropping the column drops the sequence with it. Example:
   * {@code ownedBy = "orders.number"}.
   */
  String ownedBy() default "";

  /** The comment on the sequence ({@code COMMENT ON SEQUENCE}). Example: {@code comment = "Order numbers"}. */
  String comment() default "";

  /**
   * The sequence's previous name, in the same schema: the next migration renames it
   * ({@code ALTER SEQUENCE ... RENAME TO}) and it keeps its position. Example:
   * {@code @Sequence(name = "order_no", renamedFrom = "order_seq")}.
   */
  String renamedFrom() default "";

  /** Holds repeated {@link Sequence} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.PACKAGE})
  @interface List {
    /** The repeated annotations. */
    Sequence[] value();
  }
}
