package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enables row-level security on a table: roles other than the table's owner (and superusers) see
 * and change only the rows a {@link Policy} lets them. Without any policy they see no row.
 *
 * <pre>{@code
 * @Table
 * @RowLevelSecurity(force = true)
 * @Policy(name = "own_notes", roles = "app_user", using = "owner = current_user")
 * public record Note(@Id long id, String owner, String body) {}
 * }</pre>
 *
 * <p>Removing it disables row-level security again (the policies stay defined but unused).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RowLevelSecurity {
  /**
   * Whether the policies apply to the table's owner too ({@code FORCE ROW LEVEL SECURITY}); the
   * owner bypasses them otherwise. Example: {@code @RowLevelSecurity(force = true)}.
   */
  boolean force() default false;
}
