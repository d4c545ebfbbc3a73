package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:repair}: after a migration that ran outside a transaction failed, removes its
 * failed history row and drops the invalid index its {@code CREATE INDEX CONCURRENTLY} left, so
 * that the next {@code plinth:migrate} runs it again. Fix the cause of the failure first.
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RepairMojo extends AbstractPlinthMojo {

  @Override
  void run(Plinth plinth, BuildLog log) {
    log.info(ResultText.repaired(plinth.repair()));
  }
}
