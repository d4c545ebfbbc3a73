package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth seed}: the example schema's seed sets through the CLI. */
class SeedCommandTest {

  @TempDir
  Path workingDirectory;

  private Cli.Result plinth(String... args) {
    return Cli.run(Map.of(), workingDirectory, args);
  }

  @Test
  void seedingTwiceLeavesTheSameRows() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("seed_cli");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl()).exitCode());

    Cli.Result first = plinth("seed", "--env", "test", "--url", db.jdbcUrl());
    long rows = rowCount(db);
    Cli.Result second = plinth("seed", "--env", "test", "--url", db.jdbcUrl());

    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(rows > 0, "the test seed sets insert rows");
    assertEquals(rows, rowCount(db), "a second run inserts nothing new");
    assertTrue(second.out().contains(" 0 row(s) inserted"), second::toString);
  }

  @Test
  void anUnknownEnvironmentIsOneClearLine() {
    TestDatabase db = SharedPostgres.newDatabase("seed_cli_unknown");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl()).exitCode());

    Cli.Result result = plinth("seed", "--env", "nope", "--url", db.jdbcUrl());

    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN740] Seeding failed and was rolled back, no row was left: "
        + "No seed set belongs to environment 'nope'."), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
  }

  private static long rowCount(TestDatabase db) throws SQLException {
    long total = 0;
    try (Connection connection = db.connect(); Statement st = connection.createStatement()) {
      for (String table : new String[] {"organization", "\"user\"", "membership", "form", "form_version",
          "submission", "audit_event"}) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }
}
