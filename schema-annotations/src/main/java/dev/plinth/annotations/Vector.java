package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a {@code float[]} component as a pgvector {@code vector(n)}. The migration creates the
 * {@code vector} extension when a schema first uses it.
 *
 * <pre>{@code
 * @Vector(1536) float[] embedding
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Vector {
  /** The number of dimensions, 1 to 16000. Example: {@code 1536}. */
  int value();
}
