package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as a PostgreSQL view. Its components are the view's columns, in the order of
 * the query's select list; no seed builder is generated for it (a view takes no rows).
 *
 * <pre>{@code
 * @View(name = "active_users", sql = "SELECT id, email FROM users WHERE active")
 * public record ActiveUser(UUID id, String email) {}
 * }</pre>
 *
 * <p>A migration that retypes, renames or drops a column of a table the view reads, or that
 * changes a view it reads, drops the view first and creates it again afterwards (in the reverse
 * too). A changed query drops and creates the view. Its options ({@link #securityBarrier()},
 * {@link #checkOption()}, {@link #securityInvoker()}) and {@link #comment()} are created with it
 * (also when it is created again) and changed in place ({@code ALTER VIEW ... SET (...)},
 * {@code RESET (...)}, {@code COMMENT ON VIEW}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface View {
  /**
   * The view name. Defaults to the snake_case of the record name: {@code ActiveUser} becomes
   * {@code active_user}. Example: {@code @View(name = "active_users", sql = "...")}.
   */
  String name() default "";

  /**
   * The PostgreSQL schema the view lives in. Defaults to {@code public}. Example:
   * {@code @View(schema = "reports", sql = "...")}.
   */
  String schema() default "";

  /**
   * The query, as after {@code CREATE VIEW ... AS}: a {@code SELECT} (or {@code VALUES},
   * {@code WITH ...}), without a trailing semicolon. Tables are named as in any migration.
   * Example: {@code sql = "SELECT id, email FROM users WHERE active"}. Either this or
   * {@link #resource()}.
   */
  String sql() default "";

  /**
   * The path among the resources of a file holding the query, instead of {@link #sql()}; looked up
   * as a {@code @Function}'s body is. Example: {@code resource = "views/active_users.sql"}.
   */
  String resource() default "";

  /**
   * A materialized view: the query's rows are stored, read without running it, and brought up to
   * date by {@code REFRESH MATERIALIZED VIEW}. {@code @Index} annotations on the record index it
   * (keys are its columns). Example: {@code @View(sql = "...", materialized = true)}.
   */
  boolean materialized() default false;

  /**
   * For a materialized view, whether it is filled when created ({@code WITH DATA}, the default) or
   * left empty and unreadable until refreshed ({@code WITH NO DATA}, quick to create). Example:
   * {@code @View(sql = "...", materialized = true, withData = false)}.
   */
  boolean withData() default true;

  /**
   * For a materialized view, how many times a migration was asked to refresh it: raising it (from 0
   * to 1, then to 2, ...) makes the next migration run {@code REFRESH MATERIALIZED VIEW}, after the
   * migration's other changes. The refresh is {@code CONCURRENTLY} (readers go on) when the view is
   * created {@code WITH DATA} and has a unique {@code @Index} on plain columns without a
   * {@code where}; otherwise it locks readers out for its whole length (lint {@code PLN410}). The
   * rollback refreshes the view again. A migration that creates the view again {@code WITH DATA}
   * (its query changed, say) does not refresh it. Example:
   * {@code @View(sql = "...", materialized = true, refresh = 1)}.
   */
  int refresh() default 0;

  /**
   * A view whose condition runs before any function the caller's query applies to its rows, so
   * that a leaky function cannot see rows the view hides ({@code WITH (security_barrier=true)}).
   * Not for a materialized view. Example: {@code @View(sql = "...", securityBarrier = true)}.
   */
  boolean securityBarrier() default false;

  /**
   * Whether rows written through the view must be rows it shows ({@code WITH LOCAL CHECK OPTION},
   * {@code WITH CASCADED CHECK OPTION}); PostgreSQL accepts it only on a view it can write through.
   * Not for a materialized view. Example:
   * {@code @View(sql = "...", checkOption = CheckOption.CASCADED)}.
   */
  CheckOption checkOption() default CheckOption.NONE;

  /**
   * A view that reads its tables with the privileges (and row-level security) of the user who
   * queries it, not of its owner ({@code WITH (security_invoker=true)}); PostgreSQL 15 or later
   * ({@code -Aplinth.postgres=15}). Not for a materialized view. Example:
   * {@code @View(sql = "...", securityInvoker = true)}.
   */
  boolean securityInvoker() default false;

  /**
   * The view's comment ({@code COMMENT ON VIEW}); none when empty. A record's Javadoc is not the
   * view's comment. Example: {@code @View(sql = "...", comment = "Users not banned")}.
   */
  String comment() default "";
}
