package dev.plinth.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded PostgreSQL 17 every figure runs on (C locale, UTF8, the server's defaults
 * otherwise), and databases on it: created from {@code template0} or cloned from a template.
 */
final class Pg implements AutoCloseable {
  static final String USER = "postgres";

  private final EmbeddedPostgres server;
  private final AtomicInteger counter = new AtomicInteger();

  private Pg(EmbeddedPostgres server) {
    this.server = server;
  }

  static Pg start() {
    return start(false);
  }

  /** With {@code noFsync}, a server for throwaway data: {@code fsync = off} (as test clusters often run). */
  static Pg start(boolean noFsync) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setLocaleConfig("locale", "C")
          .setLocaleConfig("encoding", "UTF8");
      if (noFsync) {
        builder.setServerConfig("fsync", "off");
      }
      return new Pg(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }

  int port() {
    return server.getPort();
  }

  String url(String database) {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, "");
  }

  String version() throws SQLException {
    try (Connection c = connect("postgres"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** A new empty database named {@code prefix_N}. */
  String create(String prefix) {
    return cloneOf("template0", prefix);
  }

  /** A new database named {@code prefix_N}, a copy of {@code template}. */
  String cloneOf(String template, String prefix) {
    return cloneOf(template, prefix, "");
  }

  /** As {@link #cloneOf(String, String)}, with a clause such as {@code STRATEGY FILE_COPY}. */
  String cloneOf(String template, String prefix, String clause) {
    String name = prefix + "_" + counter.incrementAndGet();
    admin("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\" " + clause);
    return name;
  }

  void drop(String database) {
    admin("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
  }

  void admin(String sql) {
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
