package dev.plinth.schema.render;

import java.util.regex.Pattern;

/** Which column type changes PostgreSQL performs without an explicit {@code USING} cast. */
final class TypeConversions {
  private static final Pattern TEXTUAL = Pattern.compile("text|character varying(\\(\\d+\\))?");

  private TypeConversions() {}

  /**
   * Whether changing {@code from} to {@code to} needs {@code USING}. Between text and varchar of
   * any length PostgreSQL converts implicitly (and, when widening, without rewriting the table).
   */
  static boolean needsUsing(String from, String to) {
    return !(TEXTUAL.matcher(from).matches() && TEXTUAL.matcher(to).matches());
  }
}
