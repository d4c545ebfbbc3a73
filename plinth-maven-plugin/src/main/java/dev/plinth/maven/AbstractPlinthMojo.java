package dev.plinth.maven;

import dev.plinth.cli.embedded.EmbeddedServer;
import dev.plinth.cli.session.RunnerSession;
import dev.plinth.runner.Plinth;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal on one database: the configured one ({@link RunnerSession} finds it as the {@code plinth}
 * command does), or with none configured the embedded PostgreSQL, which runs for the goal's
 * duration with its data in {@code .plinth/postgres} in the project's folder.
 */
public abstract class AbstractPlinthMojo extends AbstractGoalMojo {

  /** The embedded PostgreSQL's port, used when no database is configured. */
  @Parameter(property = "plinth.embeddedPort", defaultValue = "" + EmbeddedServer.DEFAULT_PORT)
  int embeddedPort;

  @Override
  final void work(ClassLoader projectLoader) throws IOException, MojoFailureException {
    RunnerSession.Plan plan = RunnerSession.plan(System.getenv(), project.getBasedir().toPath(), options());
    log = log.hiding(plan.secrets());
    BuildLog shown = log;
    try (RunnerSession session = plan.start(projectLoader, shown::info)) {
      run(session.plinth(), shown);
    }
  }

  /** The goal's work, on a runner for the chosen database. */
  abstract void run(Plinth plinth, BuildLog log) throws MojoFailureException;

  private RunnerSession.Options options() {
    List<String> given = locations == null ? null : List.of(locations);
    return new RunnerSession.Options(url, "<url> (or -Dplinth.url)", user, password, given, connectTimeout,
        embeddedPort, target);
  }
}
