package dev.plinth.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

  static synchronized TestServer get() {
    if (instance == null) {
      instance = create(System.getenv());
    }
    return instance;
  }

  private static TestServer create(Map<String, String> env) {
    String url = env.get("DATABASE_URL");
    if (url == null || url.isBlank()) {
      return embedded();
    }
    return fromUrl(url.strip(), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"));
  }

  private static TestServer embedded() {
    EmbeddedPostgres server;
    try {
      server = EmbeddedPostgres.builder()
          .setLocaleConfig("locale", "C")
          .setLocaleConfig("encoding", "UTF8")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL for @PlinthDatabase", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IOException ignored) {
        // The JVM is exiting; the data directory is temporary.
      }
    }));
    return new TestServer("localhost", server.getPort(), "postgres", "postgres", null);
  }

  /** {@code jdbc:postgresql://host[:port]/db[?...]} or {@code postgres[ql]://[user[:password]@]host[:port]/db}. */
  static TestServer fromUrl(String url, String user, String password) {
    String rest;
    if (url.startsWith("jdbc:postgresql://")) {
      rest = url.substring("jdbc:postgresql://".length());
    } else if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      rest = url.substring(url.indexOf("://") + 3);
    } else {
      throw new IllegalStateException("@PlinthDatabase: DATABASE_URL must be a jdbc:postgresql:// or"
          + " postgres:// URL");
    }
    int query = rest.indexOf('?');
    if (query >= 0) {
      for (String param : rest.substring(query + 1).split("&")) {
        int eq = param.indexOf('=');
        String key = eq < 0 ? param : param.substring(0, eq);
        String value = eq < 0 ? "" : decode(param.substring(eq + 1));
        if (key.equals("user") && user == null) {
          user = value;
        } else if (key.equals("password") && password == null) {
          password = value;
        }
      }
      rest = rest.substring(0, query);
    }
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String info = rest.substring(0, at);
      int colon = info.indexOf(':');
      user = user != null ? user : decode(colon < 0 ? info : info.substring(0, colon));
      password = password != null || colon < 0 ? password : decode(info.substring(colon + 1));
      rest = rest.substring(at + 1);
    }
    int slash = rest.indexOf('/');
    String hostPort = slash < 0 ? rest : rest.substring(0, slash);
    String database = slash < 0 || slash == rest.length() - 1 ? "postgres" : decode(rest.substring(slash + 1));
    int colon = hostPort.lastIndexOf(':');
    boolean hasPort = colon >= 0 && !hostPort.endsWith("]");
    String host = hasPort ? hostPort.substring(0, colon) : hostPort;
    int port = hasPort ? Integer.parseInt(hostPort.substring(colon + 1)) : 5432;
    return new TestServer(host.isEmpty() ? "localhost" : host, port, database, user, password);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
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

  /** Runs one statement on the administration database (CREATE/DROP DATABASE). */
  void admin(String sql) throws SQLException {
    try (Connection connection = dataSource(adminDatabase).getConnection();
        Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}
