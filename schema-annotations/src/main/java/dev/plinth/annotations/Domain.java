package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a PostgreSQL domain ({@code CREATE DOMAIN}): a base type with a default, NOT NULL and
 * named checks over {@code VALUE}. It may be put on any class, interface or record (a small marker
 * type that holds the domains of a package reads well). Columns use it by its name as their
 * {@link Column#type()}, also as arrays ({@code "email_address[]"}); a domain outside
 * {@code public} is named with its schema ({@code "billing.amount"}).
 *
 * <pre>{@code
 * @Domain(name = "email_address", type = "text", notNull = true,
 *     checks = @Check(name = "email_address_at", value = "VALUE LIKE '%@%'"))
 * public interface Domains {}
 *
 * @Table(name = "users")
 * public record User(@Id long id, @Column(type = "email_address") String email) {}
 * }</pre>
 *
 * <p>A domain is created before the tables that use it and dropped after the last one goes. A
 * changed default, NOT NULL, comment or set of checks is altered in place
 * ({@code ALTER DOMAIN ... SET DEFAULT}, {@code ADD CONSTRAINT}, ...; a check whose name stays and
 * whose expression changes is dropped and added again); {@link #renamedFrom()} renames it. A
 * changed base type or collation cannot be altered in place: while columns use the domain that is a
 * compile error (declare a domain of another name, move the columns to it, then remove this one).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Domain.List.class)
public @interface Domain {
  /** The domain name. Example: {@code name = "email_address"}. */
  String name();

  /** The PostgreSQL schema it lives in; {@code public} by default. Example: {@code schema = "billing"}. */
  String schema() default "";

  /** The base type, as a column type is written. Example: {@code type = "varchar(320)"}. */
  String type();

  /** Whether NULL is refused ({@code NOT NULL}). Example: {@code notNull = true}. */
  boolean notNull() default false;

  /** The default expression, as SQL. Example: {@code defaultValue = "0"}. */
  String defaultValue() default "";

  /**
   * Named checks over {@code VALUE}; an unnamed one is named {@code <domain>_check},
   * {@code <domain>_check1}, ... in order. Example:
   * {@code checks = @Check(name = "amount_positive", value = "VALUE > 0")}.
   */
  Check[] checks() default {};

  /** The collation of a text base type. Example: {@code collation = "C"}. */
  String collation() default "";

  /** The comment ({@code COMMENT ON DOMAIN}). Example: {@code comment = "An e-mail address"}. */
  String comment() default "";

  /**
   * The domain's previous name (in the same schema): the next migration renames it
   * ({@code ALTER DOMAIN ... RENAME TO}) and the columns keep using it. Example:
   * {@code renamedFrom = "email"}.
   */
  String renamedFrom() default "";

  /** Holds repeated {@link Domain} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Domain[] value();
  }
}
