package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows NULL in a column; every column is {@code NOT NULL} otherwise. Any annotation whose simple
 * name is {@code Nullable} has the same effect, so JSpecify's, Jakarta's or JetBrains' work too.
 * Primitive components cannot be nullable.
 *
 * <pre>{@code
 * @Nullable String displayName      // text NULL
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {}
