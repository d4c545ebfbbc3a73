package dev.plinth.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names cut to PostgreSQL's 63 bytes count UTF-8 bytes per character (2 for {@code é}, 4 for an
 * emoji, 1 for a lone surrogate, which UTF-8 encodes as {@code ?}); these names are in committed
 * migrations, so the cut must never move.
 */
class NamesTest {
  @Test
  void postgresCutsTheLongerNameByUtf8Bytes() {
    assertEquals("ab_cd_not_null", Names.postgres("ab", "cd", "not_null"));
    // 63 - "seq" - 2 separators = 58 bytes; "x" keeps 1, the other name 57: 28 é (56 bytes).
    assertEquals("é".repeat(28) + "_x_seq", Names.postgres("é".repeat(40), "x", "seq"));
    assertEquals("😀".repeat(14) + "_x_seq", Names.postgres("😀".repeat(20), "x", "seq"));
    assertEquals("\uD800".repeat(57) + "_x_seq", Names.postgres("\uD800".repeat(80), "x", "seq"));
    assertEquals("aé".repeat(19) + "_x_seq", Names.postgres("aé".repeat(30), "x", "seq"));
  }

  @Test
  void longDerivedNamesAreCutAndHashed() {
    // "t_" + 40 é + "_key" is 86 bytes; the tail "_<8 hex>_key" takes 13, the stem is cut to 50.
    String name = Names.derived("t", List.of("é".repeat(40)), "key");
    assertEquals(63, Names.bytes(name));
    assertEquals("t_" + "é".repeat(24), name.substring(0, name.length() - 13));
    assertEquals("_key", name.substring(name.length() - 4));
  }
}
