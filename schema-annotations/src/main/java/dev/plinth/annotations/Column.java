package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional details of a column. Without it a component maps to a column named after the
 * snake_case of the component, with the type given by the Java type (see the README's table).
 *
 * <pre>{@code
 * @Column(name = "e_mail", length = 320) String email        // varchar(320)
 * @Column(precision = 12, scale = 2) BigDecimal amount         // numeric(12,2)
 * @Column(type = "citext") String handle                       // any SQL type
 * @Column(notNullName = "user_email_present") String email    // CONSTRAINT ... NOT NULL (PostgreSQL 18)
 * @Column(collation = "C") String code                        // text COLLATE "C"
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Column {
  /** The column name. Defaults to the snake_case of the component. Example: {@code name = "e_mail"}. */
  String name() default "";

  /**
   * Maximum length of a {@code String} column, which then maps to {@code varchar(length)}
   * instead of {@code text}. Example: {@code length = 320}.
   */
  int length() default 0;

  /** Precision of a {@code BigDecimal} column: {@code precision = 12} gives {@code numeric(12,0)}. */
  int precision() default 0;

  /** Scale of a {@code BigDecimal} column, with {@link #precision()}: {@code scale = 2}. */
  int scale() default 0;

  /**
   * An explicit SQL type, for anything the Java type does not map to by itself. It is used as
   * written. Example: {@code type = "inet"}, {@code type = "tsvector"}.
   */
  String type() default "";

  /**
   * An explicit name for the column's NOT NULL constraint, which PostgreSQL names (and catalogs)
   * from version 18; kept when the table or column is renamed. It needs the processor option
   * {@code -Aplinth.postgres=18} (or later): with older servers there is no such name. Example:
   * {@code notNullName = "user_email_present"}.
   */
  String notNullName() default "";

  /**
   * The column's collation, for a text type ({@code String}, {@code varchar}, {@code citext}, or an
   * explicit {@link #type()}): {@code COLLATE "C"} sorts and compares byte by byte, {@code "und-x-icu"}
   * by the ICU root locale. Defaults to the type's (the database's) collation. Changing it is done
   * in place ({@code ALTER COLUMN ... TYPE ... COLLATE ...}); indexes on the column are rebuilt.
   * Example: {@code collation = "C"}.
   */
  String collation() default "";
}
