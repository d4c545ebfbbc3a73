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

  /** Holds repeated {@link Grant} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Grant[] value();
  }
}
