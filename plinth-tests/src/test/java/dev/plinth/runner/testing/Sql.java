package dev.plinth.runner.testing;

import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small queries tests use to look at a database. */
public final class Sql {

  private Sql() {}

  /** Whether {@code relation} (a table, index, ...) exists in the search path. */
  public static boolean exists(TestDatabase db, String relation) {
    return queryString(db, "SELECT to_regclass('" + relation + "')::text") != null;
  }

  /** The first column of the first row, or null. */
  public static String queryString(TestDatabase db, String sql) {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static void execute(TestDatabase db, String sql) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
