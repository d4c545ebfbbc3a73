package dev.plinth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index on the table. Named {@code <table>_<columns>_idx} unless
 * {@link #name()} is given.
 *
 * <pre>{@code
 * @Index(columns = {"orgId", "createdAt DESC"})                       // multi-column, ordered
 * @Index(columns = "dueAt NULLS FIRST")                               // NULLs sorted first
 * @Index(columns = "lower(email)", unique = true)                     // expression, unique
 * @Index(columns = "data jsonb_path_ops", method = IndexMethod.GIN)   // operator class
 * @Index(columns = "occurredAt", where = "kind = 'error'")            // partial
 * @Index(columns = "orgId", include = {"title"})                      // covering
 * @Index(columns = "name COLLATE \"C\"")                             // collation
 * @Index(columns = "externalRef", unique = true, nullsNotDistinct = true)
 * @Index(columns = "orgId", with = "fillfactor = 70", tablespace = "fast")
 * record Submission(...) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
  /**
   * The keys, in order. Each is a column (component or column name), optionally followed by
   * {@code COLLATE name}, an operator class and/or {@code ASC}/{@code DESC} and/or
   * {@code NULLS FIRST}/{@code NULLS LAST} ({@code "data jsonb_path_ops"},
   * {@code "title COLLATE \"C\" DESC"}, {@code "created_at DESC NULLS LAST"}), or an SQL
   * expression ({@code "lower(email)"}). A changed collation rebuilds the index.
   */
  String[] columns();

  /** A unique index. Example: {@code unique = true}. */
  boolean unique() default false;

  /** The access method; {@code BTREE} by default. Example: {@code method = IndexMethod.GIN}. */
  IndexMethod method() default IndexMethod.BTREE;

  /** A predicate that makes the index partial. Example: {@code where = "deleted_at IS NULL"}. */
  String where() default "";

  /** Non-key columns stored in the index ({@code INCLUDE}). Example: {@code include = {"title"}}. */
  String[] include() default {};

  /** An explicit index name. Example: {@code name = "users_email_lower_key"}. */
  String name() default "";

  /**
   * Build (and drop) the index with {@code CONCURRENTLY}, so writes are not blocked; the
   * migration then runs outside a transaction. Example: {@code concurrently = true}.
   */
  boolean concurrently() default false;

  /**
   * A unique index that counts NULLs as equal ({@code NULLS NOT DISTINCT}); needs {@code unique}
   * and PostgreSQL 15 or later ({@code -Aplinth.postgres=15}). Example:
   * {@code nullsNotDistinct = true}.
   */
  boolean nullsNotDistinct() default false;

  /**
   * Storage parameters, each {@code name = value} ({@code WITH (...)}); changed later in place
   * ({@code ALTER INDEX ... SET / RESET}). Example: {@code with = {"fillfactor = 70"}}.
   */
  String[] with() default {};

  /**
   * The tablespace to store the index in, which must exist; moved later in place
   * ({@code ALTER INDEX ... SET TABLESPACE}). Example: {@code tablespace = "fast"}.
   */
  String tablespace() default "";

  /** Holds repeated {@link Index} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Index[] value();
  }
}
