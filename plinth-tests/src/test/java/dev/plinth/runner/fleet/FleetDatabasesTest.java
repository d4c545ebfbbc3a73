package dev.plinth.runner.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.fleet.TargetResult.Status;
import dev.plinth.runner.testing.Fleets;
import dev.plinth.runner.testing.SharedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200 databases on one server, migrated as a fleet, then migrated again: the second run only reads histories. */
class FleetDatabasesTest {

  private static final int SIZE = 200;
  private static final int PARALLEL = 4;

  @TempDir
  Path root;

  @Test
  void migratesTwoHundredDatabasesThenSkipsThemAll() {
    Path db = GeneratedMigrations.write(root.resolve("db"), GeneratedMigrations.EVOLUTION.subList(0, 1));
    RunnerConfig base = RunnerConfig.builder().user("postgres").locations("filesystem:" + db.resolve("migration"))
        .build();
    List<String> urls = Fleets.databases(SharedPostgres.server(), "fleet_dbs", SIZE);
    try {
      migrateTwice(base, urls);
    } finally {
      Fleets.drop(SharedPostgres.server(), urls);
    }
  }

  private static void migrateTwice(RunnerConfig base, List<String> urls) {
    List<FleetTarget> targets = Fleets.targets(urls);

    FleetReport first = Fleet.builder(targets, base).parallel(PARALLEL).build().migrate();

    assertEquals(SIZE, first.count(Status.DONE), () -> first.failures().toString());
    for (TargetResult r : first.results()) {
      assertEquals(Optional.empty(), r.versionBefore(), r.target().name());
      assertEquals(Optional.of("1"), r.versionAfter(), r.target().name());
      assertEquals(1, r.changes(), r.target().name());
    }
    assertEquals(targets, first.results().stream().map(TargetResult::target).toList(), "the fleet's order");
    String server = targets.get(0).server();
    assertEquals(Map.of(server, PARALLEL), first.serverLimits(), "plenty of free connections: --parallel decides");
    for (String url : List.of(urls.get(0), urls.get(99), urls.get(SIZE - 1))) {
      assertEquals("users", Fleets.query(url, "SELECT to_regclass('public.users')::text"), url);
      assertEquals("1", Fleets.query(url, "SELECT string_agg(version, ',') FROM flyway_schema_history"), url);
    }

    FleetReport again = Fleet.builder(targets, base).parallel(PARALLEL).build().migrate();

    for (TargetResult r : again.results()) {
      assertTrue(r.status() == Status.SKIPPED || r.status() == Status.DONE, r.toString());
      assertEquals(Optional.of("1"), r.versionBefore(), r.target().name());
      assertEquals(Optional.of("1"), r.versionAfter(), r.target().name());
      assertEquals(0, r.changes(), r.target().name());
    }
    // Only the targets started before the first of them had finished ran Flyway; the rest read their history.
    assertTrue(again.count(Status.SKIPPED) >= SIZE - PARALLEL, "skipped: " + again.count(Status.SKIPPED));
    double skipMillis = again.results().stream().filter(r -> r.status() == Status.SKIPPED)
        .mapToLong(TargetResult::millis).average().orElseThrow();
    System.out.printf("fleet of %d: first migrate %d ms, again %d ms (a skipped target: %.1f ms)%n", SIZE,
        first.totalMillis(), again.totalMillis(), skipMillis);
  }
}
