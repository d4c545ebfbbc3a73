package dev.plinth.runner.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.annotations.EnumValue;
import dev.plinth.runner.internal.seed.SeedSetDefinition;
import dev.plinth.runner.internal.seed.Seeder;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.seed.SeedRow;
import dev.plinth.seed.SeedRows;
import dev.plinth.seed.TableInfo;
import dev.plinth.seed.TableInfo.ColumnInfo;
import dev.plinth.seed.TableInfo.Generation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seed rows write an enum constant as its SQL label ({@link EnumValue}, else its name), one row at
 * a time and through {@code COPY}, alone and in arrays.
 */
class EnumLabelSeedTest {
  enum Stage {
    @EnumValue("in progress") IN_PROGRESS,
    @EnumValue("won't fix") WONT_FIX,
    @EnumValue("new") NEW,
    DONE
  }

  private static final TableInfo TICKET = new TableInfo("public", "ticket", List.of(
      new ColumnInfo("id", "bigint", false, false, Generation.NONE),
      new ColumnInfo("stage", "\"public\".\"stage\"", false, false, Generation.NONE),
      new ColumnInfo("history", "\"public\".\"stage\"[]", true, false, Generation.NONE)),
      List.of("id"), List.of(), List.of());

  /** A row of the hand-written table description above. */
  private static final class TicketRow extends SeedRow<Object> {
    TicketRow(SeedRows rows) {
      super(rows, TICKET);
    }
  }

  @Test
  void enumConstantsAreWrittenAsTheirLabels() {
    TestDatabase db = SharedPostgres.newDatabase("enum_labels");
    Sql.execute(db, "CREATE TYPE stage AS ENUM ('in progress', 'won''t fix', 'new', 'DONE');"
        + " CREATE TABLE ticket (id bigint PRIMARY KEY, stage stage NOT NULL, history stage[])");

    Seeder.create().run(db.dataSource(), "test", List.of(new SeedSetDefinition("test.Labels", 0,
        Set.of("test"), rows -> {
          new TicketRow(rows).set("id", 1L).set("stage", Stage.IN_PROGRESS)
              .set("history", List.of(Stage.NEW, Stage.WONT_FIX));
          rows.addBulk(TICKET, List.of(new Object[] {2L, Stage.WONT_FIX, new Stage[] {Stage.DONE}},
              new Object[] {3L, Stage.NEW, null}));
        })));

    assertEquals("1 in progress {new,\"won't fix\"}; 2 won't fix {DONE}; 3 new ",
        Sql.queryString(db, "SELECT string_agg(id || ' ' || stage || ' ' || coalesce(history::text, ''),"
            + " '; ' ORDER BY id) FROM ticket"));
  }
}
