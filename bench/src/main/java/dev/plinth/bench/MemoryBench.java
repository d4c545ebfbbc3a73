package dev.plinth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 7. memory: each job in a child JVM with a 256 MB heap cap and the serial collector; reports the
 * peak heap in use and the live set (largest heap after a GC), against the peer doing the same job.
 */
final class MemoryBench {
  static final String HEAP = "-Xmx256m";

  private MemoryBench() {}

  record Usage(long peak, long live) {
    String mb() {
      return String.format(Locale.ROOT, "peak %.0f MB, live %.0f MB", peak / 1048576.0, live / 1048576.0);
    }
  }

  static void run(Pg pg, MigrationSet set, int tables, Path work, Report report) throws Exception {
    System.out.println("memory: child JVMs, " + HEAP);
    Usage noop = probe(work, "processor", "noop", String.valueOf(tables), work.toString());
    Usage plinth;
    try {
      plinth = probe(work, "processor", "plinth", String.valueOf(tables), work.toString());
    } catch (IllegalStateException e) {
      report.add("7", "processor, " + tables + " records: peak heap in use (" + HEAP + ")", "> 256 MB", "≤ 256 MB",
          "MISSED", "failed within " + HEAP + ": " + e.getMessage().lines().filter(l -> l.contains("Error")
              || l.contains("Exception")).findFirst().orElse("see the log"));
      plinth = null;
    }
    if (plinth != null) {
      report.absolute("7", "processor, " + tables + " records: peak heap in use (" + HEAP + ")", plinth.peak / 1048576.0,
        256, "MB", "Plinth " + plinth.mb() + "; no-op processor " + noop.mb() + String.format(Locale.ROOT,
            "; live set ratio %.2f×", (double) plinth.live / noop.live));
    }
    String a = pg.create("mem_plinth");
    Usage migrate = probe(work, "migrate", "plinth", pg.url(a), set.migrationDir().toString());
    pg.drop(a);
    String b = pg.create("mem_flyway");
    Usage flyway = probe(work, "migrate", "flyway", pg.url(b), set.migrationDir().toString());
    pg.drop(b);
    report.absolute("7", "migrate " + set.scripts().size() + ": peak heap in use (" + HEAP + ")",
        migrate.peak / 1048576.0, Double.NaN, "MB", "Plinth " + migrate.mb() + "; Flyway defaults " + flyway.mb()
            + String.format(Locale.ROOT, "; live set ratio %.2f×", (double) migrate.live / flyway.live));
  }

  static Usage probe(Path work, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(work, "probe", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    String line = output.lines().filter(l -> l.startsWith("PEAK_USED ")).findFirst().orElse(null);
    if (exit != 0 || line == null) {
      throw new IllegalStateException("memory probe " + String.join(" ", args) + " failed (exit " + exit + "):\n"
          + output.lines().limit(30).reduce("", (x, y) -> x + y + "\n"));
    }
    String[] parts = line.split(" ");
    System.out.println("    " + String.join(" ", args).replace(work.toString(), "<work>") + ": " + line);
    return new Usage(Long.parseLong(parts[1]), Long.parseLong(parts[3]));
  }
}
