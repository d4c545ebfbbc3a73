package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SQL label of an enum constant, for labels that are not Java identifiers: lower case, with
 * spaces, hyphens, dots or quotes, Java keywords, anything up to 63 bytes (UTF-8). Without it the
 * label is the constant's name. The label is what the migrations create, what seed rows insert for
 * the constant and what {@code verify} expects; changing it is a rename with
 * {@link RenamedFrom} (the old label), or a removal and an addition without.
 *
 * <pre>{@code
 * enum Stage {
 *   @EnumValue("new") NEW,
 *   @EnumValue("in progress") IN_PROGRESS,
 *   @EnumValue("won't fix") WONT_FIX,
 *   @EnumValue("v1.0") @RenamedFrom("v1") V1
 * }
 * }</pre>
 *
 * <p>Retention is {@code RUNTIME}: the seed runner reads the label of the constants it inserts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EnumValue {
  /** The label. Example: {@code "in progress"}. */
  String value();
}
