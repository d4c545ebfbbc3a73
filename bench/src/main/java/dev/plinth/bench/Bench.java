package dev.plinth.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark harness (docs/BENCHMARKS.md). Every figure is a ratio to a baseline measured in
 * the same run, the median of several interleaved repetitions after a warm-up.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar [--only migrate,rollback,processor,diff,seed,verify,testdb,memory,fleet,cli,pull]
 *     [--reps 3] [--migrations 1000] [--tables 1000] [--processor-tables 50,200,1000] [--rows 1000000] [--fleet 100] [--out bench/target/results.md]
 *     [--plinth-jar plinth-cli/target/plinth.jar]
 * java -jar bench/target/benchmarks.jar --only fleet-scale [--fleet-scale 200] [--fleet-migrations 20]
 *     [--plinth-jar plinth-cli/target/plinth.jar] [--reps 1]
 * java -jar bench/target/benchmarks.jar --only locks [--rows 1000000] [--reps 3]
 * java -jar bench/target/benchmarks.jar --only ide-save [--processor-tables 1000] [--reps 3]
 * </pre>
 *
 * <p>{@code fleet-scale} (figure 9) runs only when asked for: its baseline starts a JVM per target.
 * So does {@code locks} (figure 12: insert latency during strict and relaxed migrations): it loads
 * {@code --rows} rows per repetition. {@code ide-save} is the IDE save of figure 3 alone (the
 * {@code processor} figure includes it), for measuring or profiling that loop by itself.
 */
public final class Bench {
  static final Set<String> ALL = Set.of("migrate", "rollback", "processor", "diff", "seed", "verify",
      "testdb", "memory", "fleet", "cli", "pull");
  /** Figures that run only when {@code --only} names them. */
  static final Set<String> ON_REQUEST = Set.of("fleet-scale", "locks", "ide-save");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Set<String> only = new LinkedHashSet<>(ALL);
    int reps = 3;
    int migrations = 1000;
    int tables = 1000;
    List<Integer> processorTables = null;
    int rows = 1_000_000;
    int fleet = 100;
    int fleetScale = 200;
    int fleetMigrations = 20;
    Path out = Path.of("bench/target/results.md");
    Path plinthJar = Path.of("plinth-cli/target/plinth.jar");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--only" -> only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--migrations" -> migrations = Integer.parseInt(args[++i]);
        case "--tables" -> tables = Integer.parseInt(args[++i]);
        case "--processor-tables" -> processorTables = Arrays.stream(args[++i].split(","))
            .map(Integer::valueOf).toList();
        case "--rows" -> rows = Integer.parseInt(args[++i]);
        case "--fleet" -> fleet = Integer.parseInt(args[++i]);
        case "--fleet-scale" -> fleetScale = Integer.parseInt(args[++i]);
        case "--fleet-migrations" -> fleetMigrations = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--plinth-jar" -> plinthJar = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; see the class comment of " + Bench.class.getName());
      }
    }
    if (!only.stream().allMatch(f -> ALL.contains(f) || ON_REQUEST.contains(f))) {
      throw new IllegalArgumentException("--only takes " + ALL + " and " + ON_REQUEST);
    }
    long start = System.nanoTime();
    Report report = new Report();
    Path work = Files.createTempDirectory("plinth-bench");
    try (Pg pg = Pg.start()) {
      String machine = machine(pg);
      System.out.println(machine);
      MigrationSet set = null;
      Templates templates = null;
      if (only.contains("migrate") || only.contains("rollback") || only.contains("verify")
          || only.contains("memory") || only.contains("pull")) {
        long t = System.nanoTime();
        set = MigrationSet.generate(migrations, work.resolve("db"));
        System.out.printf(Locale.ROOT, "generated %d migrations with SchemaDiff + MigrationScript in %.0f ms%n",
            migrations, (System.nanoTime() - t) / 1e6);
        templates = Templates.create(pg, set);
      }
      if (only.contains("migrate")) {
        MigrateBench.run(pg, set, templates, reps, report);
      }
      if (only.contains("rollback")) {
        RollbackBench.run(pg, set, templates, reps, report);
      }
      if (only.contains("processor")) {
        for (int n : processorTables == null ? List.of(tables) : processorTables) {
          ProcessorBench.run(n, reps, work, report);
          IdeSaveBench.run(n, reps, work, report);
        }
      } else if (only.contains("ide-save")) {
        for (int n : processorTables == null ? List.of(tables) : processorTables) {
          IdeSaveBench.run(n, reps, work, report);
        }
      }
      if (only.contains("diff")) {
        diffRender(report);
      }
      if (only.contains("seed")) {
        SeedBench.run(pg, rows, Math.max(1, reps - 1), report);
      }
      if (only.contains("verify")) {
        VerifyBench.run(pg, set, templates, reps, report);
      }
      if (only.contains("testdb")) {
        TestDatabaseBench.run(pg, reps, report);
      }
      if (only.contains("memory")) {
        MemoryBench.run(pg, set, tables, work, report);
      }
      if (only.contains("fleet")) {
        FleetBench.run(pg, fleet, reps, work, report);
      }
      if (only.contains("cli")) {
        CliStartBench.run(plinthJar, work, reps, report);
      }
      if (only.contains("pull")) {
        PullBench.run(pg, set, templates, reps, work, report);
      }
      if (only.contains("locks")) {
        LocksBench.run(pg, rows, reps, work, report);
      }
      if (only.contains("fleet-scale")) {
        FleetScaleBench.run(pg, fleetScale, fleetMigrations, reps, plinthJar, work, report);
      }
      String text = "## Run\n\n" + machine + "\n\nRepetitions: " + reps + " (after a warm-up); total time "
          + String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - start) / 1e9) + "\n\n" + report.markdown();
      System.out.println();
      System.out.println(text);
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, text, StandardCharsets.UTF_8);
      System.out.println("written to " + out);
    } finally {
      Javac.delete(work);
    }
  }

  /** JMH: diff + render of 1000 tables with 10% changed, in a forked JVM. */
  static void diffRender(Report report) throws Exception {
    Options options = new OptionsBuilder()
        .include(DiffRenderBenchmark.class.getName() + ".")
        .forks(1)
        .warmupIterations(5).warmupTime(TimeValue.seconds(1))
        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
        .timeUnit(TimeUnit.MILLISECONDS)
        .build();
    double both = 0;
    StringBuilder detail = new StringBuilder("JMH average, 1 fork, 5×1 s: ");
    for (RunResult result : new org.openjdk.jmh.runner.Runner(options).run()) {
      String name = result.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      double ms = result.getPrimaryResult().getScore();
      detail.append(String.format(Locale.ROOT, "%s %.2f ± %.2f ms; ", name, ms,
          result.getPrimaryResult().getScoreError()));
      if (name.equals("diffAndRender")) {
        both = ms;
      }
    }
    report.absolute("3", "diff + render, 1000 tables (20 columns) with 10% changed", both, 50, "ms",
        detail.toString());
  }

  static String machine(Pg pg) throws Exception {
    String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(l -> l.startsWith("MemTotal")).findFirst().orElse("MemTotal: ?").replaceAll("\\s+", " ");
    return "- nproc: " + Runtime.getRuntime().availableProcessors()
        + "\n- memory: " + memory
        + "\n- java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + ")"
        + "\n- PostgreSQL: " + pg.version() + " (embedded, io.zonky.test, locale C)"
        + "\n- os: " + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

}
