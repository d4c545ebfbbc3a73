package dev.plinth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Plinth;
import dev.plinth.testing.PlinthDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The example application tested the way an application using Plinth tests itself: each test
 * gets a database already migrated (and seeded with {@code test}) by {@link PlinthDatabase}.
 */
@PlinthDatabase(seed = "test")
class ExampleAppTest {

  @Test
  void testDatabaseIsMigratedAndSeeded(DataSource db) throws SQLException {
    assertEquals("1", query(db, "SELECT max(version) FROM flyway_schema_history"));
    assertTrue(count(db, "organization") > 0, "the test seed set inserted organizations");
  }

  @Test
  void startSeedsTheDevDataOnceAndIsIdempotent(DataSource db) throws SQLException {
    long before = count(db, "\"user\"");

    ExampleApp.start(Plinth.create(db));
    long afterFirst = count(db, "\"user\"");
    ExampleApp.start(Plinth.create(db));

    assertTrue(afterFirst > before, "dev seed sets add users: " + before + " -> " + afterFirst);
    assertEquals(afterFirst, count(db, "\"user\""), "a second start inserts nothing");
  }

  private static long count(DataSource db, String table) throws SQLException {
    return Long.parseLong(query(db, "SELECT count(*) FROM " + table));
  }

  private static String query(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
