package dev.plinth.bench;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.TargetResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 8. fleet: what running {@code fleet migrate} again costs per target once every target is at the
 * goal (the resume case), against the least any runner must do there (connect, read one thing),
 * and against running {@code Plinth.migrate()} on each target; for databases and for tenant schemas
 * of one database. One target at a time ({@code --parallel 1}), so a figure is a cost per target.
 */
final class FleetBench {
  private static final String MIGRATION = "CREATE TABLE items (id bigint PRIMARY KEY, note text);\n";

  private FleetBench() {}

  static void run(Pg pg, int size, int reps, Path work, Report report) throws Exception {
    Path migration = work.resolve("fleet/db/migration");
    Files.createDirectories(migration);
    Files.writeString(migration.resolve("V1__items.sql"), MIGRATION, StandardCharsets.UTF_8);
    RunnerConfig base = RunnerConfig.builder().user(Pg.USER).locations("filesystem:" + migration).build();
    List<String> databases = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      databases.add(pg.create("fleet_db"));
    }
    List<FleetTarget> dbTargets = databases.stream().map(db -> FleetTarget.database(pg.url(db))).toList();
    String shared = pg.create("fleet_tenants");
    List<FleetTarget> schemaTargets = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      schemaTargets.add(FleetTarget.schema(pg.url(shared), String.format(Locale.ROOT, "tenant_%04d", i)));
    }
    long t = System.nanoTime();
    check(Fleet.builder(dbTargets, base).build().migrate(), size);
    check(Fleet.builder(schemaTargets, base).build().migrate(), size);
    System.out.printf(Locale.ROOT, "fleet: %d databases and %d tenant schemas migrated in %.0f ms%n", size, size,
        (System.nanoTime() - t) / 1e6);

    Stats stats = new Stats();
    for (int rep = 0; rep <= reps; rep++) {
      Stats into = rep == 0 ? new Stats() : stats;
      into.add("fleet migrate at the goal, per database",
          perTarget(() -> check(Fleet.builder(dbTargets, base).parallel(1).build().migrate(), size), size));
      into.add("connect + one query, per database", perTarget(() -> {
        for (String db : databases) {
          try (Connection c = pg.connect(db); Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history")) {
            rs.next();
          }
        }
      }, size));
      into.add("Plinth.migrate() at the goal, per database", perTarget(() -> {
        for (String db : databases) {
          Plinth.create(base.toBuilder().url(pg.url(db)).build()).migrate();
        }
      }, size));
      into.add("fleet migrate at the goal, per tenant schema",
          perTarget(() -> check(Fleet.builder(schemaTargets, base).parallel(1).build().migrate(), size), size));
      into.add("one query per tenant schema, one connection", perTarget(() -> {
        try (Connection c = pg.connect(shared); Statement st = c.createStatement()) {
          for (FleetTarget target : schemaTargets) {
            try (ResultSet rs = st.executeQuery("SELECT version FROM \"" + target.schema().orElseThrow()
                + "\".flyway_schema_history")) {
              rs.next();
            }
          }
        }
      }, size));
    }
    String db = "fleet migrate at the goal, per database";
    String schema = "fleet migrate at the goal, per tenant schema";
    report.ratioAtMost("8", "fleet migrate again, " + size + " databases at the goal: per database / connect + one"
        + " query", stats.ratio(db, "connect + one query, per database"), 1.5,
        MigrateBench.medians(stats, db, "connect + one query, per database"));
    report.speedupAtLeast("8", "fleet migrate again vs Plinth.migrate() on each database",
        stats.ratio("Plinth.migrate() at the goal, per database", db), 3,
        MigrateBench.medians(stats, "Plinth.migrate() at the goal, per database", db));
    report.absolute("8", "fleet migrate again, " + size + " tenant schemas of one database at the goal: per schema",
        stats.median(schema), Double.NaN, "ms",
        MigrateBench.medians(stats, schema, "one query per tenant schema, one connection"));
  }

  /** Runs {@code body} and returns its wall time per target, in ms. */
  private static double perTarget(Stats.Timed body, int size) throws Exception {
    long start = System.nanoTime();
    body.run();
    return (System.nanoTime() - start) / 1e6 / size;
  }

  private static void check(FleetReport report, int size) {
    long ok = report.count(TargetResult.Status.DONE) + report.count(TargetResult.Status.SKIPPED);
    if (ok != size) {
      throw new IllegalStateException("fleet " + report.command() + ": " + ok + " of " + size + " targets; failures "
          + report.failures());
    }
  }
}
