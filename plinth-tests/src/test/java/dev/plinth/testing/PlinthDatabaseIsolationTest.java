package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;

/**
 * More tests than the databases made ahead, one after the other: each finds the migrated template's
 * state only, whatever the tests before it wrote (rows and tables).
 */
@PlinthDatabase
class PlinthDatabaseIsolationTest {

  @RepeatedTest(ClonePool.AHEAD * 2 + 1)
  void aTestNeverSeesWhatAnotherWrote(TestDatabase db, RepetitionInfo repetition) {
    assertEquals(List.of(), db.query("SELECT tablename FROM pg_tables WHERE tablename LIKE 'written_by_%'"));
    assertEquals(List.of("0"), db.query("SELECT count(*) FROM organization"));

    int n = repetition.getCurrentRepetition();
    db.execute("CREATE TABLE written_by_" + n + " (n int); INSERT INTO written_by_" + n + " VALUES (" + n + ");"
        + " INSERT INTO organization (name, slug) VALUES ('Org " + n + "', 'org-" + n + "')");
    assertEquals(List.of("1"), db.query("SELECT count(*) FROM organization"));
  }
}
