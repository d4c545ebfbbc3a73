package dev.plinth.maven;

import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code plinth:fleet-info -Dplinth.targets=fleet.txt}: each target's schema version and pending migrations. */
@Mojo(name = "fleet-info", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class FleetInfoMojo extends AbstractFleetMojo {

  @Override
  FleetReport run(Fleet.Builder fleet) {
    return fleet.build().info();
  }
}
