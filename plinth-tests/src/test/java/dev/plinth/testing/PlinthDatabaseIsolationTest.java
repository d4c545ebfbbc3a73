package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;

/**
 * More tests than the databases made ahead, one after the other: each finds the migrated template's
 * state only, whatever the tests before it wrote (rows and tables) or left in their sessions
 * (settings, temporary tables, a connection left open in a transaction).
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

  @RepeatedTest(ClonePool.AHEAD * 2 + 1)
  void aTestNeverSeesTheSessionsOfAnother(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      assertEquals(db.name(), one(st, "SELECT current_database()"));
      assertEquals("", one(st, "SELECT coalesce(current_setting('plinth.left_by', true), '')"));
      assertEquals(null, one(st, "SELECT to_regclass('pg_temp.left_behind')::text"));
      assertEquals("0", one(st, "SELECT count(*) FROM organization"));
      st.execute("SET plinth.left_by = 'a test before'; CREATE TEMP TABLE left_behind (n int)");
    }
    // Left open, in a transaction that holds a row lock, when the test ends.
    Connection open = db.connect();
    open.setAutoCommit(false);
    try (Statement st = open.createStatement()) {
      st.execute("INSERT INTO organization (name, slug) VALUES ('Open', 'open')");
    }
  }

  private static String one(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
