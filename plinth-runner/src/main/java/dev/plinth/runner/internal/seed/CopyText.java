package dev.plinth.runner.internal.seed;

import dev.plinth.seed.EnumLabels;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Values in PostgreSQL's COPY text format: one field, escaped, {@code \N} for null. */
final class CopyText {
  private CopyText() {}

  static void appendField(StringBuilder out, Object value) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    String text = literal(value);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  /** The text PostgreSQL's input function accepts for {@code value}. */
  static String literal(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Enum<?> e) {
      return EnumLabels.of(e);
    }
    if (value instanceof Instant i) {
      return i.toString();
    }
    if (value instanceof InetAddress address) {
      return address.getHostAddress(); // toString() puts the host name first
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof float[] vector) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < vector.length; i++) {
        out.append(i == 0 ? "" : ",").append(vector[i]);
      }
      return out.append(']').toString();
    }
    if (value instanceof List<?> list) {
      return array(list);
    }
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      Object[] items = new Object[length];
      for (int i = 0; i < length; i++) {
        items[i] = Array.get(value, i);
      }
      return array(java.util.Arrays.asList(items));
    }
    return value.toString(); // numbers, UUID, java.time values (Duration too) in ISO form
  }

  private static String array(List<?> items) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ",");
      Object item = items.get(i);
      if (item == null) {
        out.append("NULL");
      } else {
        out.append('"').append(literal(item).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
    }
    return out.append('}').toString();
  }
}
