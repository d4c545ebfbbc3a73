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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 11. fleet at scale: {@code fleet migrate} of N new databases × M migrations,
 * against what a user would otherwise do, a shell loop running the single-target CLI
 * ({@code java -jar plinth.jar migrate --url ...}) once per database; paired per repetition (fresh
 * databases for each side). And the no-op case in server round trips: the transactions the server
 * counts in the targets' databases ({@code pg_stat_database.xact_commit + xact_rollback}; every
 * statement outside an explicit transaction is one, so this is a lower bound on statements) for a
 * {@code fleet migrate} at the goal against {@code Plinth.migrate()} at the goal, per target.
 */
final class FleetScaleBench {
  /** How many targets the no-op round trips are counted over. */
  private static final int COUNTED = 20;

  private FleetScaleBench() {}

  static void run(Pg pg, int size, int migrations, int reps, Path cli, Path work, Report report) throws Exception {
    Path folder = work.resolve("fleet-scale/db/migration");
    Files.createDirectories(folder);
    for (int v = 1; v <= migrations; v++) {
      Files.writeString(folder.resolve("V" + v + "__t" + v + ".sql"), "CREATE TABLE t" + v
          + " (id bigint PRIMARY KEY, note text NOT NULL DEFAULT '');\nCREATE INDEX t" + v + "_note_idx ON t" + v
          + " (note);\n", StandardCharsets.UTF_8);
    }
    RunnerConfig base = RunnerConfig.builder().user(Pg.USER).locations("filesystem:" + folder).build();
    String fleetName = "fleet migrate, " + size + " new databases x " + migrations + " migrations";
    String loopName = "shell loop of java -jar plinth.jar migrate, same";
    Stats stats = new Stats();
    List<Double> ratios = new ArrayList<>();
    for (int rep = 0; rep <= reps; rep++) {
      int n = rep == 0 ? 4 : size; // the warm-up: a few targets, for the JIT and the file cache
      List<String> forFleet = databases(pg, n);
      List<String> forLoop = databases(pg, n);
      long t = System.nanoTime();
      check(Fleet.builder(forFleet.stream().map(db -> FleetTarget.database(pg.url(db))).toList(), base).build()
          .migrate(), n);
      double fleet = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      loop(pg, forLoop, cli, folder, work);
      double loop = (System.nanoTime() - t) / 1e6;
      System.out.printf(Locale.ROOT, "fleet-scale rep %d: %d targets, fleet %.0f ms, loop %.0f ms (%.1fx)%n", rep, n,
          fleet, loop, loop / fleet);
      if (rep > 0) {
        stats.add(fleetName, fleet);
        stats.add(loopName, loop);
        ratios.add(loop / fleet);
        if (rep == reps) {
          roundTrips(pg, forFleet.subList(0, Math.min(COUNTED, n)), base, report);
        }
      }
      for (String db : forFleet) {
        pg.admin("DROP DATABASE \"" + db + "\"");
      }
      for (String db : forLoop) {
        pg.admin("DROP DATABASE \"" + db + "\"");
      }
    }
    double median = ratios.stream().sorted().toList().get(ratios.size() / 2);
    report.speedupAtLeast("11", fleetName + " vs " + loopName, median, 4,
        MigrateBench.medians(stats, loopName, fleetName) + "; ratios " + ratios.stream()
            .map(r -> String.format(Locale.ROOT, "%.1f", r)).toList());
  }

  /**
   * Runs the single-target CLI once per database, one after the other, from one shell. Give it a
   * copy of plinth.jar ({@code --cli}) that no build rewrites while it runs.
   */
  private static void loop(Pg pg, List<String> databases, Path cli, Path folder, Path work) throws Exception {
    Path urls = work.resolve("fleet-scale/urls.txt");
    Files.write(urls, databases.stream().map(pg::url).toList(), StandardCharsets.UTF_8);
    String script = "while read url; do java -jar '" + cli.toAbsolutePath() + "' migrate --url \"$url\" --user "
        + Pg.USER + " --locations 'filesystem:" + folder + "' > /dev/null || exit 1; done < '" + urls + "'";
    Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
        .redirectOutput(work.resolve("fleet-scale/loop.log").toFile()).start();
    if (process.waitFor() != 0) {
      List<String> log = Files.readAllLines(work.resolve("fleet-scale/loop.log"));
      throw new IllegalStateException("the shell loop failed; its output ends with:\n"
          + String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size())));
    }
  }

  /** The no-op's server round trips per target: fleet migrate at the goal, and Plinth.migrate() at the goal. */
  private static void roundTrips(Pg pg, List<String> databases, RunnerConfig base, Report report) throws Exception {
    List<FleetTarget> targets = databases.stream().map(db -> FleetTarget.database(pg.url(db))).toList();
    double fleet = transactions(pg, databases, () ->
        check(Fleet.builder(targets, base).parallel(1).build().migrate(), databases.size())) / databases.size();
    double single = transactions(pg, databases, () -> {
      for (String db : databases) {
        Plinth.create(base.toBuilder().url(pg.url(db)).build()).migrate();
      }
    }) / databases.size();
    report.ratioAtMost("11", "no-op fleet migrate per target / no-op Plinth.migrate(), server transactions",
        fleet / single, 2, String.format(Locale.ROOT,
            "fleet migrate at the goal %.1f per target; Plinth.migrate() at the goal %.1f per database (n=%d"
                + " databases; pg_stat_database xact_commit + xact_rollback)", fleet, single, databases.size()));
  }

  /** The transactions the server counted in {@code databases} while {@code body} ran (its sessions closed). */
  private static double transactions(Pg pg, List<String> databases, Stats.Timed body) throws Exception {
    long before = counted(pg, databases);
    body.run();
    Thread.sleep(1500); // a backend reports its counts when it ends, or at most once a second while idle
    return counted(pg, databases) - before;
  }

  private static long counted(Pg pg, List<String> databases) throws Exception {
    try (Connection c = pg.connect("postgres"); PreparedStatement st = c.prepareStatement(
        "SELECT sum(xact_commit + xact_rollback) FROM pg_stat_database WHERE datname = ANY (?)")) {
      st.setArray(1, c.createArrayOf("text", databases.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> databases(Pg pg, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(pg.create("fleet_scale"));
    }
    return names;
  }

  private static void check(FleetReport report, int size) {
    long ok = report.count(TargetResult.Status.DONE) + report.count(TargetResult.Status.SKIPPED);
    if (ok != size) {
      throw new IllegalStateException("fleet " + report.command() + ": " + ok + " of " + size + " targets; failures "
          + report.failures());
    }
  }
}
