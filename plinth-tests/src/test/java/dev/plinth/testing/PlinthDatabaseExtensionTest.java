package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each test gets its own migrated, seeded copy; a test's changes do not reach the next one, and the
 * data source of a test that ended hands out no more connections (its copy is dropped).
 */
@PlinthDatabase(seed = "test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlinthDatabaseExtensionTest {
  private static String firstDatabase;
  private static DataSource firstDataSource;

  @Test
  @Order(1)
  void aTestGetsAMigratedSeededDatabase(TestDatabase db) throws SQLException {
    firstDatabase = db.name();
    firstDataSource = db.dataSource();
    assertEquals(2, count(db.dataSource(), "SELECT count(*) FROM organization"));
    assertEquals(1, count(db.dataSource(), "SELECT count(*) FROM flyway_schema_history WHERE success"));
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE organization CASCADE");
    }
  }

  @Test
  @Order(2)
  void theNextTestGetsAFreshCopyAndThePreviousOneIsGivenBack(TestDatabase db, DataSource ds) throws SQLException {
    assertNotNull(firstDatabase, "runs after the first test");
    assertNotEquals(firstDatabase, db.name());
    assertEquals(2, count(ds, "SELECT count(*) FROM organization"));
    SQLException ended = assertThrows(SQLException.class, firstDataSource::getConnection);
    assertTrue(ended.getMessage().contains(firstDatabase + " was dropped when its test ended"), ended.getMessage());
  }

  private static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
