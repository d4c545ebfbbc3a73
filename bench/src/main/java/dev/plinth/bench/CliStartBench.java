package dev.plinth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.tools.ToolProvider;

/**
 * 8. CLI start: {@code java -jar plinth.jar info} in a project whose dev server runs ({@code plinth
 * server start}), against a bare JVM start ({@code java -cp <dir> Main}, an empty main) run just
 * before it; and the first command when the server is not running but its data directory exists:
 * {@code server start}, and {@code info} starting and stopping a server for itself.
 */
final class CliStartBench {
  private CliStartBench() {}

  static void run(Path plinthJar, Path work, int reps, Report report) throws Exception {
    Path project = Files.createDirectories(work.resolve("cli-project"));
    Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
    Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    Path bare = emptyMain(work.resolve("bare"));
    List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> bareJvm = concat(java, "-cp", bare.toString(), "Main");
    List<String> plinth = concat(java, "-jar", plinthJar.toAbsolutePath().toString());
    int rounds = Math.max(10, reps * 4);
    System.out.println("CLI start: " + rounds + " paired rounds after a warm-up, in " + project);
    Stats stats = new Stats();
    List<Double> devRatios = new ArrayList<>();
    try {
      exec(project, concat(plinth, "server", "start", "--port", "0")); // creates the cluster (initdb)
      exec(project, concat(plinth, "migrate"));
      Path data = project.resolve(".plinth/postgres");
      Optional<Path> postgres = postgres(data);
      String why = postgres.isPresent() ? null : "the dev server's postgres binary was not found";
      for (int rep = 0; rep <= rounds; rep++) {
        Stats into = rep == 0 ? new Stats() : stats;
        double jvm = into.time("bare JVM, before info", () -> exec(project, bareJvm));
        double info = into.time("plinth info, dev server running", () -> exec(project, concat(plinth, "info")));
        if (rep > 0) {
          devRatios.add(info / jvm);
        }
      }
      List<Double> startRatios = new ArrayList<>();
      List<Double> infoStartRatios = new ArrayList<>();
      for (int rep = 0; rep <= reps; rep++) {
        Stats into = rep == 0 ? new Stats() : stats;
        exec(project, concat(plinth, "server", "stop"));
        double jvm = into.time("bare JVM, before server start", () -> exec(project, bareJvm));
        double start = into.time("plinth server start, existing data", () ->
            exec(project, concat(plinth, "server", "start", "--port", "0")));
        exec(project, concat(plinth, "server", "stop"));
        double info = into.time("plinth info, starts and stops a server", () -> exec(project, concat(plinth, "info",
            "--embedded-port", "0")));
        if (why == null) {
          // The least any such command does: a JVM, and the server of the same data directory started
          // (with the settings the embedded server gets) until it accepts connections, then fast shutdown.
          // PostgreSQL refuses to run as root; zonky then runs it in a user namespace, and so does this.
          List<String> server = concat("root".equals(System.getProperty("user.name")) ? List.of("unshare", "-U")
              : List.of(), postgres.get().toString(), "-D", data.toString(), "-p", Integer.toString(freePort()), "-c",
              "listen_addresses=localhost", "-c", "fsync=on", "-c", "synchronous_commit=on");
          try {
            double least = into.time("bare JVM + postgres start and stop", () -> {
              exec(project, bareJvm);
              startAndStop(server);
            });
            if (rep > 0) {
              infoStartRatios.add(info / least);
            }
          } catch (IllegalStateException e) {
            why = "postgres failed: " + e.getMessage();
            System.out.println(why);
          }
        }
        if (rep > 0) {
          startRatios.add(start / jvm);
        }
      }
      report.absolute("9", "java -jar plinth.jar info, dev server running (wall)",
          stats.median("plinth info, dev server running"), 1000, "ms",
          MigrateBench.medians(stats, "plinth info, dev server running", "bare JVM, before info"));
      report.ratioAtMost("9", "same / bare JVM start (paired)", median(devRatios), Double.NaN, spread(devRatios));
      report.absolute("9", "first command from an existing data directory: plinth server start (wall)",
          stats.median("plinth server start, existing data"), 2000, "ms",
          MigrateBench.medians(stats, "plinth server start, existing data", "bare JVM, before server start")
              + "; paired ratio " + spread(startRatios));
      report.absolute("9", "plinth info with no server running (starts, runs, stops it) (wall)",
          stats.median("plinth info, starts and stops a server"), Double.NaN, "ms",
          MigrateBench.medians(stats, "plinth info, starts and stops a server"));
      if (why != null || infoStartRatios.isEmpty()) {
        report.add("9", "plinth info with no server running / bare JVM + PostgreSQL start and stop", "not measured",
            "≤ 1.30×", "—", String.valueOf(why));
      } else {
        report.ratioAtMost("9", "plinth info with no server running / bare JVM + PostgreSQL start and stop (paired)",
            median(infoStartRatios), 1.3, spread(infoStartRatios) + "; "
                + MigrateBench.medians(stats, "plinth info, starts and stops a server", "bare JVM + postgres start and stop"));
      }
    } finally {
      exec(project, concat(plinth, "server", "stop"));
    }
  }

  /**
   * The {@code postgres} binary the running server of {@code data} was started from (its
   * postmaster's executable, read from {@code /proc}); empty where that cannot be read.
   */
  private static Optional<Path> postgres(Path data) {
    try {
      String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
      Path postgres = Files.readSymbolicLink(Path.of("/proc", pid, "exe"));
      return Files.isExecutable(postgres) ? Optional.of(postgres) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Starts {@code server} (a postmaster command line), waits until it logs that it accepts
   * connections, then stops it as Plinth does (SIGINT, fast shutdown) and waits until it exited.
   */
  private static void startAndStop(List<String> server) throws IOException, InterruptedException {
    Process postmaster = new ProcessBuilder(server).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    StringBuilder log = new StringBuilder();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(postmaster.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.contains("ready to accept connections")) {
        log.append(line).append('\n');
      }
      if (line == null) {
        throw new IllegalStateException("postgres exited with " + postmaster.waitFor() + ": " + log);
      }
      new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor();
      lines.transferTo(java.io.Writer.nullWriter());
    }
    postmaster.waitFor();
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A directory holding {@code Main.class} whose main does nothing. */
  private static Path emptyMain(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path source = dir.resolve("Main.java");
    Files.writeString(source, "public class Main { public static void main(String[] args) {} }\n");
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString()) != 0) {
      throw new IllegalStateException("cannot compile " + source);
    }
    return dir;
  }

  /** Runs {@code command} in {@code directory} with no database configured; fails unless it exits with 0. */
  private static void exec(Path directory, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("DATABASE_URL");
    builder.environment().remove("PLINTH_LOCATIONS");
    int code = builder.start().waitFor();
    if (code != 0) {
      throw new IllegalStateException(command + " exited with " + code);
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(Arrays.asList(tail));
    return all;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String spread(List<Double> ratios) {
    return String.format(Locale.ROOT, "median %.2f×, min..max %.2f..%.2f×, n=%d", median(ratios),
        ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0), ratios.size());
  }
}
