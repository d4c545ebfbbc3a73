package dev.plinth.schema.model;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL type names as PostgreSQL spells them ({@code format_type}): {@code timetz} is
 * {@code time with time zone}, {@code varchar(20)} is {@code character varying(20)}, {@code int4}
 * is {@code integer}. A type written either way is one type, for the differ and for {@code verify}.
 */
public final class SqlTypes {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"),
      Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
      Map.entry("bool", "boolean"),
      Map.entry("float", "double precision"), Map.entry("float8", "double precision"),
      Map.entry("float4", "real"),
      Map.entry("decimal", "numeric"),
      Map.entry("varchar", "character varying"),
      Map.entry("char", "character(1)"), Map.entry("character", "character(1)"),
      Map.entry("timestamp", "timestamp without time zone"),
      Map.entry("timestamptz", "timestamp with time zone"),
      Map.entry("time", "time without time zone"),
      Map.entry("timetz", "time with time zone"),
      Map.entry("varbit", "bit varying"),
      Map.entry("bit", "bit(1)"));

  /** A name with one or two arguments in parentheses: {@code varchar(20)}, {@code decimal(10, 2)}. */
  private static final Pattern SIZED = Pattern.compile("([a-z][a-z0-9 ]*?) ?\\((\\d+)(?:, ?(\\d+))?\\)");
  private static final Pattern TIME_ZONE = Pattern.compile("(timestamp|time) ?\\((\\d+)\\)( with(out)? time zone)?");

  private SqlTypes() {}

  /**
   * {@code type} as PostgreSQL spells it, arrays included ({@code int4[]} is {@code integer[]});
   * a type this has no rule for is only trimmed, and lower-cased unless it has quotes.
   */
  public static String canonical(String type) {
    if (type == null) {
      return null;
    }
    String text = type.strip();
    if (text.contains("\"")) {
      return text;
    }
    text = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    // PostgreSQL does not keep an array's dimensions: int[][] is integer[].
    String suffix = "";
    while (text.endsWith("[]")) {
      suffix = "[]";
      text = text.substring(0, text.length() - 2).strip();
    }
    return element(text) + suffix;
  }

  private static String element(String text) {
    String alias = ALIASES.get(text);
    if (alias != null) {
      return alias;
    }
    Matcher time = TIME_ZONE.matcher(text);
    if (time.matches()) {
      String zone = time.group(3) == null ? " without time zone" : time.group(3);
      return time.group(1) + "(" + time.group(2) + ")" + zone;
    }
    switch (text) {
      case "timestamp with time zone", "timestamp without time zone", "time with time zone",
          "time without time zone", "double precision", "character varying", "bit varying" -> {
        return text;
      }
      default -> { }
    }
    Matcher sized = SIZED.matcher(text);
    if (!sized.matches()) {
      return text;
    }
    String name = sized.group(1);
    String first = sized.group(2);
    String second = sized.group(3);
    return switch (name) {
      case "varchar", "character varying" -> second == null ? "character varying(" + first + ")" : text;
      case "char", "character", "bpchar" -> second == null ? "character(" + first + ")" : text;
      case "numeric", "decimal" -> "numeric(" + first + "," + (second == null ? "0" : second) + ")";
      case "varbit", "bit varying" -> second == null ? "bit varying(" + first + ")" : text;
      case "bit" -> second == null ? "bit(" + first + ")" : text;
      case "float" -> second != null ? text
          : Integer.parseInt(first) <= 24 ? "real" : "double precision";
      default -> text;
    };
  }
}
