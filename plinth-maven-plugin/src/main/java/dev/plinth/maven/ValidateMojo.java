package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.ValidateResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:validate}: applied migrations against their files, reverse scripts present, files
 * against {@code plinth.sum}. Fails the build when something does not match.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ValidateMojo extends AbstractPlinthMojo {

  @Override
  void run(Plinth plinth, BuildLog log) throws MojoFailureException {
    ValidateResult result = plinth.validate();
    if (!result.valid()) {
      throw log.failure(ResultText.validated(result));
    }
    log.info(ResultText.validated(result));
  }
}
