package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a role that {@link Policy} and {@link Grant} name. The migration creates it when the
 * cluster does not have it yet ({@code NOLOGIN} unless {@link #login()}); an existing role is left
 * as it is. Roles belong to the whole cluster, so neither a rollback nor removing the declaration
 * drops one: the migration says the role stays, and {@code DROP ROLE} is for a person to run.
 * Repeatable; on {@code package-info.java} or on any record of the schema.
 *
 * <pre>{@code
 * @Role("app_reader")
 * @Role(value = "app_writer", login = true)
 * package com.example.schema;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(Role.List.class)
public @interface Role {
  /** The role name, as in SQL. Example: {@code @Role("app_reader")}. */
  String value();

  /** Whether the role is created {@code LOGIN}. Example: {@code @Role(value = "app", login = true)}. */
  boolean login() default false;

  /** Holds repeated {@link Role} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.PACKAGE})
  @interface List {
    /** The repeated annotations. */
    Role[] value();
  }
}
