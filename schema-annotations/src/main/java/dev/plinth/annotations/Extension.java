package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a PostgreSQL extension the schema needs, such as {@code pg_trgm} for a
 * {@code gin_trgm_ops} index. The migration creates it when the database does not have it
 * ({@code CREATE EXTENSION}), before the tables and indexes; an extension the server does not offer
 * stops the migration with a message naming it. Removing the declaration (or rolling back the
 * migration that created it) drops it only when a Plinth migration created it, and only while
 * nothing uses it. {@code verify} reports a declared extension that is missing. Repeatable; on
 * {@code package-info.java} or on any {@code @Table} record of the schema.
 *
 * <pre>{@code
 * @Extension("pg_trgm")
 * @Extension(value = "postgis", schema = "gis")
 * package com.example.schema;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(Extension.List.class)
public @interface Extension {
  /** The extension name, as {@code CREATE EXTENSION} takes it. Example: {@code @Extension("pg_trgm")}. */
  String value();

  /**
   * The schema its objects are created in ({@code SCHEMA}); the extension's choice (usually
   * {@code public}) when not written. Example: {@code schema = "extensions"}.
   */
  String schema() default "";

  /**
   * The version to create ({@code VERSION}); the server's default version when not written.
   * Example: {@code version = "1.6"}.
   */
  String version() default "";

  /** Holds repeated {@link Extension} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.PACKAGE})
  @interface List {
    /** The repeated annotations. */
    Extension[] value();
  }
}
