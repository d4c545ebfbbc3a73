package dev.plinth.schema.render;

import dev.plinth.schema.model.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting of identifiers and literals. Every identifier is quoted, so reserved words work. */
public final class Sql {
  private Sql() {}

  public static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  public static String ident(QualifiedName name) {
    return name.sql();
  }

  public static String idents(List<String> names) {
    return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
  }

  public static String literal(String text) {
    return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
  }
}
