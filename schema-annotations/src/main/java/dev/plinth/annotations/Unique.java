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

  /** Holds repeated {@link Unique} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Unique[] value();
  }
}
