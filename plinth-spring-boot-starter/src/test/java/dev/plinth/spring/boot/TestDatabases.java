package dev.plinth.spring.boot;

import dev.plinth.testing.TemporaryPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Empty databases on the embedded PostgreSQL of the test JVM, one per test, and SQL on them. */
final class TestDatabases {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private TestDatabases() {}

  /** A new, empty database; its name is {@code boot_<n>}. */
  static PGSimpleDataSource fresh() {
    String name = "boot_" + COUNT.incrementAndGet();
    execute(dataSource("postgres"), "CREATE DATABASE " + name + " TEMPLATE template0");
    return dataSource(name);
  }

  static PGSimpleDataSource dataSource(String database) {
    EmbeddedPostgres server = TemporaryPostgres.shared();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl(database));
    ds.setUser("postgres");
    return ds;
  }

  static String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + TemporaryPostgres.shared().getPort() + "/" + database;
  }

  static void execute(DataSource db, String sql) {
    try (Connection connection = db.getConnection(); Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The first column of every row, as text. */
  static List<String> query(DataSource db, String sql) {
    try (Connection connection = db.getConnection(); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The tables of schema {@code public}, sorted. */
  static List<String> tables(DataSource db) {
    return query(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  }
}
