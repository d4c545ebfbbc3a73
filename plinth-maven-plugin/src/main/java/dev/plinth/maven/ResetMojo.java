package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:reset}: drops what the migrations created (tables, types, schemas, backups, history)
 * and migrates again. Only on a local database whose name says it is disposable, or the embedded
 * one, unless {@code plinth.force}.
 */
@Mojo(name = "reset", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ResetMojo extends AbstractPlinthMojo {

  /** Reset even a remote database or one not named as disposable. */
  @Parameter(property = "plinth.force", defaultValue = "false")
  boolean force;

  @Override
  void run(Plinth plinth, BuildLog log) {
    log.info(ResultText.reset(plinth.reset(force)));
  }
}
