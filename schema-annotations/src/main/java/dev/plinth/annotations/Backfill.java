package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value that rows holding NULL get when the column becomes NOT NULL in this compile (the fix
 * for warning {@code PLN306}): an SQL expression, which may use the row's other columns. The
 * migration fills those rows in batches before it adds the constraint, and keeps their row keys in
 * the migration's backup schema, so that the reverse sets exactly those rows back to NULL.
 *
 * <pre>{@code
 * // was: @Nullable String country
 * @Backfill("'unknown'") String country
 * @Backfill("lower(email)") String login
 * }</pre>
 *
 * <p>The table needs a primary key (to find the rows again on rollback). On a column that does not
 * become NOT NULL in this compile it does nothing, and the compiler warns so that it is removed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Backfill {
  /** The SQL expression. Example: {@code "'unknown'"}, {@code "0"}, {@code "created_at::date"}. */
  String value();
}
