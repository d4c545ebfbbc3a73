package dev.plinth.schema.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Flyway's checksum of an SQL script: CRC32 over each line without its ending. (SquashTest and
 * FlywayHistoryAdoptionTest check it against the checksums Flyway itself records.)
 */
class FlywayChecksumTest {
  /** CRC32 of the bytes {@code SELECT 1;SELECT 2;}, as a signed int. */
  private static final int LINES = -1665099012;

  @Test
  void lineEndingsAndAByteOrderMarkDoNotCount() {
    assertEquals(LINES, FlywayChecksum.of("SELECT 1;\nSELECT 2;\n"));
    assertEquals(LINES, FlywayChecksum.of("SELECT 1;\r\nSELECT 2;\r\n"));
    assertEquals(LINES, FlywayChecksum.of("SELECT 1;\rSELECT 2;"));
    assertEquals(LINES, FlywayChecksum.of("\uFEFFSELECT 1;\nSELECT 2;"));
  }

  @Test
  void emptyLinesAndAnEmptyScript() {
    assertEquals(LINES, FlywayChecksum.of("SELECT 1;\n\nSELECT 2;\n\n"));
    assertEquals(0, FlywayChecksum.of(""));
  }
}
