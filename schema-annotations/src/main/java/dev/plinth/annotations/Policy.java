package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A row-level security policy of the table ({@code CREATE POLICY}); it takes effect when the
 * table has {@link RowLevelSecurity}. Repeatable.
 *
 * <pre>{@code
 * @Policy(name = "tenant_rows", roles = "app_user",
 *     using = "tenant_id = current_setting('app.tenant')::uuid")
 * @Policy(name = "no_archived_writes", command = PolicyCommand.UPDATE, permissive = false,
 *     using = "NOT archived")
 * }</pre>
 *
 * <p>A changed policy is altered in place ({@code ALTER POLICY}) when PostgreSQL allows it (roles
 * and expressions), else dropped and created again; its expressions follow renamed columns.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Policy.List.class)
public @interface Policy {
  /** The policy name, unique within the table. Example: {@code name = "tenant_rows"}. */
  String name();

  /** The command it applies to; {@code ALL} by default. Example: {@code command = PolicyCommand.SELECT}. */
  PolicyCommand command() default PolicyCommand.ALL;

  /**
   * The roles it applies to, each declared with {@link Role}; everyone ({@code PUBLIC}) when
   * empty. Example: {@code roles = {"app_reader", "app_writer"}}.
   */
  String[] roles() default {};

  /**
   * Whether rows pass when any permissive policy lets them ({@code true}, the default), or only
   * when this one does too ({@code false}: {@code AS RESTRICTIVE}). Example: {@code permissive = false}.
   */
  boolean permissive() default true;

  /**
   * Which existing rows the policy lets the role see, update or delete: an SQL boolean expression
   * over the table's columns. Example: {@code using = "owner = current_user"}.
   */
  String using() default "";

  /**
   * Which new or updated rows the policy accepts: an SQL boolean expression over the table's
   * columns. Example: {@code withCheck = "owner = current_user"}.
   */
  String withCheck() default "";

  /**
   * The policy's previous name, to rename it ({@code ALTER POLICY ... RENAME TO}) instead of
   * dropping it and creating it again. Example: {@code renamedFrom = "own_rows"}.
   */
  String renamedFrom() default "";

  /** Holds repeated {@link Policy} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Policy[] value();
  }
}
