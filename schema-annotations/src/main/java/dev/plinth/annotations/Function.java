package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a PostgreSQL function whose body is kept in an {@code .sql} resource file, next to the
 * migrations: the body as between the {@code $$} of {@code CREATE FUNCTION ... AS $$ ... $$}.
 * It may be put on any class, interface or record (a {@code @Table} record whose triggers call it
 * reads well).
 *
 * <pre>{@code
 * @Function(name = "touch_updated_at", resource = "fn/touch_updated_at.sql")
 * @Trigger(name = "orders_touch", function = "touch_updated_at", events = TriggerEvent.UPDATE)
 * @Table(name = "orders")
 * public record Order(@Id long id, @Default("now()") OffsetDateTime updatedAt) {}
 * }</pre>
 *
 * <p>with {@code src/main/resources/fn/touch_updated_at.sql} holding
 *
 * <pre>
 * BEGIN
 *   NEW.updated_at := now();
 *   RETURN NEW;
 * END;
 * </pre>
 *
 * <p>The resource is looked up under the resources folder that holds the migrations folder
 * ({@code plinth.migrations} less {@code plinth.resourcePath}, e.g. {@code src/main/resources}),
 * then on the source path and the class path. A changed body (line endings, trailing spaces and
 * blank lines around it do not count) is put in place with {@code CREATE OR REPLACE FUNCTION}; a
 * changed argument list or return type drops the function and creates it again, with the triggers
 * that call it around it. The reverse puts the former body back.
 *
 * <p>Who may execute it is said with {@code @Grant(to = ..., privileges = Privilege.EXECUTE,
 * function = "...")} on the same type ({@link Grant#function()}); without one, PostgreSQL's
 * default (everyone) stays.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Function.List.class)
public @interface Function {
  /** The function name. Example: {@code name = "touch_updated_at"}. */
  String name();

  /** The PostgreSQL schema it lives in; {@code public} by default. Example: {@code schema = "app"}. */
  String schema() default "";

  /**
   * The path of the body's file among the resources. Example:
   * {@code resource = "fn/touch_updated_at.sql"}.
   */
  String resource();

  /**
   * The argument list as between the parentheses, without defaults; none by default. Example:
   * {@code arguments = "amount numeric, rate numeric"}.
   */
  String arguments() default "";

  /** The return type; {@code trigger} by default. Example: {@code returns = "numeric"}. */
  String returns() default "trigger";

  /** The language of the body; {@code plpgsql} by default. Example: {@code language = "sql"}. */
  String language() default "plpgsql";

  /** Holds repeated {@link Function} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Function[] value();
  }
}
