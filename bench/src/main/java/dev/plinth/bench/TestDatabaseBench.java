package dev.plinth.bench;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.testing.BenchClonePool;
import dev.plinth.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * 6. test databases, example schema (the migrations packaged in migrations-app): a fresh database
 * for one test cloned from a migrated template vs migrating a new database from scratch.
 */
final class TestDatabaseBench {
  static final String LOCATION = RunnerConfig.DEFAULT_LOCATION;
  static final String POOL = "plinth-testing pool, copy ready";
  static final String POOL_BACK_TO_BACK = "plinth-testing pool, tests back to back";
  static final int BURST = 5;

  private TestDatabaseBench() {}

  static void run(Pg pg, int reps, Report report) throws Exception {
    run(pg, reps, report, "");
    try (Pg noFsync = Pg.start(true)) {
      run(noFsync, reps, report, " [server with fsync = off]");
    }
  }

  static void run(Pg pg, int reps, Report report, String server) throws Exception {
    String template = pg.create("example_tpl");
    int applied = migrate(pg, template);
    Stats stats = new Stats();
    System.out.println("test databases: example schema (" + applied + " migrations), " + (reps * 3)
        + " repetitions after a warm-up");
    BenchClonePool pool = new BenchClonePool(pg.url("postgres"), Pg.USER, template, BenchClonePool.AHEAD);
    for (int rep = 0; rep <= reps * 3; rep++) {
      Stats into = rep == 0 ? new Stats() : stats;
      TestDatabase[] copy = new TestDatabase[1];
      // A test after one that ran at least as long as the pool's background work: its copy is ready.
      pool.awaitIdle();
      into.time(POOL, () -> {
        copy[0] = pool.take();
        ready(copy[0].dataSource());
      });
      pool.release(copy[0]);
      // Tests that do nothing, one right after the other: each waits for what is left of its copy,
      // and gives it back at its end as @PlinthDatabase does (the drop itself is in the background).
      pool.awaitIdle();
      double burst = 0;
      for (int i = 0; i < BURST; i++) {
        long start = System.nanoTime();
        copy[0] = pool.take();
        ready(copy[0].dataSource());
        pool.release(copy[0]);
        burst += (System.nanoTime() - start) / 1e6;
      }
      into.add(POOL_BACK_TO_BACK, burst / BURST);
      String[] clone = new String[1];
      pool.awaitIdle(); // nothing copied or dropped in the background while the others are timed
      into.time("template clone", () -> {
        clone[0] = pg.cloneOf(template, "example_clone");
        ready(pg, clone[0]);
      });
      pg.drop(clone[0]);
      into.time("template clone, STRATEGY FILE_COPY", () -> {
        clone[0] = pg.cloneOf(template, "example_clone", "STRATEGY FILE_COPY");
        ready(pg, clone[0]);
      });
      pg.drop(clone[0]);
      String[] fresh = new String[1];
      into.time("migrate from scratch", () -> {
        fresh[0] = pg.create("example_fresh");
        migrate(pg, fresh[0]);
        ready(pg, fresh[0]);
      });
      pg.drop(fresh[0]);
    }
    pool.close();
    report.absolute("6", "test database from plinth-testing's pool, copy ready (take + first query)" + server,
        stats.median(POOL), 50, "ms", MigrateBench.medians(stats, POOL, POOL_BACK_TO_BACK)
            + " (back to back: mean of " + BURST + " tests that do nothing, one after the other; each waits for its copy,"
            + " takes it, runs the first query and gives it back)");
    report.speedupAtLeast("6", "test database from the pool vs migrating a new database" + server,
        stats.ratio("migrate from scratch", POOL), 10, "pool / migrate " + stats.paired(POOL, "migrate from scratch")
            + "; " + MigrateBench.medians(stats, "migrate from scratch", POOL));
    String best = stats.median("template clone, STRATEGY FILE_COPY") < stats.median("template clone")
        ? "template clone, STRATEGY FILE_COPY" : "template clone";
    report.absolute("6", "fresh migrated test database by template clone (create + first query)" + server,
        stats.median("template clone"), 100, "ms", MigrateBench.medians(stats, "template clone",
            "template clone, STRATEGY FILE_COPY"));
    report.speedupAtLeast("6", "template clone vs migrating a new database" + server,
        stats.ratio("migrate from scratch", best), 10,
        MigrateBench.medians(stats, "migrate from scratch", best));
    pg.drop(template);
  }

  private static int migrate(Pg pg, String database) {
    return Plinth.create(Runner.config(pg, database, LOCATION, null)).migrate().applied().size();
  }

  /** The test's first query: the database is there and has the schema. */
  private static void ready(Pg pg, String database) throws Exception {
    try (Connection c = pg.connect(database)) {
      ready(c, database);
    }
  }

  /** The first query of a test that takes the DataSource {@code @PlinthDatabase} injects. */
  private static void ready(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      ready(c, dataSource.toString());
    }
  }

  private static void ready(Connection c, String database) throws Exception {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
      rs.next();
      if (rs.getInt(1) < 2) {
        throw new IllegalStateException(database + " has no schema");
      }
    }
  }
}
