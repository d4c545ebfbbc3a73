package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Acknowledges migration safety warnings by id, so that they are not reported again for this
 * table or column. Warnings say why a migration may lock or fail on a busy production table
 * (for example {@code PLN304}: an index built without {@code CONCURRENTLY}); acknowledge one only
 * when you know it is harmless here (a small or new table).
 *
 * <pre>{@code
 * @Table
 * @Acknowledge("PLN304")                        // the table is small: a plain index build is fine
 * @Index(columns = "email")
 * record Admin(@Id long id, String email) {}
 *
 * @Acknowledge("PLN303") @Column(length = 50) String code   // on a column
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
    ElementType.PARAMETER})
public @interface Acknowledge {
  /** The warning ids. Example: {@code {"PLN304", "PLN305"}}. */
  String[] value();
}
