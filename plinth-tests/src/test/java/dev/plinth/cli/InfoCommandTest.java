package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

  private static final String BASIC = "classpath:fixtures/basic/db/migration";
  private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

  @TempDir
  Path workingDirectory;

  private Cli.Result plinth(String... args) {
    return Cli.run(Map.of(), workingDirectory, args);
  }

  @Test
  void beforeMigratingEverythingIsPending() {
    TestDatabase db = SharedPostgres.newDatabase("info_before");

    Cli.Result result = plinth("info", "--url", db.jdbcUrl(), "--locations", BASIC);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(
        "Version  Description       Type  State    Installed on (UTC)  Checksum",
        "1        create users      sql   pending",
        "2        create orders     sql   pending",
        "3        index user email  sql   pending",
        "Schema version: none"), result.out().lines().toList());
  }

  @Test
  void afterMigratingToATargetShowsAppliedWithUtcTimesAndPending() {
    TestDatabase db = SharedPostgres.newDatabase("info_after");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC, "--target", "2").exitCode());

    Cli.Result result = plinth("info", "--url", db.jdbcUrl(), "--locations", BASIC);

    assertEquals(0, result.exitCode(), result::toString);
    List<String> lines = result.out().lines().toList();
    assertEquals(5, lines.size(), result::toString);
    assertTrue(lines.get(1).matches("1        create users      sql   applied  " + INSTANT + "  ok"), lines.get(1));
    assertTrue(lines.get(2).matches("2        create orders     sql   applied  " + INSTANT + "  ok"), lines.get(2));
    assertEquals("3        index user email  sql   pending", lines.get(3));
    assertEquals("Schema version: 2", lines.get(4));
  }

  @Test
  void jsonListsEveryMigrationWithStateAndChecksum() {
    TestDatabase db = SharedPostgres.newDatabase("info_json");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC, "--target", "1").exitCode());

    Cli.Result result = plinth("info", "--json", "--url", db.jdbcUrl(), "--locations", BASIC);

    assertEquals(0, result.exitCode(), result::toString);
    String json = result.out().replaceAll("\"installedOn\" : \"[^\"]+\"", "\"installedOn\" : \"T\"");
    assertEquals("""
        {
          "schemaVersion" : "1",
          "migrations" : [
            {
              "version" : "1",
              "description" : "create users",
              "type" : "sql",
              "state" : "applied",
              "installedOn" : "T",
              "script" : "V1__create_users.sql",
              "checksum" : "ok"
            },
            {
              "version" : "2",
              "description" : "create orders",
              "type" : "sql",
              "state" : "pending",
              "installedOn" : null,
              "script" : "V2__create_orders.sql",
              "checksum" : null
            },
            {
              "version" : "3",
              "description" : "index user email",
              "type" : "sql",
              "state" : "pending",
              "installedOn" : null,
              "script" : "V3__index_user_email.sql",
              "checksum" : null
            }
          ]
        }
        """, json);
  }

  @Test
  void emptyLocationSaysSo(@TempDir Path empty) {
    TestDatabase db = SharedPostgres.newDatabase("info_empty");

    Cli.Result result = plinth("info", "--url", db.jdbcUrl(), "--locations", "filesystem:" + empty);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("No migrations found in filesystem:" + empty + ".\nSchema version: none\n", result.out());
  }
}
