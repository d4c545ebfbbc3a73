package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Privileges on the table (on a {@link Table} record) or view (on a {@link View} record) granted
 * to a role declared with {@link Role}. Repeatable, one per role. A changed grant grants or
 * revokes only the difference.
 *
 * <pre>{@code
 * @Table
 * @Grant(to = "app_reader", privileges = Privilege.SELECT)
 * @Grant(to = "app_writer", privileges = {Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE})
 * public record Note(@Id long id, String body) {}
 * }</pre>
 *
 * <p>With {@link #sequence()} the privileges are on a sequence of the table's schema (the one
 * behind a serial or identity column) rather than on the table: {@code USAGE}, {@code SELECT}
 * and {@code UPDATE}. Nothing is granted on a sequence unless declared: a role that inserts rows
 * drawing ids from it needs {@code USAGE} on it too.
 *
 * <pre>{@code
 * @Table(name = "orders")
 * @Grant(to = "app_writer", privileges = {Privilege.SELECT, Privilege.INSERT})
 * @Grant(to = "app_writer", privileges = Privilege.USAGE, sequence = "orders_id_seq")
 * public record Order(@Id @Serial long id, String item) {}
 * }</pre>
 *
 * <p>With {@link #function()} the privilege is {@code EXECUTE} on a function that a
 * {@link Function} of the same type declares. PostgreSQL lets everyone ({@code PUBLIC}) execute a
 * new function; a function with any {@code @Grant} is executable by exactly the roles granted: the
 * migration revokes {@code EXECUTE} from {@code PUBLIC} unless a {@code @Grant(to = "PUBLIC")}
 * names the function too. A function without {@code @Grant} keeps PostgreSQL's default.
 *
 * <pre>{@code
 * @Function(name = "order_total", resource = "fn/order_total.sql", arguments = "order_id bigint",
 *     returns = "numeric", language = "sql")
 * @Grant(to = "app_reader", privileges = Privilege.EXECUTE, function = "order_total")
 * public final class Reports {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Grant.List.class)
public @interface Grant {
  /** The role, declared with {@link Role}, or {@code "PUBLIC"}. Example: {@code to = "app_reader"}. */
  String to();

  /** The privileges. Example: {@code privileges = {Privilege.SELECT, Privilege.INSERT}}. */
  Privilege[] privileges();

  /**
   * The sequence, in the table's schema, the privileges are on; the table itself by default.
   * Only on a {@link Table} record, with {@code USAGE}, {@code SELECT} or {@code UPDATE}.
   * Example: {@code sequence = "orders_id_seq"}.
   */
  String sequence() default "";

  /**
   * The function, declared by a {@link Function} of the same type, the privilege is on: by its
   * name, or {@code schema.name} when the type declares functions of that name in two schemas.
   * Only with {@code EXECUTE}. Example: {@code function = "order_total"}.
   */
  String function() default "";

  /** Holds repeated {@link Grant} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Grant[] value();
  }
}
