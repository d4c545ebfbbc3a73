package dev.plinth.runner.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Message;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.fleet.TargetResult.Status;
import dev.plinth.runner.testing.Fleets;
import dev.plinth.runner.testing.SharedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of twelve tenant schemas where V2 fails on one tenant (its data breaks the new check):
 * going on and reporting it, the canary, stopping at the first failure, and waves.
 */
class FleetRolloutTest {

  private static final int SIZE = 12;

  @TempDir
  Path root;

  private String url;
  private List<FleetTarget> targets;

  /** Twelve tenants at V1; {@code bad} (1-based) has a row V2's check refuses. */
  private RunnerConfig fleetAtV1(int bad) {
    Path migration = Fleets.migrations(root.resolve("db"),
        "V1__items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\n",
        "V2__small_ids.sql", "ALTER TABLE items ADD CONSTRAINT items_small CHECK (id < 100);\n");
    RunnerConfig base = RunnerConfig.builder().user("postgres").locations("filesystem:" + migration).build();
    url = SharedPostgres.newDatabase("fleet_rollout").jdbcUrl();
    targets = IntStream.rangeClosed(1, SIZE)
        .mapToObj(i -> FleetTarget.schema(url, String.format(Locale.ROOT, "tenant_%02d", i))).toList();
    FleetReport v1 = Fleet.builder(targets, base.toBuilder().target("1").build()).build().migrate();
    assertEquals(SIZE, v1.count(Status.DONE), () -> v1.failures().toString());
    Fleets.execute(url, String.format(Locale.ROOT, "INSERT INTO tenant_%02d.items VALUES (500)", bad));
    return base;
  }

  private String version(int tenant) {
    return Fleets.query(url, String.format(Locale.ROOT,
        "SELECT max(version) FROM tenant_%02d.flyway_schema_history WHERE success", tenant));
  }

  @Test
  void goesOnPastAFailureAndReportsIt() {
    RunnerConfig base = fleetAtV1(6);

    FleetReport report = Fleet.builder(targets, base).parallel(4).build().migrate();

    assertEquals(SIZE - 1, report.count(Status.DONE), report::toString);
    TargetResult failed = report.results().get(5);
    assertEquals(Status.FAILED, failed.status());
    assertEquals(List.of(failed), report.failures());
    assertEquals(Optional.of("1"), failed.versionBefore());
    assertEquals(Optional.of("1"), failed.versionAfter(), "its failed V2 was rolled back");
    TargetResult.Error error = failed.error().orElseThrow();
    assertEquals(Message.MIGRATION_FAILED.id(), error.id());
    assertEquals(Message.Kind.MIGRATION, error.kind());
    assertTrue(error.message().contains("V2__small_ids.sql") && error.message().contains("items_small"),
        error.message());
    assertEquals(Optional.empty(), report.stop());
    assertFalse(report.ok());
    assertEquals("2", version(12), "the targets after the failure were migrated");
    assertEquals("1", version(6));
  }

  @Test
  void aFailedCanaryStartsNothingElse() {
    RunnerConfig base = fleetAtV1(2);

    FleetReport report = Fleet.builder(targets, base).canary(3).parallel(4).build().migrate();

    assertEquals(Optional.of(FleetReport.Stop.CANARY_FAILED), report.stop());
    assertEquals(Status.FAILED, report.results().get(1).status());
    assertEquals(SIZE - 3, report.count(Status.NOT_STARTED), report::toString);
    for (int i = 3; i < SIZE; i++) {
      assertEquals(Status.NOT_STARTED, report.results().get(i).status(), "target " + (i + 1));
    }
    assertEquals("1", version(4), "nothing after the canary ran");
    assertEquals("1", version(12));
  }

  @Test
  void stopOnFailureStartsNoFurtherTarget() {
    RunnerConfig base = fleetAtV1(6);

    FleetReport report = Fleet.builder(targets, base).parallel(1).stopOnFailure(true).build().migrate();

    assertEquals(Optional.of(FleetReport.Stop.FAILURE), report.stop());
    assertEquals(5, report.count(Status.DONE));
    assertEquals(1, report.count(Status.FAILED));
    assertEquals(6, report.count(Status.NOT_STARTED));
    assertEquals("2", version(5));
    assertEquals("1", version(7));
  }

  @Test
  void eachWaveFinishesBeforeTheNextStartsAndAFailureDoesNotStopThem() {
    RunnerConfig base = fleetAtV1(4);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    FleetListener record = new FleetListener() {
      @Override
      public void started(FleetTarget target) {
        events.add("start " + targets.indexOf(target));
      }

      @Override
      public void finished(TargetResult result) {
        events.add("end " + targets.indexOf(result.target()));
      }
    };

    FleetReport report = Fleet.builder(targets, base).canary(2).wave(4).parallel(4).listener(record).build()
        .migrate();

    assertEquals(SIZE - 1, report.count(Status.DONE), report::toString);
    assertEquals(Status.FAILED, report.results().get(3).status(), "the failure in the first wave");
    List<List<Integer>> phases = List.of(List.of(0, 1), List.of(2, 3, 4, 5), List.of(6, 7, 8, 9), List.of(10, 11));
    for (int p = 1; p < phases.size(); p++) {
      int lastEndBefore = 0;
      for (int i : phases.get(p - 1)) {
        lastEndBefore = Math.max(lastEndBefore, events.indexOf("end " + i));
      }
      for (int i : phases.get(p)) {
        assertTrue(events.indexOf("start " + i) > lastEndBefore, "phase " + p + " started early: " + events);
      }
    }
  }
}
