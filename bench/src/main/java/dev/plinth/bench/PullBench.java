package dev.plinth.bench;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.PullResult;
import dev.plinth.runner.internal.catalog.CatalogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 9. pull: {@code Plinth.pull} of the 1000-table database (catalog read, the extra objects query,
 * records and baseline rendered and written) vs reading its catalog alone ({@link CatalogReader}),
 * as the ratio of each repetition's pair; the figure is the median of those ratios.
 */
final class PullBench {
  private static final String READ = "catalog read (CatalogReader)";
  private static final String PULL = "Plinth pull";

  private PullBench() {}

  static void run(Pg pg, MigrationSet set, Templates templates, int reps, Path work, Report report)
      throws Exception {
    String db = pg.cloneOf(templates.all(), "pull");
    Plinth plinth = Runner.plinth(pg, db, set.migrationDir(), null);
    Stats stats = new Stats();
    List<Double> ratios = new ArrayList<>();
    // Each repetition's files are deleted after the last one, not after it is timed: on a file
    // system without a journal, ext4 skips recently deleted inodes when it creates a file, and
    // would make each pull pay for deleting the one before (about ten times the cost of a file).
    List<Path> targets = new ArrayList<>();
    System.out.println("pull: " + set.scripts().size() + " tables, " + (reps * 2) + " repetitions after a warm-up");
    for (int rep = 0; rep <= reps * 2; rep++) {
      Stats into = rep == 0 ? new Stats() : stats;
      double read = into.time(READ, () -> {
        try (Connection c = pg.connect(db)) {
          CatalogReader.read(c, VerifyBench.HISTORY);
        }
      });
      Path target = Files.createTempDirectory(work, "pull");
      double pull = into.time(PULL, () -> {
        PullResult result = plinth.pull(target.resolve("src"), "bench.db", target.resolve("db"));
        if (result.tables() != set.scripts().size()) {
          throw new IllegalStateException("pulled " + result.tables() + " tables, expected " + set.scripts().size());
        }
      });
      targets.add(target);
      if (rep > 0) {
        ratios.add(pull / read);
      }
    }
    for (Path target : targets) {
      Javac.delete(target);
    }
    double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    String spread = String.format(Locale.ROOT, "paired ratios %.2f..%.2f (n=%d); ", sorted[0], sorted[n - 1], n);
    report.ratioAtMost("10", "pull " + set.scripts().size() + " tables: Plinth pull / catalog read", median, 2.0,
        spread + MigrateBench.medians(stats, PULL, READ));
    pg.drop(db);
  }
}
