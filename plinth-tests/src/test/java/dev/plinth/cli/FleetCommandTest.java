package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.Fleets;
import dev.plinth.runner.testing.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plinth fleet ...}: the report, the progress line, --json, the exit codes, and the errors in
 * the fleet's definition.
 */
class FleetCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private List<String> urls;
  private String locations;
  private String port;

  @BeforeEach
  void fleet() throws Exception {
    Path db = GeneratedMigrations.write(dir.resolve("db"), GeneratedMigrations.EVOLUTION.subList(0, 1));
    locations = "filesystem:" + db.resolve("migration");
    urls = Fleets.databases(SharedPostgres.server(), "fleet_cli", 3);
    port = String.valueOf(SharedPostgres.server().getPort());
    Files.writeString(dir.resolve("fleet.txt"), "# the tenants\n" + String.join("\n", urls) + "\n\n");
  }

  private Cli.Result fleet(String... args) {
    List<String> all = new ArrayList<>(List.of("fleet"));
    all.addAll(List.of(args));
    all.addAll(List.of("--locations", locations));
    return Cli.run(Map.of(), dir, all.toArray(String[]::new));
  }

  private String name(int i) {
    return "localhost:" + port + "/" + urls.get(i).replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
  }

  @Test
  void migrateReportsEachTargetThenRunningAgainSkipsThem() throws Exception {
    Cli.Result result = fleet("migrate", "--targets", "fleet.txt");

    assertEquals(0, result.exitCode(), result::toString);
    List<String> lines = result.out().lines().toList();
    assertTrue(Pattern.matches("fleet migrate: 3 targets in \\d+\\.\\d s, at most \\d+ at once: 3 migrated\\.",
        lines.get(0)), lines.get(0));
    assertTrue(Pattern.matches("Target +Before +After +Time +Result", lines.get(1)), lines.get(1));
    for (int i = 0; i < 3; i++) {
      assertTrue(Pattern.matches(Pattern.quote(name(i)) + " +none +1 +\\d+ ms +migrated \\(1\\)", lines.get(2 + i)),
          lines.get(2 + i));
    }
    assertEquals(5, lines.size(), result::toString);
    assertTrue(result.err().lines().anyMatch(l -> l.startsWith("fleet migrate: 3 done, 0 failed, 0 running, 0 pending"
        + " of 3 (")), result.err());

    JsonNode again = MAPPER.readTree(fleet("migrate", "--targets", "fleet.txt", "--json").out());
    assertEquals("migrate", again.get("command").asText());
    assertEquals(3, again.get("targets").asInt());
    assertEquals(3, again.get("counts").get("done").asInt() + again.get("counts").get("skipped").asInt(),
        again::toString);
    JsonNode first = again.get("results").get(0);
    assertEquals(name(0), first.get("target").asText());
    assertEquals("1", first.get("versionBefore").asText());
    assertEquals("1", first.get("versionAfter").asText());
    assertEquals(0, first.get("changes").asInt());
    assertTrue(first.get("error").isNull());
    assertTrue(again.get("stop").isNull());
  }

  @Test
  void aMissingDatabaseFailsAloneAndSetsTheExitCode() {
    Cli.Result result = Cli.run(Map.of(), dir, "fleet", "migrate", "--targets", "fleet.txt", "--locations", locations);
    assertEquals(0, result.exitCode(), result::toString);
    String missing = "jdbc:postgresql://localhost:" + port + "/fleet_cli_nowhere?user=postgres";
    writeFleet(urls.get(0), missing, urls.get(1));

    Cli.Result failed = fleet("migrate", "--targets", "fleet.txt");

    assertEquals(3, failed.exitCode(), failed::toString);
    String out = failed.out();
    assertTrue(out.startsWith("fleet migrate: 3 targets in "), out);
    assertTrue(out.contains(": 2 up to date, 1 failed."), out);
    String row = "localhost:" + port + "/fleet_cli_nowhere +\\? +\\? +\\d+ ms +failed \\(PLN624\\)";
    assertTrue(Pattern.matches("(?s).*\n" + row + "\n.*", out), "not reached, so its versions are unknown: " + out);
    assertTrue(out.contains("\nFailures:\n  localhost:" + port + "/fleet_cli_nowhere: [PLN624] Database"
        + " 'fleet_cli_nowhere' does not exist"), out);
  }

  @Test
  void verifyGroupsTheTargetsAndRollbackGoesBackToAVersion() {
    assertEquals(0, fleet("migrate", "--targets", "fleet.txt").exitCode());
    Fleets.execute(urls.get(2), "ALTER TABLE users ADD COLUMN nickname text");

    Cli.Result verify = fleet("verify", "--targets", "fleet.txt");

    assertEquals(5, verify.exitCode(), verify::toString);
    String out = verify.out();
    assertTrue(out.contains(": 2 no drift, 1 drift."), out);
    assertTrue(out.contains("\n\n2 targets at version 1: no drift\n\n1 target at version 1, drift in 1 place:\n"
        + "  extra column public.users.nickname: text NULL\n    " + name(2) + "\n\n"
        + "Targets that differ from the others were changed by hand"), out);

    Cli.Result info = fleet("info", "--targets", "fleet.txt");
    assertEquals(0, info.exitCode(), info::toString);
    assertTrue(Pattern.matches("(?s).*\n" + Pattern.quote(name(1)) + " +1 +0 +\\d+ ms +read\n.*", info.out()),
        info.out());

    Cli.Result rollback = fleet("rollback", "--to", "0", "--targets", "fleet.txt", "--canary", "1", "--wave", "1");
    assertEquals(0, rollback.exitCode(), rollback::toString);
    assertTrue(Pattern.matches("(?s).*\n" + Pattern.quote(name(0)) + " +1 +none +\\d+ ms +rolled back \\(1\\)\n.*",
        rollback.out()), rollback.out());
    assertEquals(null, Fleets.query(urls.get(0), "SELECT to_regclass('users')::text"));

    Cli.Result again = fleet("rollback", "--to", "0", "--targets", "fleet.txt");
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(again.out().contains(": 3 already there."), again.out());
  }

  @Test
  void targetsComeFromAQuery() throws Exception {
    String control = SharedPostgres.newDatabase("fleet_control").jdbcUrl();
    Fleets.execute(control, "CREATE TABLE tenants (db text)");
    for (String url : urls) {
      Fleets.execute(control, "INSERT INTO tenants VALUES ('" + url + "')");
    }

    JsonNode info = MAPPER.readTree(fleet("info", "--targets-query", "SELECT db AS url FROM tenants ORDER BY db",
        "--url", control, "--json").out());

    assertEquals(3, info.get("targets").asInt(), info::toString);
    assertEquals(name(0), info.get("results").get(0).get("target").asText());
    assertEquals(1, info.get("results").get(0).get("pending").asInt());

    Cli.Result noUrlColumn = fleet("info", "--targets-query", "SELECT db FROM tenants", "--url", control);
    assertEquals(2, noUrlColumn.exitCode(), noUrlColumn::toString);
    assertTrue(noUrlColumn.err().contains("[PLN684] The fleet query returns no column named url or schema"
        + " (it returns db)."), noUrlColumn.err());

    Cli.Result noDatabase = fleet("info", "--targets-query", "SELECT db AS url FROM tenants");
    assertEquals(2, noDatabase.exitCode(), noDatabase::toString);
    assertTrue(noDatabase.err().contains("[PLN689]"), noDatabase.err());
  }

  @Test
  void mistakesInTheFleetAreUsageErrors() throws Exception {
    Cli.Result missing = fleet("info", "--targets", "nowhere.txt");
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().startsWith("[PLN681] Cannot read the fleet file " + dir.resolve("nowhere.txt")),
        missing.err());

    writeFleet(urls.get(0), urls.get(1), urls.get(0));
    Cli.Result twice = fleet("info", "--targets", "fleet.txt");
    assertEquals(2, twice.exitCode(), twice::toString);
    assertEquals("[PLN683] " + name(0) + " is listed twice in " + dir.resolve("fleet.txt") + " (entries 1 and 3)."
        + " List each target once: two runs on one target only wait for each other.\n", twice.err());

    writeFleet(urls.get(0), urls.get(1) + " tenant_1 extra");
    Cli.Result words = fleet("info", "--targets", "fleet.txt");
    assertEquals(2, words.exitCode(), words::toString);
    assertTrue(words.err().startsWith("[PLN682] Line 2 of " + dir.resolve("fleet.txt")
        + " is not a target: it has 3 words."), words.err());

    writeFleet(urls.get(0));
    Cli.Result none = fleet("info", "--targets", "fleet.txt", "--parallel", "0");
    assertEquals(2, none.exitCode(), none::toString);
    assertTrue(none.err().startsWith("[PLN687] --parallel must be at least 1 (got 0)."), none.err());

    writeFleet("# nobody yet", "");
    Cli.Result empty = fleet("info", "--targets", "fleet.txt");
    assertEquals(2, empty.exitCode(), empty::toString);
    assertTrue(empty.err().startsWith("[PLN680] The fleet has no targets: " + dir.resolve("fleet.txt")
        + " lists none."), empty.err());

    Cli.Result noSource = fleet("info");
    assertEquals(2, noSource.exitCode(), noSource::toString);
    assertTrue(noSource.err().startsWith("Error: Missing required argument"), noSource.err());

    Cli.Result noVersion = fleet("rollback", "--targets", "fleet.txt");
    assertEquals(2, noVersion.exitCode(), noVersion::toString);
  }

  private void writeFleet(String... lines) {
    try {
      Files.writeString(dir.resolve("fleet.txt"), String.join("\n", lines) + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
