package dev.plinth.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A database created for a test.
 *
 * @param name the database name
 * @param jdbcUrl its JDBC URL, without credentials
 * @param dataSource connections to it
 */
public record TestDatabase(String name, String jdbcUrl, DataSource dataSource) {
  /** A new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs SQL (one or more statements) in the database, e.g. to insert the rows a test needs. */
  public void execute(String sql) {
    try (Connection connection = connect(); Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run on " + name + ": " + e.getMessage() + "\n" + sql, e);
    }
  }

  /** The first column of every row {@code sql} returns, as text (NULL as null). */
  public List<String> query(String sql) {
    List<String> values = new ArrayList<>();
    try (Connection connection = connect(); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot query " + name + ": " + e.getMessage() + "\n" + sql, e);
    }
    return values;
  }
}
