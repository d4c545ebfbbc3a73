package dev.plinth.bench;

import dev.plinth.runner.Plinth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** 2. rollback: the 1000 reverse scripts via the runner's {@code rollback --to 0} vs raw JDBC. */
final class RollbackBench {
  private RollbackBench() {}

  static void run(Pg pg, MigrationSet set, Templates templates, int reps, Report report) {
    List<Path> reverse = new ArrayList<>(set.scripts().stream().map(MigrationSet.Script::reverseFile).toList());
    Collections.reverse(reverse);
    int n = reverse.size();
    Stats stats = new Stats();
    System.out.println("rollback: " + n + " reverse scripts, " + reps + " repetitions after a warm-up");
    boolean available = true;
    for (int rep = 0; rep <= reps && available; rep++) {
      Stats into = rep == 0 ? new Stats() : stats;
      String raw = pg.cloneOf(templates.all(), "rb_raw");
      into.time("raw JDBC", () -> RawJdbc.run(pg, raw, reverse));
      pg.drop(raw);
      String db = pg.cloneOf(templates.all(), "rb_plinth");
      Plinth plinth = Runner.plinth(pg, db, set.migrationDir(), null);
      long start = System.nanoTime();
      available = Runner.rollbackTo(plinth, "0").isPresent();
      if (available) {
        into.add("Plinth rollback --to 0", (System.nanoTime() - start) / 1e6);
        checkEmpty(pg, db);
      }
      pg.drop(db);
    }
    if (!available) {
      report.add("2", "rollback " + n + ": Plinth / raw JDBC", "not measured", "≤ 1.30×", "—",
          "the runner in this build has no rollback command yet");
      return;
    }
    report.ratioAtMost("2", "rollback " + n + ": Plinth / raw JDBC",
        stats.ratio("Plinth rollback --to 0", "raw JDBC"), 1.3,
        stats.paired("Plinth rollback --to 0", "raw JDBC") + "; " + MigrateBench.medians(stats, "Plinth rollback --to 0", "raw JDBC"));
  }

  /** The rollback really undid everything: no generated table is left. */
  private static void checkEmpty(Pg pg, String db) {
    try (var c = pg.connect(db); var st = c.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM pg_class WHERE relname LIKE 't\\_%' AND relkind = 'r'"
            + " AND relnamespace = 'public'::regnamespace")) {
      rs.next();
      if (rs.getInt(1) != 0) {
        throw new IllegalStateException("rollback left " + rs.getInt(1) + " tables");
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
