package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The extension migrates as the runner does: a {@code CREATE INDEX CONCURRENTLY} in a
 * non-transactional migration completes (under Flyway's transactional lock it waits for ever),
 * and {@code ${...}} in SQL is text, not a placeholder.
 */
@PlinthDatabase(locations = "classpath:fixtures/concurrently/db/migration")
@Timeout(120)
class ExtensionFlywaySettingsTest {

  @Test
  void concurrentIndexIsBuiltAndPlaceholdersAreLeftAlone(DataSource db) throws SQLException {
    assertEquals("t", query(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email_idx'::regclass"));
    assertEquals("costs ${price}", query(db, "SELECT obj_description('account'::regclass, 'pg_class')"));
    assertEquals("2", query(db, "SELECT max(version::int) FROM flyway_schema_history WHERE success"));
  }

  private static String query(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
