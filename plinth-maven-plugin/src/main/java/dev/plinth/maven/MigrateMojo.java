package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.Plinth;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code plinth:migrate}: applies pending migrations (up to {@code plinth.target}), each in its own transaction. */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class MigrateMojo extends AbstractPlinthMojo {

  @Override
  void run(Plinth plinth, BuildLog log) {
    // One line per migration as soon as it is committed, so long runs show where they are.
    MigrateResult result = plinth.migrate(m -> log.info(ResultText.applied(m)));
    log.info(ResultText.migrated(result));
  }
}
