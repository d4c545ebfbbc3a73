package dev.plinth.cli;

import dev.plinth.cli.session.RunnerSession;
import dev.plinth.cli.text.FleetText;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseResolver;
import dev.plinth.runner.config.DatabaseResolver.Credentials;
import dev.plinth.runner.config.DatabaseResolver.ResolvedDatabase;
import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.FleetTargets;
import dev.plinth.runner.fleet.TargetResult;
import java.time.Duration;
import java.util.ArrayList;
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
      DatabaseResolver resolver = new DatabaseResolver(root.environment(), root.workingDirectory());
      RunnerConfig base = base(resolver, root, options, target);
      List<FleetTarget> targets = options.source.file != null
          ? FleetTargets.read(root.workingDirectory().resolve(options.source.file))
          : FleetTargets.query(queried(resolver, options, base), options.source.query);
      console = new Console(out, err, secrets(base, targets));
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

  /** The configuration every target is run with: migrations, version, timeouts, user and password. */
  private static RunnerConfig base(DatabaseResolver resolver, PlinthCommand root, FleetOptions options,
      String target) {
    if (options.connectTimeout < 1) {
      throw new PlinthException(Message.CONNECT_TIMEOUT_INVALID, options.connectTimeout);
    }
    Credentials credentials = resolver.credentials();
    return RunnerConfig.builder()
        .connectTimeout(Duration.ofSeconds(options.connectTimeout))
        .locations(RunnerSession.resolveLocations(resolver.resolveLocations(options.locations),
            root.workingDirectory()))
        .target(target)
        .classLoader(PlinthCommand.class.getClassLoader())
        .user(Optional.ofNullable(options.user).or(credentials::user).orElse(null))
        .password(Optional.ofNullable(options.password).or(credentials::password).orElse(null))
        .build();
  }

  /** The runner for the database {@code --targets-query} runs on. */
  private static Plinth queried(DatabaseResolver resolver, FleetOptions options, RunnerConfig base) {
    ResolvedDatabase database = resolver.resolve(options.url, "--url", options.user, options.password)
        .orElseThrow(() -> new PlinthException(Message.FLEET_QUERY_NO_DATABASE));
    return Plinth.create(base.toBuilder().origin(database.origin()).url(database.url())
        .user(database.user().orElse(null)).password(database.password().orElse(null)).build());
  }

  private static List<String> secrets(RunnerConfig base, List<FleetTarget> targets) {
    List<String> secrets = new ArrayList<>();
    base.password().ifPresent(secrets::add);
    targets.forEach(t -> t.url().password().ifPresent(secrets::add));
    return secrets;
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
