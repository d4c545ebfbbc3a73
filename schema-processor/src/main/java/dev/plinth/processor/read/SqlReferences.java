package dev.plinth.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The column names an SQL expression written in an annotation refers to, so that a misspelt or
 * Java-cased name is a compile error instead of a failed migration. It is deliberately
 * conservative: words that are SQL keywords, function names (followed by {@code (}), type names
 * (after {@code ::}), qualified names and string literals are not column references.
 */
final class SqlReferences {
  private static final Set<String> KEYWORDS = Set.of(
      "all", "and", "any", "array", "as", "asc", "at", "between", "bigint", "boolean", "both", "by",
      "case", "cast", "char", "character", "collate", "current_date", "current_time",
      "current_timestamp", "current_user", "date", "day", "decimal", "default", "desc", "distinct",
      "double", "else", "end", "epoch", "escape", "exists", "false", "first", "float", "for", "from",
      "hour", "ilike", "in", "int", "integer", "interval", "is", "isnull", "json", "jsonb", "last",
      "leading", "like", "localtime", "localtimestamp", "minute", "month", "not", "notnull", "null",
      "nulls", "numeric", "or", "overlaps", "precision", "real", "row", "second", "session_user",
      "similar", "smallint", "some", "symmetric", "text", "then", "time", "timestamp", "timestamptz",
      "to", "trailing", "true", "unknown", "user", "uuid", "varchar", "varying", "when", "with",
      "without", "year", "zone");

  private SqlReferences() {}

  /** The identifiers in {@code sql} that can only be column references, in order. */
  static List<String> columns(String sql) {
    List<String> result = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = skipLiteral(sql, i);
      } else if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        end = end < 0 ? sql.length() : end;
        if (!afterCastOrDot(sql, i) && next(sql, end + 1) != '.') {
          result.add(sql.substring(i + 1, end));
        }
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        String word = sql.substring(i, end);
        boolean reference = !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))
            && next(sql, end) != '(' && next(sql, end) != '.' && next(sql, end) != '\''
            && !afterCastOrDot(sql, i);
        if (reference) {
          result.add(word);
        }
        i = end;
      } else if (Character.isDigit(c)) {
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return result;
  }

  private static int skipLiteral(String sql, int start) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
        i += 2;
      } else if (sql.charAt(i) == '\'') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  private static boolean afterCastOrDot(String sql, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
      i--;
    }
    return i >= 0 && (sql.charAt(i) == '.' || sql.charAt(i) == ':');
  }

  private static char next(String sql, int from) {
    for (int i = from; i < sql.length(); i++) {
      if (!Character.isWhitespace(sql.charAt(i))) {
        return sql.charAt(i);
      }
    }
    return 0;
  }
}
