package dev.plinth.schema.pull;

import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Java names for SQL names, the way a Java developer would write them ({@code FormVersion} for
 * {@code form_version}, {@code createdAt} for {@code created_at}), and whether the processor's
 * default naming ({@link Names#snakeCase}) gives the SQL name back.
 */
final class JavaNames {
  private static final Set<String> KEYWORDS = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
      "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
      "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits",
      "non-sealed");

  /** Names a record component may not have (JLS 8.10.1), and names a record already declares. */
  private static final Set<String> NOT_COMPONENTS = Set.of(
      "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "equals");

  /**
   * Simple names that generated sources use unqualified (java.lang, their imports, the annotations)
   * or that the processor generates next to the records (seed builders).
   */
  private static final Set<String> TAKEN_TYPES = Set.of(
      "Object", "String", "Integer", "Long", "Short", "Boolean", "Double", "Float", "Byte", "Character",
      "Record", "Enum", "Class", "Override", "Deprecated", "SuppressWarnings", "List", "UUID",
      "BigDecimal", "Instant", "OffsetDateTime", "OffsetTime", "LocalDateTime", "LocalDate", "LocalTime",
      "Table", "Column", "Id", "Nullable", "Default", "Identity", "Serial", "Unique", "Check", "Index",
      "IndexMethod", "References", "ReferentialAction", "ForeignKey", "Jsonb", "Vector", "EnumType", "EnumValue",
      "Seeds", "Generated", "Ref", "SeedRow", "SeedRows", "SeedDb", "SeedSet", "SeedSource", "TableInfo",
      "Iterable", "Stream", "Comparable", "CharSequence", "Number", "Math", "System", "Thread", "Runnable",
      "Exception", "RuntimeException", "Error", "Throwable", "Void", "StringBuilder", "Process", "Runtime",
      "Module", "Package", "View", "Function", "Functions", "Trigger", "TriggerEvent");

  /** What separates words in an SQL name (compiled once: names are split for every column). */
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
  private static final Pattern PACKAGE = Pattern.compile(
      "[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private JavaNames() {}

  /** Whether {@code name} is a valid Java package name. */
  static boolean isPackage(String name) {
    if (!PACKAGE.matcher(name).matches()) {
      return false;
    }
    for (String part : name.split("\\.")) {
      if (KEYWORDS.contains(part)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} can be a Java identifier as it is (an enum constant, say). */
  static boolean isIdentifier(String name) {
    if (name.isEmpty() || KEYWORDS.contains(name) || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
      return false;
    }
    return name.codePoints().allMatch(Character::isJavaIdentifierPart);
  }

  /** The package for a PostgreSQL schema: the base package for {@code public}, else a sub-package. */
  static String packageOf(String basePackage, String schema) {
    if (schema.equals(QualifiedName.DEFAULT_SCHEMA)) {
      return basePackage;
    }
    String part = lowerCamel(schema).toLowerCase(Locale.ROOT);
    return basePackage + "." + (isIdentifier(part) ? part : "_" + part.replaceAll("[^A-Za-z0-9_]", "_"));
  }

  /** {@code form_version} to {@code FormVersion}; a name Java code already uses gets {@code suffix}. */
  static String typeName(String sqlName, String suffix) {
    String camel = upperCamel(sqlName);
    return TAKEN_TYPES.contains(camel) || camel.endsWith("Seed") ? camel + suffix : camel;
  }

  /** {@code created_at} to {@code createdAt}; keywords and names records reserve get a trailing {@code _}. */
  static String componentName(String sqlName) {
    String camel = lowerCamel(sqlName);
    return KEYWORDS.contains(camel) || NOT_COMPONENTS.contains(camel) ? camel + "_" : camel;
  }

  /** Whether the processor, given {@code javaName} and no explicit name, names it {@code sqlName}. */
  static boolean defaultGives(String javaName, String sqlName) {
    return Names.snakeCase(javaName).equals(sqlName);
  }

  /**
   * Java constant names for enum labels: a label that is an identifier names itself; any other
   * ({@code in progress}, {@code 1st}, {@code class}) gets its words in upper case joined by
   * {@code _} ({@code IN_PROGRESS}, {@code _1ST}, {@code CLASS}), numbered where that repeats a name.
   */
  static List<String> constantNames(List<String> labels) {
    Set<String> taken = new HashSet<>(labels.stream().filter(JavaNames::isIdentifier).toList());
    List<String> result = new ArrayList<>();
    for (String label : labels) {
      if (isIdentifier(label)) {
        result.add(label);
        continue;
      }
      String words = String.join("_", NOT_WORD.split(label)).replaceAll("^_+", "")
          .toUpperCase(Locale.ROOT);
      String base = words.isEmpty() ? "VALUE" : Character.isJavaIdentifierStart(words.charAt(0)) ? words
          : "_" + words;
      String candidate = base;
      for (int n = 2; taken.contains(candidate) || KEYWORDS.contains(candidate); n++) {
        candidate = base + "_" + n;
      }
      taken.add(candidate);
      result.add(candidate);
    }
    return result;
  }

  /** {@code names} made unique by numbering repeats ({@code name2}, {@code name3}), in order. */
  static List<String> unique(List<String> names, Collection<String> alsoTaken) {
    Set<String> taken = new HashSet<>(alsoTaken);
    List<String> result = new ArrayList<>();
    for (String name : names) {
      String candidate = name;
      for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
        candidate = name + n;
      }
      // Compared case-blind: two classes that differ only in case clash on some file systems.
      taken.add(candidate.toLowerCase(Locale.ROOT));
      result.add(candidate);
    }
    return result;
  }

  private static String upperCamel(String sqlName) {
    String lower = lowerCamel(sqlName);
    if (lower.startsWith("_")) {
      return lower;
    }
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** Words split at anything that is not a letter or digit; the first lower-cased, the rest capitalised. */
  private static String lowerCamel(String sqlName) {
    StringBuilder out = new StringBuilder();
    for (String word : NOT_WORD.split(sqlName)) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() == 0) {
        out.append(Character.isUpperCase(word.charAt(0)) && word.equals(word.toUpperCase(Locale.ROOT))
            ? word.toLowerCase(Locale.ROOT) : Character.toLowerCase(word.charAt(0)) + word.substring(1));
      } else {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    if (out.length() == 0) {
      return "_x";
    }
    return Character.isJavaIdentifierStart(out.charAt(0)) ? out.toString() : "_" + out;
  }
}
