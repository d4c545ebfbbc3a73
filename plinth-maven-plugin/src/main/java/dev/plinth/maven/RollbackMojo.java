package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:rollback -Dplinth.steps=N} or {@code -Dplinth.to=VERSION}: runs reverse scripts,
 * newest first; each commits together with the removal of its history row.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RollbackMojo extends AbstractPlinthMojo {

  /** Roll back the newest N migrations. */
  @Parameter(property = "plinth.steps")
  Integer steps;

  /** Roll back every migration newer than this version ({@code 0} for all). */
  @Parameter(property = "plinth.to")
  String to;

  @Override
  void checkParameters() throws MojoFailureException {
    if ((steps == null) == (to == null)) {
      String given = steps == null ? "neither plinth.steps nor plinth.to" : "both plinth.steps and plinth.to";
      throw new MojoFailureException(Message.ROLLBACK_HOW_MISSING.format(given));
    }
  }

  @Override
  void run(Plinth plinth, BuildLog log) {
    RollbackTarget target = steps != null ? RollbackTarget.steps(steps) : RollbackTarget.to(to);
    log.info(ResultText.rolledBack(plinth.rollback(target)));
  }
}
