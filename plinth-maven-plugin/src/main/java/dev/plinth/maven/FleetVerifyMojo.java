package dev.plinth.maven;

import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:fleet-verify -Dplinth.targets=fleet.txt}: every target's live schema against the
 * committed schema at its version, grouped across the fleet; fails the build on drift.
 */
@Mojo(name = "fleet-verify", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class FleetVerifyMojo extends AbstractFleetMojo {

  @Override
  FleetReport run(Fleet.Builder fleet) {
    return fleet.build().verify();
  }
}
