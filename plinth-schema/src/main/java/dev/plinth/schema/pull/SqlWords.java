package dev.plinth.schema.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The identifiers of an SQL expression as PostgreSQL prints it, outside string literals. */
public final class SqlWords {
  private SqlWords() {}

  /** Quoted identifiers as written inside the quotes, unquoted ones in lower case, in order. */
  public static List<String> identifiers(String sql) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closing(sql, i, c);
        if (c == '"') {
          words.add(sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\""));
        }
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
            || sql.charAt(end) == '$')) {
          end++;
        }
        words.add(sql.substring(i, end).toLowerCase(Locale.ROOT));
        i = end;
      } else if (Character.isDigit(c)) {
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return words;
  }

  /** The index after the quote that closes the one at {@code start} (a doubled quote is part of the text). */
  private static int closing(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else if (sql.charAt(i) == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }
}
