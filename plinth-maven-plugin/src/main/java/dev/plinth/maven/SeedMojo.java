package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code plinth:seed -Dplinth.env=NAME}: inserts the rows of the project's seed sets of an
 * environment, in one transaction, parents first. The seed sets are the compiled ones: run
 * {@code compile} first ({@code mvn compile plinth:seed -Dplinth.env=dev}).
 */
@Mojo(name = "seed", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class SeedMojo extends AbstractPlinthMojo {

  /** The environment whose seed sets to run: dev, test, ... */
  @Parameter(property = "plinth.env", required = true)
  String env;

  /** Empty the seeded tables first ({@code TRUNCATE ... CASCADE}). */
  @Parameter(property = "plinth.fresh", defaultValue = "false")
  boolean fresh;

  @Override
  void run(Plinth plinth, BuildLog log) {
    log.info(ResultText.seeded(plinth.seed(env, fresh)));
  }
}
