package dev.plinth.testing;

import dev.plinth.runner.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server test databases are created on: {@code DATABASE_URL}'s, or an embedded one
 * started once per JVM (C locale, UTF-8) and stopped when the JVM exits.
 */
final class TestServer {
  private static TestServer instance;

  private final String host;
  private final int port;
  private final String adminDatabase;
  private final String user;
  private final String password;

  private TestServer(String host, int port, String adminDatabase, String user, String password) {
    this.host = host;
    this.port = port;
    this.adminDatabase = adminDatabase;
    this.user = user;
    this.password = password;
  }

  /** System properties that win over the environment, for a server started by the test run itself. */
  static final String URL_PROPERTY = "plinth.test.url";
  static final String USER_PROPERTY = "plinth.test.user";
  static final String PASSWORD_PROPERTY = "plinth.test.password";

  static synchronized TestServer get() {
    if (instance == null) {
      instance = create(System.getenv(), System.getProperties());
    }
    return instance;
  }

  /**
   * The server named by the {@code plinth.test.url} system property (with {@code plinth.test.user},
   * {@code plinth.test.password}), else by {@code DATABASE_URL} ({@code DATABASE_USER},
   * {@code DATABASE_PASSWORD}), else the embedded one.
   */
  static TestServer create(Map<String, String> env, java.util.Properties properties) {
    String url = properties.getProperty(URL_PROPERTY);
    if (url != null && !url.isBlank()) {
      return fromUrl(url.strip(), properties.getProperty(USER_PROPERTY), properties.getProperty(PASSWORD_PROPERTY));
    }
    url = env.get("DATABASE_URL");
    if (url == null || url.isBlank()) {
      return embedded();
    }
    return fromUrl(url.strip(), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"));
  }

  private static TestServer embedded() {
    EmbeddedPostgres server = TemporaryPostgres.shared();
    return new TestServer("localhost", server.getPort(), "postgres", "postgres", null);
  }

  /** The server of a {@code jdbc:postgresql://} or {@code postgres[ql]://} URL, as the runner reads it. */
  static TestServer fromUrl(String url, String user, String password) {
    DatabaseUrl parsed = DatabaseUrl.parse(url, "DATABASE_URL");
    return new TestServer(parsed.host(), parsed.port(),
        parsed.database().isEmpty() ? "postgres" : parsed.database(),
        user != null ? user : parsed.user().orElse(null),
        password != null ? password : parsed.password().orElse(null));
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  DataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl(database));
    if (user != null) {
      ds.setUser(user);
    }
    if (password != null) {
      ds.setPassword(password);
    }
    ds.setApplicationName("plinth-test");
    return ds;
  }

  private volatile int version;

  /** The server's {@code server_version_num}, e.g. 170007. */
  int version() {
    if (version == 0) {
      try (Connection connection = dataSource(adminDatabase).getConnection();
          Statement st = connection.createStatement();
          java.sql.ResultSet rs = st.executeQuery("SHOW server_version_num")) {
        rs.next();
        version = Integer.parseInt(rs.getString(1));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the test server's version", e);
      }
    }
    return version;
  }

  /** Runs one statement on the administration database (CREATE/DROP DATABASE). */
  void admin(String sql) throws SQLException {
    try (Connection connection = adminConnection(); Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /** A new connection to the administration database, for a caller that runs many statements there. */
  Connection adminConnection() throws SQLException {
    return dataSource(adminDatabase).getConnection();
  }

  /** Drops {@code database} if it exists, ending its sessions; best effort (a leftover is named plinth_test_* and harmless). */
  void drop(String database) {
    drop(this::admin, database);
  }

  /** Runs a statement on the administration database. */
  interface Admin {
    void run(String sql) throws SQLException;
  }

  /** As {@link #drop(String)}, through {@code admin}. */
  static void drop(Admin admin, String database) {
    try {
      admin.run("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      try { // before PostgreSQL 13
        admin.run("DROP DATABASE IF EXISTS " + database);
      } catch (SQLException ignored) {
        // Best effort.
      }
    }
  }
}
