package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key of one or more columns, declared on the record. Named
 * {@code <table>_<columns>_fkey} unless {@link #name()} is given.
 *
 * <pre>{@code
 * @ForeignKey(columns = {"orgId", "userId"}, references = Membership.class,
 *             onDelete = ReferentialAction.CASCADE)
 * record FormGrant(@Id UUID id, UUID orgId, UUID userId) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(ForeignKey.List.class)
public @interface ForeignKey {
  /** The referring columns of this table, in order. Example: {@code {"orgId", "userId"}}. */
  String[] columns();

  /** The referenced record. Example: {@code Membership.class}. */
  Class<? extends Record> references();

  /**
   * The referenced columns, paired in order with {@link #columns()}; default: the target's primary
   * key. Together they must be its primary key, one of its unique constraints or one of its unique
   * indexes (columns only, not partial), in any order. Example:
   * {@code referencedColumns = {"userId", "orgId"}}.
   */
  String[] referencedColumns() default {};

  /** The action on delete of the referenced row. Example: {@code onDelete = CASCADE}. */
  ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

  /** The action on update of the referenced key. Example: {@code onUpdate = CASCADE}. */
  ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;

  /** An explicit constraint name. Example: {@code name = "grants_membership_fk"}. */
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

  /** Holds repeated {@link ForeignKey} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    ForeignKey[] value();
  }
}
