package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.MigrationsFolder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code plinth:check}: the committed migrations are exactly what their journal generates
 * (re-rendered and compared, with {@code plinth.sum} and {@code HEAD}). Needs no database and no
 * compile, so it catches a hand-edited file even when Maven skips javac because nothing changed.
 * Bind it in CI's build, e.g. to the {@code verify} phase.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

  /** The migrations folder (holding migration/, rollback/ and schema/). */
  @Parameter(property = "plinth.migrations", defaultValue = "${project.basedir}/src/main/resources/db")
  File migrations;

  /** Skips the check. */
  @Parameter(property = "plinth.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("plinth:check skipped");
      return;
    }
    Path folder = migrations.toPath();
    if (!Files.isDirectory(folder)) {
      getLog().info("No migrations folder at " + folder + "; nothing to check.");
      return;
    }
    MigrationsFolder migrationsFolder = new MigrationsFolder(folder);
    List<CommittedFiles.Problem> problems = CommittedFiles.check(migrationsFolder);
    problems.forEach(problem -> getLog().error(ResultText.checkProblem(folder, problem)));
    String closing = ResultText.checked(folder, migrationsFolder, problems);
    if (!problems.isEmpty()) {
      throw new MojoFailureException(closing);
    }
    getLog().info(closing);
  }
}
