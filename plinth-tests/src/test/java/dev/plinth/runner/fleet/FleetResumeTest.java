package dev.plinth.runner.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.fleet.TargetResult.Status;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.Fleets;
import dev.plinth.runner.testing.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet run cut short, by an interruption (Ctrl-C in the CLI) or by SIGKILL, and the same
 * command run again: it migrates what was left, and skips what was done.
 */
class FleetResumeTest {

  private static final int SIZE = 16;

  @TempDir
  Path root;

  private String url;
  private List<FleetTarget> targets;

  /** Tenant schemas whose one migration takes a moment. */
  private Path slowFleet(String name) {
    url = SharedPostgres.newDatabase(name).jdbcUrl();
    targets = IntStream.rangeClosed(1, SIZE)
        .mapToObj(i -> FleetTarget.schema(url, String.format(Locale.ROOT, "tenant_%02d", i))).toList();
    return Fleets.migrations(root.resolve("db"),
        "V1__items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\nSELECT pg_sleep(0.15);\n");
  }

  private int migratedTenants() {
    return Integer.parseInt(Fleets.query(url, "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
        + " ON n.oid = c.relnamespace WHERE c.relname = 'items' AND n.nspname LIKE 'tenant\\_%'"));
  }

  @Test
  void anInterruptedRunContinuesWhereItStopped() throws Exception {
    RunnerConfig base = RunnerConfig.builder().user("postgres").locations("filesystem:" + slowFleet("fleet_interrupt"))
        .build();
    AtomicInteger finished = new AtomicInteger();
    long done;
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Thread[] runner = new Thread[1];
      FleetListener interruptAfterFour = new FleetListener() {
        @Override
        public void finished(TargetResult result) {
          if (finished.incrementAndGet() == 4) {
            runner[0].interrupt();
          }
        }
      };
      Future<FleetReport> run = caller.submit(() -> {
        runner[0] = Thread.currentThread();
        FleetReport report = Fleet.builder(targets, base).parallel(2).listener(interruptAfterFour).build().migrate();
        stillInterrupted.set(Thread.interrupted());
        return report;
      });
      FleetReport first = run.get(1, TimeUnit.MINUTES);

      assertEquals(Optional.of(FleetReport.Stop.INTERRUPTED), first.stop());
      assertTrue(stillInterrupted.get(), "the interruption is kept for the caller");
      done = first.count(Status.DONE);
      assertTrue(done >= 4 && done <= 6, "the four, and the ones running then, finished: " + done);
      assertEquals(0, first.count(Status.FAILED));
      assertEquals(SIZE - done, first.count(Status.NOT_STARTED));
      assertEquals(done, migratedTenants(), "only the started targets were migrated");
    } finally {
      caller.shutdownNow();
    }

    FleetReport again = Fleet.builder(targets, base).parallel(2).build().migrate();

    assertEquals(SIZE, migratedTenants());
    assertEquals(Optional.empty(), again.stop());
    assertTrue(again.results().stream().allMatch(r -> r.versionAfter().equals(Optional.of("1"))), again::toString);
    long applied = again.results().stream().filter(r -> r.changes() == 1).count();
    assertEquals(SIZE - done, applied, "exactly the targets left out were migrated now");
  }

  @Test
  void aKilledRunContinuesWhereItStopped() throws Exception {
    Path migration = slowFleet("fleet_killed");
    Path fleetFile = root.resolve("fleet.txt");
    Files.writeString(fleetFile, targets.stream().map(t -> url + " " + t.schema().orElseThrow())
        .collect(Collectors.joining("\n", "# tenants\n", "\n")));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "dev.plinth.cli.PlinthCommand", "fleet", "migrate", "--targets", fleetFile.toString(), "--parallel", "1",
        "--locations", "filesystem:" + migration));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
        .redirectOutput(root.resolve("out").toFile()).redirectError(root.resolve("err").toFile());
    builder.environment().remove("DATABASE_URL");
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (migratedTenants() < 3) {
        assertTrue(process.isAlive(), () -> "the fleet run ended too soon: " + read(root.resolve("err")));
        assertTrue(System.nanoTime() < deadline, "timed out waiting for three migrated tenants");
        Thread.sleep(20);
      }
    } finally {
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no report
      process.waitFor(1, TimeUnit.MINUTES);
    }
    int before = migratedTenants();
    assertTrue(before < SIZE, "killed in the middle: " + before);

    Cli.Result again = Cli.run(Map.of(), root, "fleet", "migrate", "--targets", fleetFile.toString(),
        "--locations", "filesystem:" + migration, "--json");

    assertEquals(0, again.exitCode(), again::toString);
    assertEquals(SIZE, migratedTenants());
    assertEquals(String.valueOf(SIZE), Fleets.query(url, "SELECT count(*) FROM pg_namespace n"
        + " JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'flyway_schema_history'"
        + " WHERE n.nspname LIKE 'tenant\\_%'"));
    for (FleetTarget target : targets) {
      assertEquals("1", Fleets.query(url, "SELECT string_agg(version, ',') FROM \"" + target.schema().orElseThrow()
          + "\".flyway_schema_history"), target.name() + ": applied exactly once");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
