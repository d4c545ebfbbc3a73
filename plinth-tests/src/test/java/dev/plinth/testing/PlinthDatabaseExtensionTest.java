package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Each test gets its own migrated, seeded copy; a test's changes do not reach the next one. */
@PlinthDatabase(seed = "test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlinthDatabaseExtensionTest {
  private static String firstDatabase;

  @Test
  @Order(1)
  void aTestGetsAMigratedSeededDatabase(TestDatabase db) throws SQLException {
    firstDatabase = db.name();
    assertEquals(2, count(db.dataSource(), "SELECT count(*) FROM organization"));
    assertEquals(1, count(db.dataSource(), "SELECT count(*) FROM flyway_schema_history WHERE success"));
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE organization CASCADE");
    }
  }

  @Test
  @Order(2)
  void theNextTestGetsAFreshCopyAndThePreviousOneIsDropped(TestDatabase db, DataSource ds) throws SQLException {
    assertNotNull(firstDatabase, "runs after the first test");
    assertNotEquals(firstDatabase, db.name());
    assertEquals(2, count(ds, "SELECT count(*) FROM organization"));
    assertEquals(0, count(ds, "SELECT count(*) FROM pg_database WHERE datname = '" + firstDatabase + "'"));
  }

  private static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
