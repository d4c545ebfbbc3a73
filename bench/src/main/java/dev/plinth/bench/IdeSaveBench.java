package dev.plinth.bench;

import dev.plinth.processor.PlinthProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * 3. processor, the IDE save: javac of one unchanged record of the schema, with the classes of a
 * full compile of the rest on the classpath (what an IDE does when a file is saved), without
 * annotation processing, with a no-op processor and with Plinth (seed builders on and off; the
 * committed migrations are those of the full compile, so nothing changes). The figure is the time
 * Plinth adds over the no-op processor.
 */
final class IdeSaveBench {
  static final String NONE = "one record, javac -proc:none";
  static final String NOOP = "one record, javac + no-op processor";
  static final String PLINTH = "one record, javac + Plinth";
  static final String PLINTH_NO_SEEDS = "one record, javac + Plinth -Aplinth.seeds=false";
  private static final String NO_SEEDS = "-Aplinth.seeds=false";

  private IdeSaveBench() {}

  static void run(int tables, int reps, Path work, Report report) throws IOException {
    List<JavaFileObject> sources = SchemaSources.generate(tables);
    List<JavaFileObject> one = List.of(sources.get(tables / 2));
    Path db = Files.createTempDirectory(work, "db");
    Path plain = full(sources, null, null, work);
    Path seeded = full(sources, new PlinthProcessor(), db, work);
    Path bare = full(sources, new PlinthProcessor(), db, work, NO_SEEDS);
    long migrations = count(db);
    Stats stats = new Stats();
    System.out.println("IDE save: 1 of " + tables + " records, " + reps + " repetitions after a warm-up");
    for (int rep = 0; rep <= reps; rep++) {
      Stats into = rep == 0 ? new Stats() : stats;
      into.time(NONE, () -> once(one, null, null, plain, work));
      into.time(NOOP, () -> once(one, new NoOpProcessor(), null, plain, work));
      into.time(PLINTH, () -> once(one, new PlinthProcessor(), db, seeded, work));
      into.time(PLINTH_NO_SEEDS, () -> once(one, new PlinthProcessor(), db, bare, work, NO_SEEDS));
    }
    if (count(db) != migrations) {
      throw new IllegalStateException("the one-record compile wrote migrations into " + db);
    }
    String detail = MigrateBench.medians(stats, NONE, NOOP, PLINTH, PLINTH_NO_SEEDS);
    report.absolute("3", "IDE save, 1 unchanged record of " + tables + ", seed builders on: Plinth over the no-op processor",
        stats.median(PLINTH) - stats.median(NOOP), 150, "ms", stats.pairedDifference(PLINTH, NOOP) + "; " + detail);
    report.absolute("3", "IDE save, 1 unchanged record of " + tables + ", seed builders off: Plinth over the no-op processor",
        stats.median(PLINTH_NO_SEEDS) - stats.median(NOOP), 150, "ms",
        String.format(Locale.ROOT, "%s; ratio %.2f× of the no-op compile (seeds on: %.2f×)",
            stats.pairedDifference(PLINTH_NO_SEEDS, NOOP), stats.ratio(PLINTH_NO_SEEDS, NOOP), stats.ratio(PLINTH, NOOP)));
  }

  /** A full compile whose classes are kept (returned) for the one-record compiles. */
  private static Path full(List<JavaFileObject> sources, Processor processor, Path db, Path work,
      String... extra) throws IOException {
    Path classes = Files.createTempDirectory(work, "full-classes");
    Path generated = Files.createTempDirectory(work, "full-generated");
    Javac.compileInto(sources, processor, db, classes, generated, null, extra);
    Javac.delete(generated);
    return classes;
  }

  private static void once(List<JavaFileObject> one, Processor processor, Path db, Path classes, Path work,
      String... extra) throws IOException {
    Path out = Files.createTempDirectory(work, "classes");
    Path generated = Files.createTempDirectory(work, "generated");
    // Left for the run's end, as every compile's output (see Javac.compile).
    Javac.compileInto(one, processor, db, out, generated, classes, extra);
  }

  private static long count(Path db) throws IOException {
    try (Stream<Path> walk = Files.walk(db)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
