package dev.plinth.processor.read;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record's Javadoc: the main description becomes the table comment, {@code @param} texts the
 * column comments. Whitespace is collapsed so that formatting never changes a comment.
 */
record Docs(String main, Map<String, String> params) {
  static Docs parse(String javadoc) {
    if (javadoc == null || javadoc.isBlank()) {
      return new Docs(null, Map.of());
    }
    String[] blocks = javadoc.split("(?m)^\\s*(?=@)");
    String main = normalize(blocks[0]);
    Map<String, String> params = new HashMap<>();
    for (int i = 1; i < blocks.length; i++) {
      String block = blocks[i].strip();
      if (block.startsWith("@param")) {
        String[] parts = block.substring("@param".length()).strip().split("\\s+", 2);
        if (parts.length == 2) {
          params.put(parts[0], normalize(parts[1]));
        }
      }
    }
    return new Docs(main, Map.copyOf(params));
  }

  String param(String component) {
    return params.get(component);
  }

  private static final Pattern INLINE_TAG = Pattern.compile(
      "\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}");

  private static String normalize(String text) {
    String plain = INLINE_TAG.matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(m.group(1).strip()));
    String collapsed = plain.strip().replaceAll("\\s+", " ");
    return collapsed.isEmpty() ? null : collapsed;
  }
}
