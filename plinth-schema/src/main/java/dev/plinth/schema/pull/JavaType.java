package dev.plinth.schema.pull;

import dev.plinth.schema.model.Column;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java type of a column: the inverse of the processor's type table (the README's "Java to
 * PostgreSQL types"), with the {@code @Column} details that give back exactly the SQL type. A type
 * the table has no entry for is written as {@code @Column(type = "...")} with a plain Java type.
 *
 * @param type the Java type as written in the record ({@code long}, {@code List<String>})
 * @param imports the classes to import, fully qualified
 * @param columnAttributes {@code @Column} attributes ({@code length}, {@code precision}, ...) as source
 * @param marker an annotation the type needs, without its '@' ({@code Jsonb}, {@code Vector(3)}), or null
 * @param fallback whether it is written with {@code @Column(type = ...)}: the mapping has no entry
 */
record JavaType(String type, java.util.Set<String> imports, Map<String, String> columnAttributes,
    String marker, boolean fallback) {

  private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(-?\\d+)\\)");
  private static final Pattern VECTOR = Pattern.compile("vector\\((\\d+)\\)");

  /** A Java type, its boxed form and its package. */
  private record Scalar(String primitive, String boxed, String importName) {
    String type(boolean nullable) {
      return primitive == null || nullable ? boxed : primitive;
    }
  }

  private static final Map<String, Scalar> SCALARS = Map.ofEntries(
      Map.entry("integer", new Scalar("int", "Integer", null)),
      Map.entry("bigint", new Scalar("long", "Long", null)),
      Map.entry("smallint", new Scalar("short", "Short", null)),
      Map.entry("boolean", new Scalar("boolean", "Boolean", null)),
      Map.entry("double precision", new Scalar("double", "Double", null)),
      Map.entry("real", new Scalar("float", "Float", null)),
      Map.entry("numeric", new Scalar(null, "BigDecimal", "java.math.BigDecimal")),
      Map.entry("text", new Scalar(null, "String", null)),
      Map.entry("uuid", new Scalar(null, "UUID", "java.util.UUID")),
      Map.entry("timestamp with time zone", new Scalar(null, "OffsetDateTime", "java.time.OffsetDateTime")),
      Map.entry("timestamp without time zone", new Scalar(null, "LocalDateTime", "java.time.LocalDateTime")),
      Map.entry("date", new Scalar(null, "LocalDate", "java.time.LocalDate")),
      Map.entry("time without time zone", new Scalar(null, "LocalTime", "java.time.LocalTime")),
      Map.entry("time with time zone", new Scalar(null, "OffsetTime", "java.time.OffsetTime")),
      Map.entry("interval", new Scalar(null, "Duration", "java.time.Duration")),
      Map.entry("inet", new Scalar(null, "InetAddress", "java.net.InetAddress")));

  /** Plain Java types for SQL types the mapping has no entry for, by pattern; String for the rest. */
  private static final Map<Pattern, Scalar> FALLBACKS = fallbacks();

  private static Map<Pattern, Scalar> fallbacks() {
    Map<Pattern, Scalar> map = new LinkedHashMap<>();
    map.put(Pattern.compile("timestamp\\(\\d+\\) with time zone"), SCALARS.get("timestamp with time zone"));
    map.put(Pattern.compile("timestamp\\(\\d+\\) without time zone"), SCALARS.get("timestamp without time zone"));
    map.put(Pattern.compile("time\\(\\d+\\) without time zone"), SCALARS.get("time without time zone"));
    map.put(Pattern.compile("time(\\(\\d+\\))? with time zone"),
        new Scalar(null, "OffsetTime", "java.time.OffsetTime"));
    return map;
  }

  /**
   * The Java type of {@code column}.
   *
   * @param enumClass how the record refers to the column's Java enum, when it has an enum type
   */
  static JavaType of(Column column, String enumClass) {
    String sql = column.type();
    boolean array = sql.endsWith("[]");
    String element = array ? sql.substring(0, sql.length() - 2) : sql;
    if (column.enumType() != null) {
      return array ? list(enumClass, null, Map.of()) : plain(enumClass, null, Map.of(), null);
    }
    if (!array) {
      Optional<JavaType> special = special(sql);
      if (special.isPresent()) {
        return special.get();
      }
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    Scalar scalar = SCALARS.get(element);
    Matcher varchar = VARCHAR.matcher(element);
    Matcher numeric = NUMERIC.matcher(element);
    if (scalar == null && varchar.matches()) {
      scalar = SCALARS.get("text");
      attributes.put("length", varchar.group(1));
    } else if (scalar == null && numeric.matches()) {
      scalar = SCALARS.get("numeric");
      attributes.put("precision", numeric.group(1));
      attributes.put("scale", numeric.group(2));
    }
    if (scalar == null) {
      return fallback(sql, array);
    }
    return array ? list(scalar.boxed(), scalar.importName(), attributes)
        : plain(scalar.type(column.nullable()), scalar.importName(), attributes, null);
  }

  /**
   * The Java type of a column of a domain (or an array of one): that of the domain's base type,
   * with {@code @Column(type = written)} ({@code written} naming the domain, {@code []} added for
   * an array).
   */
  static JavaType ofDomain(Column column, String baseType, String written) {
    boolean array = column.type().endsWith("[]");
    JavaType base = of(column.withType(baseType + (array ? "[]" : ""), null), null);
    return new JavaType(base.type(), base.imports(),
        Map.of("type", RecordSources.string(written + (array ? "[]" : ""))), null, false);
  }

  private static Optional<JavaType> special(String sql) {
    Matcher vector = VECTOR.matcher(sql);
    if (vector.matches()) {
      return Optional.of(plain("float[]", null, Map.of(), "Vector(" + vector.group(1) + ")"));
    }
    return switch (sql) {
      case "bytea" -> Optional.of(plain("byte[]", null, Map.of(), null));
      case "jsonb" -> Optional.of(plain("String", null, Map.of(), "Jsonb"));
      default -> Optional.empty();
    };
  }

  private static JavaType fallback(String sql, boolean array) {
    Scalar scalar = new Scalar(null, "String", null);
    if (!array) {
      for (Map.Entry<Pattern, Scalar> entry : FALLBACKS.entrySet()) {
        if (entry.getKey().matcher(sql).matches()) {
          scalar = entry.getValue();
        }
      }
    }
    return new JavaType(scalar.boxed(), imports(scalar.importName()), Map.of("type", RecordSources.string(sql)),
        null, true);
  }

  private static JavaType plain(String type, String importName, Map<String, String> attributes, String marker) {
    return new JavaType(type, imports(importName), attributes, marker, false);
  }

  private static JavaType list(String element, String importName, Map<String, String> attributes) {
    java.util.Set<String> imports = new java.util.TreeSet<>(imports(importName));
    imports.add("java.util.List");
    return new JavaType("List<" + element + ">", imports, attributes, null, false);
  }

  private static java.util.Set<String> imports(String importName) {
    return importName == null ? java.util.Set.of() : java.util.Set.of(importName);
  }
}
