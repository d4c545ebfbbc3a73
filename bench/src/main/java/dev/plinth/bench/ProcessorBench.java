package dev.plinth.bench;

import dev.plinth.processor.PlinthProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;

/**
 * 3. processor: javac of a generated schema in-process, without annotation processing, with a
 * no-op processor and with the Plinth processor (first compile, which writes V1 for every table,
 * and a recompile with no schema change). The figure is the cost Plinth adds to the compile over
 * the cost a do-nothing processor adds.
 */
final class ProcessorBench {
  static final String NONE = "javac -proc:none";
  static final String NOOP = "javac + no-op processor";
  static final String FIRST = "javac + Plinth (first compile, writes V1)";
  static final String AGAIN = "javac + Plinth (recompile, no change)";
  static final String FIRST_OWN = "  of which inside Plinth's process()";
  static final String AGAIN_OWN = "  of which inside Plinth's process() (recompile)";
  static final String FIRST_NO_SEEDS = "javac + Plinth -Aplinth.seeds=false (first compile)";
  static final String AGAIN_NO_SEEDS = "javac + Plinth -Aplinth.seeds=false (recompile, no change)";
  private static final String NO_SEEDS = "-Aplinth.seeds=false";

  private ProcessorBench() {}

  static void run(int tables, int reps, Path work, Report report) throws IOException {
    List<JavaFileObject> sources = SchemaSources.generate(tables);
    Path committed = Files.createTempDirectory(work, "committed-db");
    Stats stats = new Stats().collectingFirst();
    System.out.println("processor: " + tables + " records, " + reps + " repetitions after a warm-up");
    for (int rep = 0; rep <= reps; rep++) {
      Stats into = rep == 0 ? new Stats().collectingFirst() : stats;
      into.time(NONE, () -> Javac.compile(sources, null, null, work));
      into.time(NOOP, () -> Javac.compile(sources, new NoOpProcessor(), null, work));
      Path fresh = Files.createTempDirectory(work, "db");
      TimedProcessor first = new TimedProcessor(new PlinthProcessor());
      into.time(FIRST, () -> Javac.compile(sources, first, fresh, work));
      into.add(FIRST_OWN, first.millis());
      if (rep == 0) {
        if (!Files.isDirectory(fresh.resolve("migration"))) {
          throw new IllegalStateException("the processor wrote no migration into " + fresh);
        }
        Javac.delete(committed);
        Files.move(fresh, committed);
      } else {
        Javac.delete(fresh);
      }
      TimedProcessor again = new TimedProcessor(new PlinthProcessor());
      into.time(AGAIN, () -> Javac.compile(sources, again, committed, work));
      into.add(AGAIN_OWN, again.millis());
      // Without seed builders: only the migration work remains for javac to wait for.
      Path bare = Files.createTempDirectory(work, "db");
      into.time(FIRST_NO_SEEDS, () -> Javac.compile(sources, new PlinthProcessor(), bare, work, NO_SEEDS));
      Javac.delete(bare);
      into.time(AGAIN_NO_SEEDS, () -> Javac.compile(sources, new PlinthProcessor(), committed, work, NO_SEEDS));
    }
    double none = stats.median(NONE);
    double noopAdded = stats.median(NOOP) - none;
    double firstAdded = stats.median(FIRST) - none;
    double againOverNoop = stats.median(AGAIN) - stats.median(NOOP);
    String detail = MigrateBench.medians(stats, NONE, NOOP, FIRST, FIRST_OWN, AGAIN, AGAIN_OWN);
    String generated = generatedSize(tables, work);
    report.ratioAtMost("3", "javac " + tables + " records: cost added by Plinth / cost added by a no-op processor",
        firstAdded / noopAdded, 1.5, String.format(Locale.ROOT, "added %.0f ms vs %.0f ms; %s; ", firstAdded, noopAdded,
            stats.pairedAdded(FIRST, NOOP, NONE)) + detail);
    report.ratioAtMost("3", "javac " + tables + " records: whole compile with Plinth / with no-op processor",
        stats.ratio(FIRST, NOOP), Double.NaN, generated);
    report.ratioAtMost("3", "time inside Plinth's process() / cost added by a no-op processor (first compile)",
        stats.median(FIRST_OWN) / noopAdded, 1.5, String.format(Locale.ROOT,
            "the rest of the added cost, %.0f ms, is javac compiling the generated seed builders",
            firstAdded - stats.median(FIRST_OWN)));
    report.absolute("3", "recompile, no schema change: Plinth over the no-op processor", againOverNoop, 100, "ms",
        String.format(Locale.ROOT, "ratio %.2f× of the no-op compile; inside process() %.0f ms",
            stats.ratio(AGAIN, NOOP), stats.median(AGAIN_OWN)));
    double firstBareAdded = stats.median(FIRST_NO_SEEDS) - none;
    report.ratioAtMost("3", "same, seed builders off (-Aplinth.seeds=false): cost added by Plinth / by a no-op processor",
        firstBareAdded / noopAdded, 1.5, String.format(Locale.ROOT, "added %.0f ms vs %.0f ms; %s; %s",
            firstBareAdded, noopAdded, stats.pairedAdded(FIRST_NO_SEEDS, NOOP, NONE),
            MigrateBench.medians(stats, FIRST_NO_SEEDS, AGAIN_NO_SEEDS)));
    report.absolute("3", "recompile, no schema change, seed builders off: Plinth over the no-op processor",
        stats.median(AGAIN_NO_SEEDS) - stats.median(NOOP), 100, "ms",
        String.format(Locale.ROOT, "ratio %.2f× of the no-op compile", stats.ratio(AGAIN_NO_SEEDS, NOOP)));
    Javac.delete(committed);
  }

  /** How much Java source the processor generates for the schema (seed builders). */
  private static String generatedSize(int tables, Path work) throws IOException {
    Path db = Files.createTempDirectory(work, "db");
    Path generated = Files.createTempDirectory(work, "kept-generated");
    Javac.compileKeeping(SchemaSources.generate(tables), new PlinthProcessor(), db, work, generated);
    long files = 0;
    long bytes = 0;
    try (var walk = Files.walk(generated)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files++;
        bytes += Files.size(p);
      }
    }
    Javac.delete(db);
    Javac.delete(generated);
    return String.format(Locale.ROOT, "Plinth generates %d Java files (%.1f MB) that javac then compiles",
        files, bytes / 1048576.0);
  }
}
