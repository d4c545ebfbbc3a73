package dev.plinth.processor.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.seed.TableInfo;
import dev.plinth.seed.TableInfo.ColumnInfo;
import dev.plinth.seed.TableInfo.ForeignKeyInfo;
import dev.plinth.seed.TableInfo.Generation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact text of a {@link TableInfo} that generated builders hold, and its way back. */
class TableInfoCodecTest {
  @Test
  void encodesOneLinePerItem() {
    TableInfo player = new TableInfo("public", "player",
        List.of(new ColumnInfo("id", "bigint", false, false, Generation.BY_DEFAULT),
            new ColumnInfo("nickname", "text", true, false, Generation.NONE),
            new ColumnInfo("joined_at", "timestamp with time zone", false, true, Generation.NONE)),
        List.of("id"), List.of(List.of("nickname")),
        List.of(new ForeignKeyInfo(List.of("id"), "public", "person", List.of("person_id"))));

    assertEquals("table\tpublic\tplayer\n"
        + "column\tid\tbigint\tB\n"
        + "column\tnickname\ttext\tn\n"
        + "column\tjoined_at\ttimestamp with time zone\td\n"
        + "key\tid\n"
        + "unique\tnickname\n"
        + "fk\tpublic\tperson\t1\tid\tperson_id", player.encode());
    assertEquals(player, TableInfo.decode(player.encode()));
  }

  @Test
  void namesWithTabsNewlinesAndBackslashesComeBackUnchanged() {
    TableInfo odd = new TableInfo("we\\ird", "t\tab",
        List.of(new ColumnInfo("a\nb", "\"my\\schema\".\"e\tnum\"", true, true, Generation.ALWAYS),
            new ColumnInfo("c", "integer", false, false, Generation.NONE)),
        List.of(), List.of(List.of("a\nb", "c")),
        List.of(new ForeignKeyInfo(List.of("a\nb", "c"), "other", "p\\q", List.of("x", "y\t"))));

    assertEquals(odd, TableInfo.decode(odd.encode()));
  }
}
