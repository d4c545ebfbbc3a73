package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * States that columns (or tables) that disappeared were dropped on purpose. Plinth never guesses:
 * when a column disappears from a record while a compatible one appears, it stops with an error
 * until the change is stated either as a rename ({@link RenamedFrom}) or as a drop with this
 * annotation. It is ignored once the named columns or tables no longer exist.
 *
 * <pre>{@code
 * @Table
 * @Dropped(columns = "legacy_code")              // legacy_code is dropped, not renamed to code
 * record Product(@Id long id, String code) {}
 *
 * @Table
 * @Dropped(tables = "old_products")              // a new table next to a deleted one
 * record Catalog(@Id long id, String code) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Dropped {
  /** SQL names of columns of this table that are dropped. Example: {@code columns = "legacy_code"}. */
  String[] columns() default {};

  /**
   * Names of tables (in this table's schema, or qualified) that are dropped although this new
   * table looks like them. Example: {@code tables = "old_products"}.
   */
  String[] tables() default {};
}
