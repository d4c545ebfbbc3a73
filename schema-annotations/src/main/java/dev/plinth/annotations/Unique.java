package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unique constraint. On a component it covers that column; on the record it names its columns.
 * The constraint is named {@code <table>_<columns>_key} unless {@link #name()} is given.
 *
 * <pre>{@code
 * @Unique String email                                        // one column
 * @Unique(columns = {"orgId", "slug"})                        // on the record: several columns
 * @Unique(columns = "externalRef", nullsNotDistinct = true)   // one row at most without a ref
 * @Unique(columns = {"orgId", "position"}, deferrable = Deferrable.INITIALLY_DEFERRED)
 * record Form(@Id UUID id, UUID orgId, String slug) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
    ElementType.PARAMETER})
@Repeatable(Unique.List.class)
public @interface Unique {
  /**
   * The columns, by component name or column name; required on a record, ignored on a component.
   * Example: {@code columns = {"orgId", "slug"}}.
   */
  String[] columns() default {};

  /** An explicit constraint name. Example: {@code name = "forms_slug_per_org"}. */
  String name() default "";

  /**
   * Count NULLs as equal ({@code UNIQUE NULLS NOT DISTINCT}): at most one row may leave the
   * columns NULL. Needs PostgreSQL 15 or later ({@code -Aplinth.postgres=15}). Example:
   * {@code nullsNotDistinct = true}.
   */
  boolean nullsNotDistinct() default false;

  /**
   * Whether the constraint may be checked at commit ({@code DEFERRABLE}); a foreign key cannot
   * reference a deferrable one. Example: {@code deferrable = Deferrable.INITIALLY_DEFERRED}.
   */
  Deferrable deferrable() default Deferrable.NOT_DEFERRABLE;

  /** Holds repeated {@link Unique} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Unique[] value();
  }
}
