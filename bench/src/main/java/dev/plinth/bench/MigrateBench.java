package dev.plinth.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * 1. migrate: 1000 generated migrations through the Plinth runner, plain Flyway (defaults) and
 * the raw-JDBC limit; then a no-op migrate with all applied and one new of 1000.
 */
final class MigrateBench {
  private MigrateBench() {}

  static void run(Pg pg, MigrationSet set, Templates templates, int reps, Report report) {
    Path dir = set.migrationDir();
    List<Path> files = set.scripts().stream().map(MigrationSet.Script::forwardFile).toList();
    int n = files.size();
    Stats stats = new Stats();
    System.out.println("migrate: " + n + " migrations, " + reps + " repetitions after a warm-up");
    for (int rep = 0; rep <= reps; rep++) {
      Stats into = rep == 0 ? new Stats() : stats;
      String db = pg.create("raw");
      into.time("raw JDBC", () -> RawJdbc.run(pg, db, files));
      pg.drop(db);
      String fdb = pg.create("flyway");
      into.time("Flyway", () -> check(n, Runner.flywayMigrate(pg, fdb, dir)));
      pg.drop(fdb);
      String pdb = pg.create("plinth");
      into.time("Plinth", () -> check(n, Runner.plinthMigrate(pg, pdb, dir, null)));
      pg.drop(pdb);
    }
    report.ratioAtMost("1", "migrate " + n + ": Plinth / raw JDBC", stats.ratio("Plinth", "raw JDBC"),
        1.3, stats.paired("Plinth", "raw JDBC") + "; " + medians(stats, "Plinth", "raw JDBC"));
    report.ratioAtMost("1", "migrate " + n + ": Flyway defaults / raw JDBC",
        stats.ratio("Flyway", "raw JDBC"), Double.NaN, medians(stats, "Flyway", "raw JDBC"));
    report.ratioAtMost("1", "migrate " + n + ": Plinth / Flyway defaults",
        stats.ratio("Plinth", "Flyway"), 1.0, medians(stats, "Plinth", "Flyway"));

    Stats noop = new Stats();
    System.out.println("migrate: no-op with " + n + " applied; 1 new of " + n);
    Path last = files.get(n - 1);
    for (int rep = 0; rep <= reps; rep++) {
      Stats into = rep == 0 ? new Stats() : noop;
      String a = pg.cloneOf(templates.all(), "noop");
      into.time("no-op raw (read files + history)", () -> RawJdbc.readState(pg, a, dir));
      into.time("no-op Plinth", () -> check(0, Runner.plinthMigrate(pg, a, dir, null)));
      into.time("no-op Flyway", () -> check(0, Runner.flywayMigrate(pg, a, dir)));
      pg.drop(a);
      String b = pg.cloneOf(templates.allButLast(), "one");
      into.time("1 new raw (read state + script)", () -> {
        RawJdbc.readState(pg, b, dir);
        RawJdbc.run(pg, b, List.of(last));
      });
      pg.drop(b);
      String c = pg.cloneOf(templates.allButLast(), "one");
      into.time("1 new Plinth", () -> check(1, Runner.plinthMigrate(pg, c, dir, null)));
      pg.drop(c);
      String d = pg.cloneOf(templates.allButLast(), "one");
      into.time("1 new Flyway", () -> check(1, Runner.flywayMigrate(pg, d, dir)));
      pg.drop(d);
    }
    report.ratioAtMost("1", "no-op migrate (" + n + " applied): Plinth / raw read of files and history",
        noop.ratio("no-op Plinth", "no-op raw (read files + history)"), Double.NaN,
        medians(noop, "no-op Plinth", "no-op raw (read files + history)"));
    report.ratioAtMost("1", "no-op migrate (" + n + " applied): Plinth / Flyway defaults",
        noop.ratio("no-op Plinth", "no-op Flyway"), Double.NaN, medians(noop, "no-op Plinth", "no-op Flyway"));
    report.ratioAtMost("1", "1 new of " + n + ": Plinth / raw (read state + run script)",
        noop.ratio("1 new Plinth", "1 new raw (read state + script)"), Double.NaN,
        medians(noop, "1 new Plinth", "1 new raw (read state + script)"));
    report.ratioAtMost("1", "1 new of " + n + ": Plinth / Flyway defaults",
        noop.ratio("1 new Plinth", "1 new Flyway"), Double.NaN, medians(noop, "1 new Plinth", "1 new Flyway"));
  }

  static void check(int expected, int actual) {
    if (expected != actual) {
      throw new IllegalStateException("expected " + expected + " migrations applied, got " + actual);
    }
  }

  static String medians(Stats stats, String... variants) {
    StringBuilder out = new StringBuilder();
    for (String v : variants) {
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(v).append(' ').append(String.format(java.util.Locale.ROOT, "%.0f", stats.median(v)))
          .append(" (").append(stats.range(v)).append(", n=").append(stats.count(v)).append(')');
    }
    return out.toString();
  }
}
