package dev.plinth.schema.model;

import java.util.Objects;

/** A schema-qualified SQL name, such as {@code public.users}. Ordered by schema, then name. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
  public static final String DEFAULT_SCHEMA = "public";

  public QualifiedName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  /** Parses {@code "name"} (in {@code public}) or {@code "schema.name"}. */
  public static QualifiedName parse(String text) {
    int dot = text.indexOf('.');
    return dot < 0
        ? new QualifiedName(DEFAULT_SCHEMA, text)
        : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
  }

  /** The name as SQL, both parts quoted: {@code "public"."users"}. */
  public String sql() {
    return quote(schema) + "." + quote(name);
  }

  /** One identifier as SQL, quoted. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public int compareTo(QualifiedName other) {
    // By schema, then name; spelled out because schemas compare names often (every edit checks the order).
    int bySchema = schema.compareTo(other.schema);
    return bySchema != 0 ? bySchema : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return schema + "." + name;
  }
}
