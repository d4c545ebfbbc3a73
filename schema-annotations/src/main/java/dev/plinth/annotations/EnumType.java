package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional details of a Java enum used as a column type. Without it the PostgreSQL enum type is
 * named after the snake_case of the enum's simple name, in {@code public}, with the constants'
 * names as values.
 *
 * <pre>{@code
 * @EnumType(name = "submission_state")
 * enum SubmissionStatus { DRAFT, SUBMITTED, ACCEPTED }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EnumType {
  /** The type name. Example: {@code name = "submission_state"}. */
  String name() default "";

  /** The schema of the type; {@code public} by default. Example: {@code schema = "billing"}. */
  String schema() default "";
}
