package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * States that a table, column or enum value used to have another name, so the migration renames
 * it (keeping its data) instead of dropping the old one and creating a new one. It can stay in
 * place after the rename has been migrated; it is ignored once the old name is gone.
 *
 * <pre>{@code
 * @Table @RenamedFrom("accounts") record User(...) {}         // ALTER TABLE accounts RENAME TO user
 * @RenamedFrom("created") Instant createdAt                    // ALTER TABLE ... RENAME COLUMN
 * enum Status { @RenamedFrom("DISABLED") SUSPENDED }          // ALTER TYPE ... RENAME VALUE
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
    ElementType.PARAMETER})
public @interface RenamedFrom {
  /**
   * The previous SQL name (for a table, optionally qualified: {@code "billing.accounts"}); for a
   * column, the Java name of the component it was is accepted too ({@code "displayName"}).
   */
  String value();
}
