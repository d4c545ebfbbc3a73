package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Test databases on a server given by URL (a CI service, a container): a second, separate
 * PostgreSQL server is started here and named by URL; databases are created and migrated there.
 */
class TestServerByUrlTest {

  @Test
  void aServerNamedByUrlGetsTheTestDatabases() throws Exception {
    try (EmbeddedPostgres second = EmbeddedPostgres.builder().setLocaleConfig("locale", "C").start()) {
      String url = "postgres://postgres@localhost:" + second.getPort() + "/postgres";
      Properties properties = new Properties();
      properties.setProperty(TestServer.URL_PROPERTY, url);
      TestServer server = TestServer.create(Map.of("DATABASE_URL", "postgres://nobody@unreachable.invalid/x"),
          properties);

      server.admin("CREATE DATABASE by_url TEMPLATE template0");
      Plinth.create(server.dataSource("by_url"), RunnerConfig.builder()
          .locations("classpath:fixtures/basic/db/migration").build()).migrate();

      try (Connection c = second.getDatabase("postgres", "by_url").getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
        rs.next();
        assertEquals(3, rs.getInt(1), "migrated on the server the URL names");
      }
      assertEquals(server.jdbcUrl("by_url"), "jdbc:postgresql://localhost:" + second.getPort() + "/by_url");
    }
  }
}
