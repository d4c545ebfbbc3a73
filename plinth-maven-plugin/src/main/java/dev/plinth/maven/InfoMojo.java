package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code plinth:info}: every migration with its state and checksum status, and the schema version. */
@Mojo(name = "info", requiresDependencyResolution = ResolutionScope.RUNTIME)
public class InfoMojo extends AbstractPlinthMojo {

  @Override
  void run(Plinth plinth, BuildLog log) {
    log.info(ResultText.info(plinth.info(), plinth.config().locations()));
  }
}
