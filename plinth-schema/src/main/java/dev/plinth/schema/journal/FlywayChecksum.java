package dev.plinth.schema.journal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for an SQL migration: a CRC32 over the UTF-8 bytes of each line
 * without its line ending (so CRLF and LF files agree), a byte-order mark removed. Plinth computes
 * it without Flyway to record what a squashed migration's history row holds.
 */
public final class FlywayChecksum {
  private FlywayChecksum() {}

  public static int of(String script) {
    CRC32 crc = new CRC32();
    String text = script.startsWith("\uFEFF") ? script.substring(1) : script;
    int start = 0;
    while (start < text.length()) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      crc.update(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
      start = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
          && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
    }
    return (int) crc.getValue();
  }
}
