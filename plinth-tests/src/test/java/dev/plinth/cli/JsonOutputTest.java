package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json}: every command prints one JSON object on standard output, results and errors alike. */
class JsonOutputTest {
  private static final String BASIC = "classpath:fixtures/basic/db/migration";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path workingDirectory;

  private JsonNode json(int exitCode, TestDatabase db, String location, String... args) throws Exception {
    String[] all = new String[args.length + 5];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--json";
    all[args.length + 1] = "--url";
    all[args.length + 2] = db.jdbcUrl();
    all[args.length + 3] = "--locations";
    all[args.length + 4] = location;
    Cli.Result result = Cli.run(Map.of(), workingDirectory, all);
    assertEquals(exitCode, result.exitCode(), result::toString);
    return MAPPER.readTree(result.out());
  }

  @Test
  void migrateRollbackPruneAndResetPrintOneObjectEach() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("json_test");
    String generated = "filesystem:" + GeneratedMigrations.write(workingDirectory.resolve("db"),
        GeneratedMigrations.EVOLUTION).resolve("migration");

    JsonNode dryRun = json(0, db, generated, "migrate", "--dry-run");
    assertEquals(4, dryRun.get("pending").size());
    assertTrue(dryRun.get("pending").get(0).get("sql").asText().contains("CREATE TABLE"), dryRun::toString);

    JsonNode migrate = json(0, db, generated, "migrate");
    assertEquals("4", migrate.get("schemaVersion").asText());
    assertEquals(4, migrate.get("applied").size());
    assertEquals("1", migrate.get("applied").get(0).get("version").asText());

    JsonNode plan = json(0, db, generated, "rollback", "--steps", "1", "--dry-run");
    assertTrue(plan.get("dryRun").asBoolean());
    assertEquals("4", plan.get("rolledBack").get(0).get("version").asText());

    JsonNode rollback = json(0, db, generated, "rollback", "--steps", "2");
    assertEquals("2", rollback.get("schemaVersion").asText());
    assertEquals(2, rollback.get("rolledBack").size());

    JsonNode pruned = json(0, db, generated, "prune-backups");
    assertEquals(0, pruned.get("droppedSchemas").size(), "the rollback restored V3's backup: " + pruned);

    JsonNode repair = json(0, db, generated, "repair");
    assertEquals(0, repair.get("removedFailures").size());
  }

  @Test
  void anErrorIsAnObjectWithItsIdKindAndMessage() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("json_error");

    JsonNode error = json(2, db, BASIC, "rollback", "--steps", "1").get("error");

    assertEquals("PLN610", error.get("id").asText());
    assertEquals("CONFIGURATION", error.get("kind").asText());
    assertTrue(error.get("message").asText().startsWith("[PLN610] Cannot roll back 1 migration"), error::toString);
  }

  @Test
  void aMigrationRunningForAWhileGetsALineWhenItStarted() {
    TestDatabase db = SharedPostgres.newDatabase("json_long");

    Cli.Result result = Cli.run(Map.of(), workingDirectory, "migrate", "--url", db.jdbcUrl(),
        "--locations", "classpath:fixtures/long/db/migration");

    assertEquals(0, result.exitCode(), result::toString);
    String[] lines = result.out().split("\n");
    assertTrue(lines[0].startsWith("Applied V1 create t ("), result::toString);
    assertEquals("Applying V2 take a while (V2__take_a_while.sql) ...", lines[1]);
    assertTrue(lines[2].startsWith("Applied V2 take a while ("), result::toString);
  }
}
