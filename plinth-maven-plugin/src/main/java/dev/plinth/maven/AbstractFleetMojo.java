package dev.plinth.maven;

import dev.plinth.cli.session.FleetSetup;
import dev.plinth.cli.text.FleetText;
import dev.plinth.runner.Message;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseResolver;
import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.TargetResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal on many databases or tenant schemas at once ({@code plinth fleet}; README, "Many
 * databases"): the targets come from a file or a query, every target runs with the configured
 * user, password, migrations and timeouts, and the build log gets the fleet's report. The build
 * fails when a target failed (or, for {@code fleet-verify}, drifted), after the report.
 */
public abstract class AbstractFleetMojo extends AbstractGoalMojo {

  /**
   * A file listing the targets, one per line: a database URL, optionally followed by a schema of that
   * database (one schema per tenant); relative to the project's folder. Example: {@code fleet.txt}.
   */
  @Parameter(property = "plinth.targets")
  String targets;

  /**
   * Instead of {@link #targets}: a query run on {@code url} (default {@code DATABASE_URL}) listing the
   * targets, a column named {@code url} for databases, {@code schema} for schemas. Example:
   * {@code SELECT url FROM tenants WHERE active}.
   */
  @Parameter(property = "plinth.targetsQuery")
  String targetsQuery;

  /** At most this many targets at once. Default: twice the cores (and a server's free connections allow). */
  @Parameter(property = "plinth.parallel")
  Integer parallel;

  @Override
  void checkParameters() throws MojoFailureException {
    if ((targets == null) == (targetsQuery == null)) {
      String given = targets == null ? "neither targets nor targetsQuery" : "both targets and targetsQuery";
      throw new MojoFailureException(Message.FLEET_TARGETS_HOW_MISSING.format(given));
    }
  }

  @Override
  final void work(ClassLoader projectLoader) throws MojoFailureException {
    Path directory = project.getBasedir().toPath();
    FleetSetup setup = new FleetSetup(new DatabaseResolver(System.getenv(), directory), directory, url, user,
        password);
    RunnerConfig base = setup.base(locations == null ? null : List.of(locations), connectTimeout, target(),
        projectLoader);
    List<FleetTarget> found = setup.targets(targets, targetsQuery, base);
    log = log.hiding(FleetSetup.secrets(base, found));
    Fleet.Builder fleet = Fleet.builder(found, base);
    if (parallel != null) {
      fleet.parallel(parallel);
    }
    FleetReport report = run(fleet);
    List<String> lines = FleetText.report(report);
    if (!report.failures().isEmpty() || report.stop().isPresent()
        || report.results().stream().anyMatch(TargetResult::drift)) {
      throw log.failure(lines);
    }
    log.info(lines);
  }

  /** The version targets are migrated to; the latest unless the goal takes one. */
  String target() {
    return null;
  }

  /** The goal's work on the fleet. */
  abstract FleetReport run(Fleet.Builder fleet);
}
