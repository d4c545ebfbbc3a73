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

  /** An anonymous PL/pgSQL block (one statement, run atomically) whose body is {@code body}. */
  static String doBlock(String body) {
    return "DO $plinth$\nBEGIN\n" + body + "END\n$plinth$;";
  }

  /** {@code IF condition THEN statements END IF;}, as the body of a block. */
  static String ifThen(String condition, List<String> statements) {
    return "  IF " + condition + " THEN\n" + indented(statements) + "  END IF;\n";
  }

  /** Statements inside a block's {@code IF}: each of their lines indented by four spaces. */
  static String indented(List<String> statements) {
    return statements.stream().flatMap(String::lines).map(line -> "    " + line + "\n")
        .collect(Collectors.joining());
  }
}
