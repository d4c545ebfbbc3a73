package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component as (part of) the primary key. Several {@code @Id} components form a composite
 * key in the order of the components. The constraint is named {@code <table>_pkey} (renamed with
 * the table) unless {@link #name()} is given.
 *
 * <pre>{@code
 * record Membership(@Id UUID orgId, @Id UUID userId, Role role) {}
 * record Account(@Id(name = "account_pk") UUID id, String email) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Id {
  /**
   * An explicit name for the primary key constraint, kept when the table or its columns are
   * renamed. On a composite key, write it on one of the {@code @Id} components. Example:
   * {@code name = "account_pk"}.
   */
  String name() default "";

  /**
   * Whether the primary key may be checked at commit ({@code DEFERRABLE}); on a composite key,
   * write it on one of the {@code @Id} components. A foreign key cannot reference a deferrable
   * key. Example: {@code deferrable = Deferrable.INITIALLY_DEFERRED}.
   */
  Deferrable deferrable() default Deferrable.NOT_DEFERRABLE;
}
