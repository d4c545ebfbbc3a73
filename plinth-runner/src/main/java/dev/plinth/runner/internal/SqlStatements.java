package dev.plinth.runner.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at semicolons outside quotes, dollar quotes and comments, so
 * that each runs on its own (statements such as {@code CREATE INDEX CONCURRENTLY} refuse to share
 * a query string) and a failure can name its line.
 */
public final class SqlStatements {

  /** One statement and the line (1-based) it starts on. */
  public record Statement(int line, String sql) {}

  private SqlStatements() {}

  public static List<Statement> split(String script) {
    List<Statement> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int startLine = -1;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      int end = i + 1;
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        end = script.indexOf('\n', i);
        end = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        end = skipBlockComment(script, i);
      } else if (c == '\'' || c == '"') {
        end = skipQuoted(script, i, c);
      } else if (c == '$') {
        int tagEnd = script.indexOf('$', i + 1);
        if (tagEnd > 0 && script.substring(i + 1, tagEnd).matches("[A-Za-z_][A-Za-z0-9_]*|")) {
          String tag = script.substring(i, tagEnd + 1);
          int close = script.indexOf(tag, tagEnd + 1);
          end = close < 0 ? n : close + tag.length();
        }
      } else if (c == ';') {
        current.append(c);
        String sql = current.toString().strip();
        if (!isOnlyComments(sql)) {
          result.add(new Statement(startLine, sql));
        }
        current.setLength(0);
        startLine = -1;
        i++;
        continue;
      }
      String token = script.substring(i, end);
      boolean comment = token.startsWith("--") || token.startsWith("/*");
      if (startLine < 0 && !comment && !token.isBlank()) {
        startLine = line;
      }
      current.append(token);
      line += (int) token.chars().filter(ch -> ch == '\n').count();
      i = end;
    }
    String rest = current.toString().strip();
    if (!rest.isEmpty() && !isOnlyComments(rest)) {
      result.add(new Statement(startLine, rest));
    }
    return result;
  }

  private static int skipBlockComment(String script, int start) {
    int depth = 0;
    int i = start;
    while (i < script.length()) {
      if (script.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (script.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return script.length();
  }

  private static int skipQuoted(String script, int start, char quote) {
    int i = start + 1;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return script.length();
  }

  private static boolean isOnlyComments(String sql) {
    return split0(sql).isBlank();
  }

  /** The text without comments (only to tell whether anything is left). */
  private static String split0(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "").replace(";", "");
  }
}
