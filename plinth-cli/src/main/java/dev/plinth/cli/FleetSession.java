package dev.plinth.cli;

import dev.plinth.cli.session.FleetSetup;
import dev.plinth.cli.text.FleetText;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseResolver;
import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.TargetResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every {@code plinth fleet} command does around its own work: find the targets and the
 * migrations, show progress, print the report, pick the exit code; and on Ctrl-C start no further
 * target and still print the report.
 */
final class FleetSession {

  /** How long Ctrl-C waits for the running targets to finish and the report to be printed. */
  private static final long INTERRUPT_GRACE_SECONDS = 30;

  /** A fleet command's own work: run on the fleet as configured. */
  interface Work {
    FleetReport run(Fleet.Builder fleet);
  }

  private FleetSession() {}

  static int run(CommandSpec spec, PlinthCommand root, FleetOptions options, String target, Work work) {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Console console = new Console(out, err, Stream.ofNullable(options.password).toList());
    quietFlyway(options.verbose);
    try {
      FleetSetup setup = new FleetSetup(new DatabaseResolver(root.environment(), root.workingDirectory()),
          root.workingDirectory(), options.url, options.user, options.password);
      RunnerConfig base = setup.base(options.locations, options.connectTimeout, target,
          PlinthCommand.class.getClassLoader());
      List<FleetTarget> targets = setup.targets(options.source.file, options.source.query, base);
      console = new Console(out, err, FleetSetup.secrets(base, targets));
      Fleet.Builder fleet = Fleet.builder(targets, base);
      if (options.parallel != null) {
        fleet.parallel(options.parallel);
      }
      Console shown = console;
      FleetReport report = untilInterrupted(() -> {
        FleetReport done;
        try (FleetProgressLine progress = new FleetProgressLine(shown, FleetProgressLine.terminal())) {
          done = work.run(fleet.listener(progress));
        }
        if (options.json) {
          shown.out(Json.text(FleetJson.report(done)));
        } else {
          FleetText.report(done).forEach(shown::out);
        }
        return done;
      });
      return exitCode(report).code();
    } catch (RuntimeException e) {
      return Session.failed(console, options.json, options.verbose, e);
    }
  }

  /**
   * Runs {@code fleet} (which prints its report). Ctrl-C (the JVM's shutdown) interrupts it: no
   * further target starts, and the shutdown waits a while for the running ones and the report.
   */
  private static FleetReport untilInterrupted(Supplier<FleetReport> fleet) {
    Thread caller = Thread.currentThread();
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      caller.interrupt();
      try {
        reported.await(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "plinth-fleet-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return fleet.get();
    } finally {
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it is waiting for exactly this.
      }
      Thread.interrupted(); // the interruption was for the fleet, which has answered it
    }
  }

  /** The single-database exit code of the first failed target; else drift; else whether all ran. */
  static ExitCode exitCode(FleetReport report) {
    Optional<TargetResult.Error> failure = report.failures().stream().findFirst().flatMap(TargetResult::error);
    if (failure.isPresent()) {
      return ExitCode.of(failure.get().kind());
    }
    if (report.results().stream().anyMatch(TargetResult::drift)) {
      return ExitCode.DRIFT;
    }
    return report.stop().isPresent() ? ExitCode.ERROR : ExitCode.OK;
  }

  /**
   * Flyway's log of every target would drown the report (errors are reported per target anyway):
   * warnings only, unless asked for with {@code --verbose} or configured by whoever runs Plinth.
   */
  private static void quietFlyway(boolean verbose) {
    String key = "org.slf4j.simpleLogger.log.org.flywaydb";
    boolean configured = System.getProperty(key) != null
        || FleetSession.class.getClassLoader().getResource("simplelogger.properties") != null;
    if (!verbose && !configured) {
      System.setProperty(key, "warn");
    }
  }
}
