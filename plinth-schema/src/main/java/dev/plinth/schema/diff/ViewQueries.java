package dev.plinth.schema.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether {@code CREATE OR REPLACE VIEW} can take a view from one query to another. PostgreSQL
 * accepts it when the new query gives the columns of the old one, with the same names and types in
 * the same order, and adds columns only after them. Without a database that is decided from the
 * text, conservatively: both queries are a plain {@code SELECT} (no {@code UNION}, {@code WITH},
 * {@code VALUES}), with the same {@code DISTINCT} and the same {@code FROM} clause, and the old
 * select list, none of whose items is a {@code *}, is the start of the new one, item for item
 * (whitespace aside). The clauses after {@code FROM} ({@code WHERE}, {@code GROUP BY},
 * {@code ORDER BY}, ...) may change: they change which rows come out, not the columns. Anything
 * else (a query this cannot read: comments, dollar quotes, escapes) is not taken for compatible,
 * and the view is dropped and created.
 */
final class ViewQueries {
  private static final Set<String> AFTER_FROM = Set.of("where", "group", "having", "window", "order",
      "limit", "offset", "fetch", "for");
  private static final Set<String> SET_OPERATIONS = Set.of("union", "intersect", "except");

  private ViewQueries() {}

  /** A plain {@code SELECT}, split at the top level: what precedes its items, its items, its {@code FROM}. */
  record Select(String head, List<String> items, String from) {}

  /** Whether the columns of query {@code after} are those of {@code before}, possibly with more at the end. */
  static boolean appends(String before, String after) {
    Optional<Select> old = parse(before);
    Optional<Select> now = parse(after);
    if (old.isEmpty() || now.isEmpty() || !old.get().head().equals(now.get().head())
        || !old.get().from().equals(now.get().from())) {
      return false;
    }
    List<String> oldItems = old.get().items();
    List<String> newItems = now.get().items();
    if (newItems.size() < oldItems.size() || oldItems.stream().anyMatch(ViewQueries::star)) {
      return false;
    }
    return newItems.subList(0, oldItems.size()).equals(oldItems);
  }

  /** Whether the query's columns are those its select list names, without a {@code *}. */
  static boolean fixedColumns(String sql) {
    return parse(sql).map(s -> s.items().stream().noneMatch(ViewQueries::star)).orElse(false);
  }

  /** {@code *} or {@code t.*}: its columns are those its relation has when the view is created. */
  private static boolean star(String item) {
    return item.equals("*") || item.endsWith(".*");
  }

  /** The query split at its top level, or empty when it is not a plain {@code SELECT} this reads. */
  static Optional<Select> parse(String sql) {
    if (sql.contains("$") || sql.contains("--") || sql.contains("/*") || sql.contains("\\")) {
      return Optional.empty();
    }
    List<String> tokens = tokens(sql);
    if (tokens == null || tokens.isEmpty() || !word(tokens.get(0)).equals("select")) {
      return Optional.empty();
    }
    int i = 1;
    StringBuilder head = new StringBuilder("select");
    if (i < tokens.size() && word(tokens.get(i)).equals("all")) {
      i++;
    } else if (i < tokens.size() && word(tokens.get(i)).equals("distinct")) {
      head.append(" distinct");
      i++;
      if (i < tokens.size() && word(tokens.get(i)).equals("on")) {
        head.append(" on ").append(tokens.get(i + 1 < tokens.size() ? i + 1 : i));
        i += 2;
      }
    }
    List<String> items = new ArrayList<>();
    List<String> item = new ArrayList<>();
    for (; i < tokens.size() && !word(tokens.get(i)).equals("from"); i++) {
      String token = tokens.get(i);
      String word = word(token);
      if (SET_OPERATIONS.contains(word) || AFTER_FROM.contains(word) || word.equals("into")) {
        return Optional.empty(); // a set operation, or a query without FROM
      } else if (token.equals(",")) {
        items.add(String.join(" ", item));
        item.clear();
      } else {
        item.add(token);
      }
    }
    if (item.isEmpty() || i < tokens.size() && word(tokens.get(i - 1)).equals("distinct")) {
      return Optional.empty(); // no items, or IS DISTINCT FROM in one
    }
    items.add(String.join(" ", item));
    List<String> from = new ArrayList<>();
    boolean inFrom = true;
    for (i++; i < tokens.size(); i++) {
      String word = word(tokens.get(i));
      if (SET_OPERATIONS.contains(word)) {
        return Optional.empty();
      }
      inFrom = inFrom && !AFTER_FROM.contains(word);
      if (inFrom) {
        from.add(tokens.get(i));
      }
    }
    return Optional.of(new Select(head.toString(), List.copyOf(items), String.join(" ", from)));
  }

  /** A word token in lower case; any other token as it is. */
  private static String word(String token) {
    return token.toLowerCase(Locale.ROOT);
  }

  /**
   * The top-level tokens: words (letters, digits, {@code _}, {@code .}, {@code *} run together),
   * a comma, and everything else up to the next top-level space or comma, a parenthesized or
   * quoted part kept whole; null when quotes or parentheses do not close.
   */
  private static List<String> tokens(String sql) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = sql.indexOf(c, i + 1);
        while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
          end = sql.indexOf(c, end + 2);
        }
        if (end < 0) {
          return null;
        }
        current.append(sql, i, end + 1);
        i = end + 1;
        continue;
      }
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
        if (depth < 0) {
          return null;
        }
      }
      if (depth == 0 && (Character.isWhitespace(c) || c == ',')) {
        if (!current.isEmpty()) {
          tokens.add(current.toString());
          current.setLength(0);
        }
        if (c == ',') {
          tokens.add(",");
        }
      } else if (depth > 0 && Character.isWhitespace(c)) {
        if (!current.isEmpty() && current.charAt(current.length() - 1) != ' ') {
          current.append(' ');
        }
      } else {
        current.append(c);
      }
      i++;
    }
    if (depth != 0) {
      return null;
    }
    if (!current.isEmpty()) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
