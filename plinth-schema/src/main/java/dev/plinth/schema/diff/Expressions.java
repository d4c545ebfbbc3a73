package dev.plinth.schema.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Edits of SQL expressions kept as text (checks, index expressions and predicates, defaults). */
final class Expressions {
  private Expressions() {}

  /**
   * {@code sql} with references to column {@code from} renamed to {@code to}, as PostgreSQL
   * rewrites stored expressions when a column is renamed. String literals, function names and
   * qualified names ({@code x.from}) are left alone.
   */
  static String renameColumn(String sql, String from, String to) {
    if (sql == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = endOfLiteral(sql, i);
        out.append(sql, i, end);
        i = end;
      } else if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        end = end < 0 ? sql.length() : end + 1;
        String name = sql.substring(i + 1, Math.max(i + 1, end - 1));
        out.append(name.equals(from) && !qualified(sql, i) ? quote(to) : sql.substring(i, end));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = endOfWord(sql, i);
        String word = sql.substring(i, end);
        boolean function = nextNonSpace(sql, end) == '(';
        boolean matches = word.toLowerCase(Locale.ROOT).equals(from) && !function && !qualified(sql, i);
        out.append(matches ? (to.matches("[a-z_][a-z0-9_]*") ? to : quote(to)) : word);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Where the unquoted word (identifier or key word) that starts at {@code start} of {@code sql} ends. */
  private static int endOfWord(String sql, int start) {
    int end = start;
    while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
        || sql.charAt(end) == '$')) {
      end++;
    }
    return end;
  }

  /**
   * Whether {@code sql} refers to column {@code column} (as {@link #renameColumn} finds such
   * references: not in literals, not as a function name, not qualified).
   */
  static boolean namesColumn(String sql, String column) {
    return sql != null && !renameColumn(sql, column, column + "_").equals(sql);
  }

  /**
   * Whether {@code sql} names an object called {@code name} (a type, a function): as a word or a
   * quoted identifier outside string literals, alone or after a schema ({@code s.name}).
   */
  static boolean namesObject(String sql, String name) {
    int i = 0;
    while (sql != null && i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = endOfLiteral(sql, i);
      } else if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        end = end < 0 ? sql.length() : end + 1;
        if (sql.substring(i + 1, Math.max(i + 1, end - 1)).equals(name)) {
          return true;
        }
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = endOfWord(sql, i);
        if (sql.substring(i, end).toLowerCase(Locale.ROOT).equals(name)) {
          return true;
        }
        i = end;
      } else {
        i++;
      }
    }
    return false;
  }

  /**
   * Whether {@code sql} names the enum label {@code label}: as a string literal ({@code 'OK'},
   * {@code 'OK'::mood}) or as an element of an array literal ({@code '{OK,BAD}'}).
   */
  static boolean namesLabel(String sql, String label) {
    int i = 0;
    while (i < sql.length()) {
      if (sql.charAt(i) == '\'') {
        int end = endOfLiteral(sql, i);
        String text = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("''", "'");
        if (text.equals(label) || arrayHolds(text, label)) {
          return true;
        }
        i = end;
      } else {
        i++;
      }
    }
    return false;
  }

  /**
   * {@code sql} with the enum label {@code from} renamed to {@code to} where {@link #namesLabel}
   * finds it: a string literal that is the label, or an element of an array literal.
   */
  static String renameLabel(String sql, String from, String to) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      if (sql.charAt(i) == '\'') {
        int end = endOfLiteral(sql, i);
        String text = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("''", "'");
        String renamed = text.equals(from) ? to : arrayHolds(text, from) ? renameElement(text, from, to) : null;
        out.append(renamed == null ? sql.substring(i, end) : "'" + renamed.replace("'", "''") + "'");
        i = end;
      } else {
        out.append(sql.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** An array literal's text with the element {@code from} renamed to {@code to}, quoted as needed. */
  private static String renameElement(String text, String from, String to) {
    List<String> elements = new ArrayList<>();
    for (String element : text.substring(1, text.length() - 1).split(",", -1)) {
      String bare = element.strip();
      if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
        bare = bare.substring(1, bare.length() - 1);
      }
      boolean plain = !to.isEmpty() && to.chars().noneMatch(ch -> "{},\"\\ ".indexOf(ch) >= 0)
          && !to.equalsIgnoreCase("NULL");
      elements.add(bare.equals(from) ? (plain ? to : '"' + to.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
          : element);
    }
    return "{" + String.join(",", elements) + "}";
  }

  /** Whether an array literal's text ({@code {OK,"NOT OK"}}) has the element {@code label}. */
  private static boolean arrayHolds(String text, String label) {
    if (!text.startsWith("{") || !text.endsWith("}")) {
      return false;
    }
    for (String element : text.substring(1, text.length() - 1).split(",")) {
      String bare = element.strip();
      if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
        bare = bare.substring(1, bare.length() - 1);
      }
      if (bare.equals(label)) {
        return true;
      }
    }
    return false;
  }

  private static int endOfLiteral(String sql, int start) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static boolean qualified(String sql, int start) {
    int i = start - 1;
    while (i >= 0 && sql.charAt(i) == ' ') {
      i--;
    }
    return i >= 0 && sql.charAt(i) == '.';
  }

  private static char nextNonSpace(String sql, int from) {
    for (int i = from; i < sql.length(); i++) {
      if (!Character.isWhitespace(sql.charAt(i))) {
        return sql.charAt(i);
      }
    }
    return 0;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
