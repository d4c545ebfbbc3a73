package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional details of a Java enum used as a column type, or of one that declares a type on its own.
 * Without it the PostgreSQL enum type is named after the snake_case of the enum's simple name, in
 * {@code public}, with the constants' names (or their {@link EnumValue} labels) as values, and it
 * exists while a column uses it.
 *
 * <pre>{@code
 * @EnumType(name = "submission_state")
 * enum SubmissionStatus { DRAFT, SUBMITTED, ACCEPTED }
 *
 * @EnumType(standalone = true)                 // created although no column uses it
 * enum Priority { LOW, @EnumValue("very high") VERY_HIGH }
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

  /**
   * Declares the type even when no column uses it (for hand-written SQL, functions or casts): it is
   * created, kept while the enum exists with this attribute, and dropped when the enum is deleted
   * or the attribute removed (and no column uses it). Example: {@code standalone = true}.
   */
  boolean standalone() default false;
}
