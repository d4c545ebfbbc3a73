package dev.plinth.maven;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.Squash;
import dev.plinth.schema.journal.Version;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code plinth:squash -Dplinth.to=V}: replaces migrations 1..V with one migration, its reverse and
 * one journal entry, as {@code plinth squash --to V} does. Needs no database; review and commit.
 */
@Mojo(name = "squash", threadSafe = true)
public class SquashMojo extends AbstractMojo {

  /** The migrations folder (holding migration/, rollback/ and schema/). */
  @Parameter(property = "plinth.migrations", defaultValue = "${project.basedir}/src/main/resources/db")
  File migrations;

  /** The newest version to squash, e.g. {@code 40}. */
  @Parameter(property = "plinth.to", required = true)
  String to;

  @Override
  public void execute() throws MojoFailureException {
    Path folder = migrations.toPath();
    if (!Files.isDirectory(folder)) {
      throw new MojoFailureException(Message.CHECK_FOLDER_MISSING.format(folder));
    }
    Version version;
    try {
      version = Version.parse(to);
    } catch (NumberFormatException e) {
      throw new MojoFailureException(Message.VERSION_INVALID.format("plinth.to", to));
    }
    try {
      getLog().info(ResultText.squashed(Squash.run(new MigrationsFolder(folder), version), to));
    } catch (Squash.Refused refused) {
      throw new MojoFailureException(ResultText.squashRefused(folder, refused, to));
    }
  }
}
