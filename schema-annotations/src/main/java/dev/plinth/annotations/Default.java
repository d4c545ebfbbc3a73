package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column's SQL default, an expression written as PostgreSQL expects it.
 *
 * <pre>{@code
 * @Default("now()") Instant createdAt
 * @Default("'draft'") FormStatus status
 * @Default("'{}'::jsonb") @Jsonb String settings
 * @Default("gen_random_uuid()") @Id UUID id
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Default {
  /** The SQL expression. Example: {@code "now()"}, {@code "0"}, {@code "'active'"}. */
  String value();
}
