package dev.plinth.schema.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Naming rules: snake_case defaults and PostgreSQL's conventions for constraint and index names
 * ({@code _pkey}, {@code _key}, {@code _fkey}, {@code _idx}, {@code _check}), shortened
 * deterministically to PostgreSQL's 63-byte limit instead of being truncated silently.
 */
public final class Names {
  /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
  public static final int MAX_BYTES = 63;

  private static final int HASH_CHARS = 8;

  private Names() {}

  /** {@code FormVersion} to {@code form_version}, {@code userID} to {@code user_id}, {@code HTTPRequest} to {@code http_request}. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean previousLower = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1))
            || Character.isDigit(javaName.charAt(i - 1)));
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        boolean previousUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
        if (out.length() > 0 && (previousLower || (previousUpper && nextLower))) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  public static int bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code <table>_<columns>_<suffix>}, shortened to 63 bytes when needed. */
  public static String derived(String table, List<String> columns, String suffix) {
    String stem = columns.isEmpty() ? table : table + "_" + String.join("_", columns);
    return withSuffix(stem, suffix);
  }

  /**
   * {@code <stem>_<suffix>}; when that exceeds 63 bytes, the stem is cut and a hash of the full
   * name keeps it unique: {@code <cut stem>_<8 hex>_<suffix>}.
   */
  public static String withSuffix(String stem, String suffix) {
    String full = stem + "_" + suffix;
    if (bytes(full) <= MAX_BYTES) {
      return full;
    }
    String tail = "_" + hash(full) + "_" + suffix;
    return cut(stem, MAX_BYTES - bytes(tail)) + tail;
  }

  /** {@code name}, or when it exceeds 63 bytes, a cut of it followed by a hash of all of it. */
  public static String fit(String name) {
    if (bytes(name) <= MAX_BYTES) {
      return name;
    }
    String tail = "_" + hash(name);
    return cut(name, MAX_BYTES - bytes(tail)) + tail;
  }

  /**
   * The name PostgreSQL gives an object it names itself, such as an identity column's sequence
   * ({@code <table>_<column>_seq}) or, from version 18, a NOT NULL constraint: its
   * {@code makeObjectName}, which cuts the longer of the two names first to fit 63 bytes. (When that
   * name is taken, PostgreSQL appends a number; this does not.)
   */
  public static String postgres(String name1, String name2, String label) {
    int available = MAX_BYTES - bytes(label) - 2;
    int first = bytes(name1);
    int second = bytes(name2);
    while (first + second > available) {
      if (first > second) {
        first--;
      } else {
        second--;
      }
    }
    return cut(name1, first) + "_" + cut(name2, second) + "_" + label;
  }

  /** The longest prefix of {@code text} that fits in {@code maxBytes} UTF-8 bytes. */
  private static String cut(String text, int maxBytes) {
    int end = 0;
    int used = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = utf8Length(cp);
      if (used + size > maxBytes) {
        break;
      }
      used += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end);
  }

  /** The UTF-8 bytes of a code point; a lone surrogate is encoded as '?', one byte, as the JDK does. */
  private static int utf8Length(int cp) {
    if (cp < 0x80 || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      return 1;
    }
    return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  private static String hash(String text) {
    return sha256(text).substring(0, HASH_CHARS);
  }

  /** The SHA-256 of the UTF-8 bytes of {@code text}, in lower-case hex. */
  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
