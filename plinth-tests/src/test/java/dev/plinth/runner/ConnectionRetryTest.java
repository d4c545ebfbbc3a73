package dev.plinth.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Under load, connection set-up is retried instead of failing at the first full server. */
class ConnectionRetryTest {
  private static final String ROLE = "plinth_few_connections";
  /** What one migrate uses at most at once (its lock connection and Flyway's). */
  private static final int LIMIT = 3;

  @Test
  void aServerThatIsFullForAMomentIsWaitedFor() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("retry");
    Sql.execute(db, "DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN CONNECTION LIMIT " + LIMIT + ";"
        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    Sql.execute(db, "GRANT ALL ON SCHEMA public TO " + ROLE);
    String base = db.jdbcUrl().replaceFirst("\\?.*", "");
    String url = base + "?user=" + ROLE;

    List<Connection> holders = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      holders.add(DriverManager.getConnection(url));
    }
    SQLException full = assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
    assertEquals("53300", full.getSQLState(), "every connection of the role is taken: " + full.getMessage());
    CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(700);
        for (Connection holder : holders) {
          holder.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    Plinth plinth = Plinth.create(RunnerConfig.builder().url(base).user(ROLE)
        .locations("classpath:fixtures/basic/db/migration").connectTimeout(Duration.ofSeconds(5)).build());
    MigrateResult result = plinth.migrate();

    release.get();
    assertEquals("3", result.schemaVersion().orElseThrow());
  }
}
