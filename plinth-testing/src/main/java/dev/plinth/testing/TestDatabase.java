package dev.plinth.testing;

import java.sql.Connection;
import java.sql.SQLException;
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
}
