package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.VerifyResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:verify}: the live schema against the committed schema at the applied version.
 * Fails the build on drift, listing each difference.
 */
@Mojo(name = "verify", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class VerifyMojo extends AbstractPlinthMojo {

  @Override
  void run(Plinth plinth, BuildLog log) throws MojoFailureException {
    VerifyResult result = plinth.verify();
    if (result.drift()) {
      throw log.failure(ResultText.verified(result));
    }
    log.info(ResultText.verified(result));
  }
}
