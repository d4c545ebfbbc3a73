package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A single-column foreign key to another {@link Table} record, named by its class so that the
 * compiler checks the target. The constraint is named {@code <table>_<column>_fkey}. For keys of
 * several columns use {@link ForeignKey} on the record.
 *
 * <pre>{@code
 * @References(value = Organization.class, onDelete = ReferentialAction.CASCADE) UUID orgId
 * @References(value = User.class, column = "email") String ownerEmail
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface References {
  /** The referenced record. Example: {@code Organization.class}. */
  Class<? extends Record> value();

  /**
   * The referenced column; defaults to the target's single-column primary key. It must be a
   * primary key, unique constraint or unique index column. Example: {@code column = "email"}.
   */
  String column() default "";

  /** The action on delete of the referenced row. Example: {@code onDelete = CASCADE}. */
  ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

  /** The action on update of the referenced key. Example: {@code onUpdate = CASCADE}. */
  ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;

  /** An explicit constraint name. Example: {@code name = "forms_owner_fk"}. */
  String name() default "";

  /**
   * {@code MATCH FULL}: the referring columns are all NULL or none is (by default,
   * {@code MATCH SIMPLE}, a row with any of them NULL is not checked). Example:
   * {@code matchFull = true}.
   */
  boolean matchFull() default false;

  /**
   * Whether the key may be checked at commit ({@code DEFERRABLE}). Changing it later is done in
   * place. Example: {@code deferrable = Deferrable.INITIALLY_DEFERRED}.
   */
  Deferrable deferrable() default Deferrable.NOT_DEFERRABLE;
}
