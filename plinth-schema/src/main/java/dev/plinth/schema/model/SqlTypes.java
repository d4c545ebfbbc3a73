package dev.plinth.schema.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SIZED = Pattern.compile("([a-z][a-z0-9 ]*?) ?\\((\\d+)(?:, ?(\\d+))?\\)");
  private static final Pattern TIME_ZONE = Pattern.compile("(timestamp|time) ?\\((\\d+)\\)( with(out)? time zone)?");

  private SqlTypes() {}

  /** Built-in types spelled as they are, but for case. */
  private static final Set<String> PLAIN = Set.of("text", "integer", "bigint", "smallint", "boolean",
      "real", "numeric", "uuid", "json", "jsonb", "bytea", "date", "inet", "cidr", "macaddr",
      "macaddr8", "interval", "money", "xml", "tsvector", "tsquery", "oid");

  /**
   * {@code type} as PostgreSQL spells it, arrays included ({@code int4[]} is {@code integer[]});
   * a type this has no rule for (one an extension brings, {@code geometry(Point,4326)}) is only
   * trimmed.
   */
  public static String canonical(String type) {
    if (type == null) {
      return null;
    }
    String written = type.strip();
    if (written.contains("\"")) {
      return written;
    }
    String text = WHITESPACE.matcher(written.toLowerCase(Locale.ROOT)).replaceAll(" ");
    // PostgreSQL does not keep an array's dimensions: int[][] is integer[].
    String suffix = "";
    while (text.endsWith("[]")) {
      suffix = "[]";
      text = text.substring(0, text.length() - 2).strip();
    }
    String element = element(text);
    return element == null ? written : element + suffix;
  }

  /** The type as PostgreSQL spells it, or null when this has no rule for it. */
  private static String element(String text) {
    if (PLAIN.contains(text)) {
      return text;
    }
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
      return null;
    }
    String name = sized.group(1);
    String first = sized.group(2);
    String second = sized.group(3);
    return switch (name) {
      case "varchar", "character varying" -> second == null ? "character varying(" + first + ")" : null;
      case "char", "character", "bpchar" -> second == null ? "character(" + first + ")" : null;
      case "numeric", "decimal" -> "numeric(" + first + "," + (second == null ? "0" : second) + ")";
      case "varbit", "bit varying" -> second == null ? "bit varying(" + first + ")" : null;
      case "bit" -> second == null ? "bit(" + first + ")" : null;
      case "float" -> second != null ? null
          : Integer.parseInt(first) <= 24 ? "real" : "double precision";
      default -> null;
    };
  }
}
