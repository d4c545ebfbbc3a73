package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check constraint. On a component it is named {@code <table>_<column>_check}; on the record,
 * give {@link #name()} or it is named {@code <table>_check}, {@code <table>_check1}, ... in order.
 *
 * <pre>{@code
 * @Check("price >= 0") BigDecimal price                               // on a column
 * @Check(name = "period_ordered", value = "starts_at < ends_at")      // on the record
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
    ElementType.PARAMETER})
@Repeatable(Check.List.class)
public @interface Check {
  /** The boolean SQL expression, over column names. Example: {@code "char_length(slug) > 0"}. */
  String value();

  /** An explicit constraint name. Example: {@code name = "period_ordered"}. */
  String name() default "";

  /** Holds repeated {@link Check} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
      ElementType.PARAMETER})
  @interface List {
    /** The repeated annotations. */
    Check[] value();
  }
}
