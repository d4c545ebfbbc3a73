package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a PostgreSQL schema, on a package ({@code package-info.java}). The schema exists from the
 * migration that declares it, even while no table lives in it; the records of the package (tables,
 * views, enum types) live in it unless they name another schema. The package's Javadoc (or
 * {@link #comment()}) becomes {@code COMMENT ON SCHEMA}.
 *
 * <pre>{@code
 * /** Invoices and payments. *&#47;
 * @DbSchema(name = "billing")
 * package com.example.billing;
 *
 * import dev.plinth.annotations.DbSchema;
 * }</pre>
 *
 * <p>Removing the declaration drops the schema, which must then be empty: a table, view or enum
 * type still in it is a compile error. Renaming it with {@link #renamedFrom()} renames the schema
 * in place ({@code ALTER SCHEMA ... RENAME TO}), with everything in it.
 *
 * <p>A schema named only by {@code @Table(schema = "...")} needs no declaration: it is created with
 * its first table and dropped with its last one.
 *
 * <p>Retention is {@code CLASS} so that the processor reads the declaration from
 * {@code package-info.class} when the package is not recompiled (incremental builds).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface DbSchema {
  /**
   * The schema name. Example: {@code @DbSchema(name = "billing")}. {@code public} cannot be
   * declared: it always exists.
   */
  String name();

  /**
   * The comment on the schema ({@code COMMENT ON SCHEMA}). Defaults to the Javadoc of
   * {@code package-info.java}; an attribute wins over the Javadoc. Example:
   * {@code @DbSchema(name = "billing", comment = "Invoices and payments")}.
   */
  String comment() default "";

  /**
   * The schema's previous name: the next migration renames it
   * ({@code ALTER SCHEMA "accounts" RENAME TO "billing"}) instead of creating a new schema, and
   * the tables, views and enum types in it follow. Remove it once the migration is committed, or
   * keep it: it does nothing when no schema of that name is left. Example:
   * {@code @DbSchema(name = "billing", renamedFrom = "accounts")}.
   */
  String renamedFrom() default "";
}
