package dev.plinth.schema.diff;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What changing a column from one SQL type to another does to its values and to the table. */
public final class TypeChanges {
  private static final Pattern VARCHAR = Pattern.compile("character varying(?:\\((\\d+)\\))?");
  private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+),(\\d+)\\))?");
  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

  private TypeChanges() {}

  /** Whether every value of {@code from} converts to {@code to} and back unchanged. */
  public static boolean isLossless(String from, String to) {
    if (from.equals(to) || to.equals("text") && !from.endsWith("[]")) {
      return true;
    }
    Matcher vFrom = VARCHAR.matcher(from);
    Matcher vTo = VARCHAR.matcher(to);
    if (vFrom.matches() && vTo.matches()) {
      return vTo.group(1) == null || vFrom.group(1) != null
          && Integer.parseInt(vTo.group(1)) >= Integer.parseInt(vFrom.group(1));
    }
    if (INTEGERS.contains(from) && INTEGERS.contains(to)) {
      return INTEGERS.indexOf(to) >= INTEGERS.indexOf(from);
    }
    if (INTEGERS.contains(from) && to.equals("numeric")) {
      return true;
    }
    Matcher nFrom = NUMERIC.matcher(from);
    Matcher nTo = NUMERIC.matcher(to);
    if (nFrom.matches() && nTo.matches()) {
      return nTo.group(1) == null || nFrom.group(1) != null
          && nTo.group(2).equals(nFrom.group(2))
          && Integer.parseInt(nTo.group(1)) >= Integer.parseInt(nFrom.group(1));
    }
    return from.equals("real") && to.equals("double precision");
  }

  /**
   * Whether PostgreSQL must rewrite the table (and hold an exclusive lock meanwhile) for the
   * change. Only widening a varchar, varchar to text, and raising a numeric's precision at the
   * same scale are free.
   */
  public static boolean rewritesTable(String from, String to) {
    if (from.equals(to)) {
      return false;
    }
    Matcher vFrom = VARCHAR.matcher(from);
    if (vFrom.matches() && (to.equals("text") || VARCHAR.matcher(to).matches())) {
      return !isLossless(from, to);
    }
    if (NUMERIC.matcher(from).matches() && NUMERIC.matcher(to).matches()) {
      return !isLossless(from, to);
    }
    return true;
  }
}
