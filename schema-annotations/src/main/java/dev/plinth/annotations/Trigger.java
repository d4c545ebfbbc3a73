package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A trigger on the table of the {@code @Table} record it is put on, executing a function (with no
 * arguments), usually one declared with {@link Function}.
 *
 * <pre>{@code
 * @Trigger(name = "orders_touch", function = "touch_updated_at",
 *     timing = Trigger.Timing.BEFORE, events = {TriggerEvent.INSERT, TriggerEvent.UPDATE},
 *     when = "NEW.status IS DISTINCT FROM 'archived'")
 * @Table(name = "orders")
 * public record Order(...) {}
 * }</pre>
 *
 * <p>A changed trigger is dropped and created again. It follows a rename of its table. One with a
 * {@code when} condition is dropped and created again around a migration that retypes, renames or
 * drops a column of its table (PostgreSQL refuses to retype a column a trigger's condition uses).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Trigger.List.class)
public @interface Trigger {
  /** The trigger name, unique on its table. Example: {@code name = "orders_touch"}. */
  String name();

  /**
   * The function it executes, schema-qualified unless it is in {@code public}. Example:
   * {@code function = "touch_updated_at"}, {@code function = "pg_catalog.suppress_redundant_updates_trigger"}.
   */
  String function();

  /** When it fires; {@code BEFORE} by default. Example: {@code timing = Trigger.Timing.AFTER}. */
  Timing timing() default Timing.BEFORE;

  /** The events it fires on. Example: {@code events = {TriggerEvent.INSERT, TriggerEvent.UPDATE}}. */
  TriggerEvent[] events();

  /** Once per row (the default) or once per statement. Example: {@code forEach = Trigger.Level.STATEMENT}. */
  Level forEach() default Level.ROW;

  /**
   * The condition of its {@code WHEN} clause, without the parentheses; none by default. Example:
   * {@code when = "OLD.status IS DISTINCT FROM NEW.status"}.
   */
  String when() default "";

  /** When a trigger fires. */
  enum Timing {
    BEFORE,
    AFTER,
    /** On views only, in PostgreSQL. */
    INSTEAD_OF
  }

  /** How often a trigger fires. */
  enum Level {
    ROW,
    STATEMENT
  }

  /** Holds repeated {@link Trigger} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Trigger[] value();
  }
}
