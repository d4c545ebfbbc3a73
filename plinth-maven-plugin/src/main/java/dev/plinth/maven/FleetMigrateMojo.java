package dev.plinth.maven;

import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:fleet-migrate -Dplinth.targets=fleet.txt}: applies pending migrations on every
 * target, several at once (up to {@code plinth.target} when given). Targets already at the goal are
 * skipped, so running it again continues where a failure stopped it.
 */
@Mojo(name = "fleet-migrate", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class FleetMigrateMojo extends RolloutMojo {

  @Override
  String target() {
    return target;
  }

  @Override
  FleetReport run(Fleet.Builder fleet) {
    return rollout(fleet).migrate();
  }
}
