package dev.plinth.bench;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.MigrationPlan;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.GeneratedMigration;
import dev.plinth.schema.journal.SumFile;
import dev.plinth.schema.journal.Version;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * 12. locks: while a migration validates a CHECK and builds an index on a table with {@code rows}
 * rows, another connection inserts into that table one row at a time; the latency of those inserts
 * (median, p99, max) during the migration, strict plan ({@code plinth.safety=strict}: NOT VALID +
 * validation in its own transaction, {@code CREATE INDEX CONCURRENTLY}) against relaxed (one
 * transaction: the inserts wait for its lock). The same change as plinth-tests'
 * StrictLocksConcurrencyTest.
 */
final class LocksBench {
  private static final QualifiedName BIG = new QualifiedName("public", "big");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
  private static final Column N = new Column("n", "integer", null, false, null, Identity.NONE, null, null);

  private LocksBench() {}

  /** Insert latencies during one migration, in ms, and how long the migration took. */
  private record Run(List<Double> latencies, double migrationMillis) {}

  static void run(Pg pg, int rows, int reps, Path work, Report report) throws Exception {
    System.out.println("locks: " + rows + " rows, " + reps + " repetitions per plan");
    for (boolean strict : new boolean[] {true, false}) {
      List<Double> latencies = new ArrayList<>();
      List<Double> migrations = new ArrayList<>();
      for (int rep = 0; rep < reps; rep++) {
        Run run = once(pg, rows, strict, work.resolve("locks_" + strict + "_" + rep));
        latencies.addAll(run.latencies());
        migrations.add(run.migrationMillis());
      }
      Collections.sort(latencies);
      Collections.sort(migrations);
      String plan = strict ? "strict" : "relaxed";
      report.add("12", "locks: insert latency during a migration that validates a CHECK and builds an index on "
          + rows + " rows, " + plan, String.format(Locale.ROOT, "median %.2f ms, p99 %.2f ms, max %.0f ms",
              percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1)),
          "—", "report", String.format(Locale.ROOT, "%d inserts over %d runs; migration median %.0f ms",
              latencies.size(), reps, percentile(migrations, 50)));
    }
  }

  private static double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static Run once(Pg pg, int rows, boolean strict, Path folder) throws Exception {
    write(folder, strict);
    String db = pg.create("locks");
    RunnerConfig config = RunnerConfig.builder().url(pg.url(db)).user(Pg.USER)
        .locations("filesystem:" + folder.resolve("migration")).build();
    Plinth.create(config.toBuilder().target("1").build()).migrate();
    try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
      st.execute("INSERT INTO big (n) SELECT n FROM generate_series(1, " + rows + ") n");
      st.execute("VACUUM ANALYZE big");
    }
    AtomicBoolean migrating = new AtomicBoolean(true);
    CompletableFuture<List<Double>> inserting = CompletableFuture.supplyAsync(() -> insert(pg, db, migrating));
    long start = System.nanoTime();
    try {
      Plinth.create(config).migrate();
    } finally {
      migrating.set(false);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    List<Double> latencies = inserting.get();
    pg.drop(db);
    return new Run(latencies, millis);
  }

  /** Inserts one row at a time until the migration ends; each insert's latency in ms. */
  private static List<Double> insert(Pg pg, String db, AtomicBoolean migrating) {
    List<Double> latencies = new ArrayList<>();
    try (Connection c = pg.connect(db);
        PreparedStatement insert = c.prepareStatement("INSERT INTO big (n) VALUES (1)")) {
      while (migrating.get()) {
        long start = System.nanoTime();
        insert.executeUpdate();
        latencies.add((System.nanoTime() - start) / 1e6);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return latencies;
  }

  /** The migrations of the table, then its check and index, as the processor writes them. */
  private static void write(Path root, boolean strict) throws Exception {
    GeneratedMigration.Settings settings = strict
        ? new GeneratedMigration.Settings("5s", "1min", "1h", true, false)
        : GeneratedMigration.Settings.relaxed("5s", false);
    Map<String, String> files = new TreeMap<>();
    Schema state = Schema.EMPTY;
    int version = 0;
    for (Schema next : List.of(schema(List.of(), List.of()), schema(
        List.of(new CheckConstraint("big_n_positive", "n > 0")),
        List.of(new Index("big_n_idx", List.of(IndexKey.column("n")), false, "btree", null, List.of(), false))))) {
      for (MigrationPlan.Step step : MigrationPlan.split(SchemaDiff.diff(state, next), strict)) {
        Version v = Version.of(++version);
        files.putAll(GeneratedMigration.render(v, "step_" + v, state, step, settings, List.of()));
        state = Changes.apply(state, step.changes());
      }
    }
    Map<String, String> migrations = new TreeMap<>(files);
    migrations.keySet().removeIf(path -> path.endsWith(".conf"));
    files.put(SumFile.SUM_FILE, SumFile.render(migrations));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
  }

  private static Schema schema(List<CheckConstraint> checks, List<Index> indexes) {
    return new Schema(List.of(new Table(BIG, "x.Big", null, List.of(ID, N),
        new PrimaryKey("big_pkey", List.of("id")), List.of(), checks, indexes, List.of(), null)), List.of());
  }
}
