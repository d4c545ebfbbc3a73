package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as a PostgreSQL table. Each record component is a column.
 *
 * <pre>{@code
 * /** A person who can sign in. *&#47;          // Javadoc becomes COMMENT ON TABLE
 * @Table(name = "users", schema = "auth")
 * public record User(@Id UUID id, String email) {}
 * }</pre>
 *
 * <p>Retention is {@code CLASS} so that the processor can read records that are not recompiled
 * (incremental builds) from their class files.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /**
   * The table name. Defaults to the snake_case of the record name: {@code FormVersion} becomes
   * {@code form_version}. Example: {@code @Table(name = "users")}.
   */
  String name() default "";

  /**
   * The PostgreSQL schema the table lives in. Defaults to {@code public}; any other schema is
   * created by the migration. Example: {@code @Table(schema = "billing")}.
   */
  String schema() default "";
}
