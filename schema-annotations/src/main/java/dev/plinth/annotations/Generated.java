package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A generated column: PostgreSQL computes its value from the other columns of the row, as an SQL
 * expression written as PostgreSQL expects it ({@code GENERATED ALWAYS AS (...) STORED}), and
 * nothing writes to it (seed builders have no setter for it).
 *
 * <pre>{@code
 * @Generated("price * quantity") BigDecimal total
 * @Generated("lower(email)") String emailKey
 * @Generated("status = 'open'") boolean open        // an enum's label, as in an index predicate
 * }</pre>
 *
 * <p>Changing the expression gives the column its new one in place when every target has
 * {@code SET EXPRESSION} (PostgreSQL 17 and later, {@code -Aplinth.postgres=17}); otherwise the
 * column is dropped and added again (a warning says so). Removing the annotation keeps the values
 * ({@code DROP EXPRESSION}; for a PostgreSQL 14 target, whose {@code DROP EXPRESSION} leaves the
 * column depending on what the expression named, a copy that moves the column last when the
 * expression reads an enum); adding it to a plain column computes them, and the reverse puts the
 * plain values back.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Generated {
  /** The SQL expression. Example: {@code "price * quantity"}. */
  String value();
}
