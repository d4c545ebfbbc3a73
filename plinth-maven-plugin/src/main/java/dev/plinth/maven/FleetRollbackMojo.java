package dev.plinth.maven;

import dev.plinth.runner.Message;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:fleet-rollback -Dplinth.targets=fleet.txt -Dplinth.to=VERSION}: rolls every target
 * back to a version with the reverse scripts. Targets at or below it are skipped.
 */
@Mojo(name = "fleet-rollback", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class FleetRollbackMojo extends RolloutMojo {

  /** Roll back every migration newer than this version ({@code 0} for all). */
  @Parameter(property = "plinth.to")
  String to;

  @Override
  void checkParameters() throws MojoFailureException {
    super.checkParameters();
    if (to == null) {
      throw new MojoFailureException(Message.FLEET_ROLLBACK_TO_MISSING.format());
    }
  }

  @Override
  FleetReport run(Fleet.Builder fleet) {
    return rollout(fleet).rollback(RollbackTarget.to(to));
  }
}
