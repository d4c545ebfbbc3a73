package dev.plinth.runner;

import dev.plinth.runner.internal.AdvisoryLock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.model.Schema;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner under load and faults, on the real embedded PostgreSQL: concurrent migrates (threads
 * and processes), rollback racing migrate, a migration failing halfway, and the runner killed with
 * SIGKILL in the middle of a long migration.
 */
class ConcurrencyAndFaultsTest {

  private static final String BASIC = "classpath:fixtures/basic/db/migration";
  private static final String HISTORY = "flyway_schema_history";
  private static final int RUNS = 8;

  @TempDir
  Path workingDirectory;

  @Test
  void eightConcurrentMigrateThreadsApplyEachMigrationOnce() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("concurrent_threads");
    ExecutorService pool = Executors.newFixedThreadPool(RUNS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Cli.Result>> runs = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return Cli.run(Map.of(), workingDirectory, "migrate", "--url", db.jdbcUrl(), "--locations", BASIC);
        }));
      }
      start.countDown();
      int applied = 0;
      for (Future<Cli.Result> run : runs) {
        Cli.Result result = run.get(2, TimeUnit.MINUTES);
        assertEquals(0, result.exitCode(), result::toString);
        applied += (int) result.out().lines().filter(l -> l.startsWith("Applied V")).count();
      }
      assertEquals(3, applied, "each migration applied by exactly one run");
    } finally {
      pool.shutdownNow();
    }
    assertAppliedOnce(db, 3);
    Cli.Result again = Cli.run(Map.of(), workingDirectory, "migrate", "--url", db.jdbcUrl(), "--locations", BASIC);
    assertEquals("Nothing to apply; schema is at version 3.\n", again.out(), again::toString);
  }

  @Test
  void eightConcurrentMigrateProcessesApplyEachMigrationOnce() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("concurrent_processes");
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      processes.add(plinthProcess(i, "migrate", "--url", db.jdbcUrl(), "--locations", BASIC));
    }
    int applied = 0;
    for (int i = 0; i < RUNS; i++) {
      Process process = processes.get(i);
      assertTrue(process.waitFor(2, TimeUnit.MINUTES), "process " + i + " finished");
      String out = Files.readString(workingDirectory.resolve("out" + i));
      Path err = workingDirectory.resolve("err" + i);
      assertEquals(0, process.exitValue(), () -> out + readQuietly(err));
      applied += (int) out.lines().filter(l -> l.startsWith("Applied V")).count();
    }
    assertEquals(3, applied, "each migration applied by exactly one process");
    assertAppliedOnce(db, 3);
    Cli.Result again = Cli.run(Map.of(), workingDirectory, "migrate", "--url", db.jdbcUrl(), "--locations", BASIC);
    assertEquals("Nothing to apply; schema is at version 3.\n", again.out(), again::toString);
  }

  /**
   * Rollbacks racing many migrates, round after round: whatever the interleaving, the applied
   * versions are always 1..k with no hole, every run succeeds, and the catalog matches the history.
   * (A migrate that read the history before a rollback removed a row used to apply later versions
   * on top of the hole.)
   */
  @Test
  void rollbacksRacingManyMigratesNeverLeaveAHoleInTheHistory() throws Exception {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    String location = "filesystem:" + folder.resolve("migration");
    TestDatabase db = SharedPostgres.newDatabase("race_rounds");
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl()).locations(location).build());
    int rounds = Integer.getInteger("plinth.raceRounds", 10);
    java.util.Random random = new java.util.Random(42);
    ExecutorService pool = Executors.newFixedThreadPool(RUNS);
    try {
      for (int round = 0; round < rounds; round++) {
        plinth.migrate();
        plinth.rollback(dev.plinth.runner.RollbackTarget.to("2"));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        int rollbackAt = random.nextInt(RUNS - 1);
        for (int i = 0; i < RUNS - 1; i++) {
          long delay = random.nextInt(300);
          boolean rollback = i == rollbackAt;
          runs.add(pool.submit(() -> {
            start.await();
            Thread.sleep(delay);
            return rollback ? plinth.rollback(dev.plinth.runner.RollbackTarget.steps(1)) : plinth.migrate();
          }));
        }
        start.countDown();
        for (Future<?> run : runs) {
          run.get(2, TimeUnit.MINUTES);
        }
        String history = Sql.queryString(db, "SELECT coalesce(string_agg(version, ',' ORDER BY installed_rank), '')"
            + " FROM " + HISTORY + " WHERE success AND version IS NOT NULL");
        assertTrue(List.of("1", "1,2", "1,2,3", "1,2,3,4").contains(history),
            "round " + round + ": the history is a prefix of the migrations, got " + history);
        assertFalse(plinth.verify().drift(), "round " + round + ": the catalog is the schema of " + history);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rollbackRacingMigrateIsSerializedAndInfoMatchesTheCatalog() throws Exception {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    String location = "filesystem:" + folder.resolve("migration");
    TestDatabase db = SharedPostgres.newDatabase("race");
    assertEquals(0, cli(db, location, "migrate").exitCode());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        CountDownLatch start = new CountDownLatch(1);
        Future<Cli.Result> rollback = pool.submit(() -> {
          start.await();
          return cli(db, location, "rollback", "--steps", "2");
        });
        Future<Cli.Result> migrate = pool.submit(() -> {
          start.await();
          return cli(db, location, "migrate");
        });
        start.countDown();
        Cli.Result r = rollback.get(2, TimeUnit.MINUTES);
        Cli.Result m = migrate.get(2, TimeUnit.MINUTES);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(0, m.exitCode(), m::toString);

        Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl()).locations(location).build());
        String version = plinth.info().schemaVersion().orElseThrow();
        assertTrue(version.equals("2") || version.equals("4"), "either order, whole steps: " + version);
        assertFalse(plinth.verify().drift(), "the catalog is the schema of version " + version);
        assertTrue(plinth.validate().valid(), "history and files agree");
        assertEquals(0, cli(db, location, "migrate").exitCode());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMigrationFailingHalfwayLeavesTheDatabaseExactlyAsBefore() throws Exception {
    TestDatabase reference = SharedPostgres.newDatabase("halfway_reference");
    TestDatabase db = SharedPostgres.newDatabase("halfway");
    String broken = "classpath:fixtures/broken/db/migration";
    assertEquals(0, cli(reference, broken, "migrate", "--target", "1").exitCode());

    Cli.Result failed = cli(db, broken, "migrate");

    assertEquals(4, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("Migration V2__broken.sql failed at line 3"), failed::toString);
    assertTrue(failed.err().contains("Statement: CREATE TABLEX oops (id int)"), failed::toString);
    assertEquals(catalog(reference), catalog(db), "nothing of V2 is left, not even its first statement");
    assertEquals("1", Sql.queryString(db, "SELECT string_agg(version, ',') FROM " + HISTORY));

    Path fixed = Files.createDirectories(workingDirectory.resolve("fixed"));
    Files.copy(Path.of("src/test/resources/fixtures/broken/db/migration/V1__create_users.sql"),
        fixed.resolve("V1__create_users.sql"));
    Files.writeString(fixed.resolve("V2__broken.sql"), "CREATE TABLE good_part (id int);\n\nCREATE TABLE oops (id int);\n");
    Cli.Result migrate = cli(db, "filesystem:" + fixed, "migrate");
    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertTrue(Sql.exists(db, "oops"));
  }

  @Test
  void theRunnerKilledDuringALongMigrationLeavesThePreviousVersionAndNoLock() throws Exception {
    Path folder = Files.createDirectories(workingDirectory.resolve("slow"));
    Files.writeString(folder.resolve("V1__create_users.sql"), "CREATE TABLE users (id int PRIMARY KEY);\n");
    Files.writeString(folder.resolve("V2__slow.sql"), "CREATE TABLE slow_part (id int);\nSELECT pg_sleep(60);\n");
    TestDatabase db = SharedPostgres.newDatabase("killed");
    String location = "filesystem:" + folder;

    Process runner = plinthProcess(0, "migrate", "--url", db.jdbcUrl(), "--locations", location);
    try {
      awaitTrue(() -> count(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()") == 1, Duration.ofSeconds(60),
          "the long migration is running");
      long key = AdvisoryLock.key("public", HISTORY);
      assertEquals(1, count(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
          + " AND ((classid::bigint << 32) | objid::bigint) = " + key), "Flyway holds the lock rollback takes");
    } finally {
      runner.destroyForcibly(); // SIGKILL on Unix
    }
    assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, runner.exitValue(), "killed by SIGKILL");

    // client_connection_check_interval makes the server notice the dead client within a second.
    awaitTrue(() -> count(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND application_name = 'plinth'") == 0, Duration.ofSeconds(20), "the runner's sessions end");
    assertEquals(0, count(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "no lock left behind");
    assertEquals("1", Sql.queryString(db, "SELECT string_agg(version, ',') FROM " + HISTORY));
    assertNull(Sql.queryString(db, "SELECT to_regclass('slow_part')::text"), "V2 was rolled back");

    Files.writeString(folder.resolve("V2__slow.sql"), "CREATE TABLE slow_part (id int);\nSELECT pg_sleep(0.01);\n");
    Cli.Result next = cli(db, location, "migrate");
    assertEquals(0, next.exitCode(), next::toString);
    assertTrue(next.out().contains("schema now at version 2"), next::toString);
  }

  private Cli.Result cli(TestDatabase db, String location, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--url";
    all[args.length + 1] = db.jdbcUrl();
    all[args.length + 2] = "--locations";
    all[args.length + 3] = location;
    return Cli.run(Map.of(), workingDirectory, all);
  }

  /** {@code java -cp <test classpath> dev.plinth.cli.PlinthCommand args...}, output to files. */
  private Process plinthProcess(int index, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "dev.plinth.cli.PlinthCommand"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectOutput(workingDirectory.resolve("out" + index).toFile())
        .redirectError(workingDirectory.resolve("err" + index).toFile());
    builder.environment().remove("DATABASE_URL");
    return builder.start();
  }

  private static void assertAppliedOnce(TestDatabase db, int migrations) {
    assertEquals(String.valueOf(migrations), Sql.queryString(db, "SELECT count(*) FROM " + HISTORY + " WHERE success"));
    assertEquals(String.valueOf(migrations), Sql.queryString(db, "SELECT count(DISTINCT version) FROM " + HISTORY));
  }

  private static Schema catalog(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return Canonical.schema(CatalogReader.read(connection, HISTORY));
    }
  }

  private static long count(TestDatabase db, String sql) {
    return Long.parseLong(Sql.queryString(db, sql));
  }

  /** Polls {@code condition} (no fixed sleep decides the outcome) until it holds or time runs out. */
  private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
