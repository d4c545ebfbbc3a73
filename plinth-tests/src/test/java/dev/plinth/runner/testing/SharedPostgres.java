package dev.plinth.runner.testing;

import dev.plinth.testing.TemporaryPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test JVM, started on first use with the C locale; each test takes a
 * fresh database from it (cheap: {@code CREATE DATABASE ... TEMPLATE template0}).
 */
public final class SharedPostgres {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private SharedPostgres() {}

  public static EmbeddedPostgres server() {
    return TemporaryPostgres.shared();
  }

  /**
   * Creates the tablespace {@code name} on the shared server unless it is there, in a new empty
   * directory under {@code target} (the server is new for each run).
   */
  public static synchronized void tablespace(String name) {
    try (Connection admin = server().getPostgresDatabase().getConnection();
        Statement st = admin.createStatement()) {
      java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tablespace WHERE spcname = '" + name + "'");
      rs.next();
      if (rs.getInt(1) == 0) {
        java.nio.file.Path location = java.nio.file.Files.createTempDirectory(
            java.nio.file.Path.of("target"), "tablespace").toAbsolutePath();
        st.execute("CREATE TABLESPACE \"" + name + "\" LOCATION '" + location + "'");
      }
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot create tablespace " + name, e);
    }
  }

  /** A new, empty database; its name starts with {@code prefix}. */
  public static TestDatabase newDatabase(String prefix) {
    String name = prefix.toLowerCase(java.util.Locale.ROOT) + "_" + COUNTER.incrementAndGet();
    try (Connection admin = server().getPostgresDatabase().getConnection();
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new TestDatabase(name, server().getDatabase("postgres", name),
        server().getJdbcUrl("postgres", name));
  }

  /** A database created for one test. */
  public record TestDatabase(String name, DataSource dataSource, String jdbcUrl) {
    public Connection connect() throws SQLException {
      return dataSource.getConnection();
    }
  }
}
