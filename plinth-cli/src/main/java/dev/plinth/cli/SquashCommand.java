package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.Squash;
import dev.plinth.schema.journal.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code plinth squash --to V}: replaces migrations 1..V with one that creates the schema at V, its
 * reverse and one journal entry; databases already past V keep a valid history. Needs no database.
 */
@Command(name = "squash", mixinStandardHelpOptions = true,
    description = {"Replace migrations 1..V with one migration, its reverse and one journal entry.",
        "New databases run the one migration; databases already past V keep working (their history rows stay"
            + " valid). Later migrations are untouched. Needs no database; review and commit the result."})
final class SquashCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

  @Option(names = "--to", required = true, paramLabel = "VERSION",
      description = "The newest version to squash, e.g. 40: migrations 1..40 become one.")
  String to;

  @Option(names = "--migrations", paramLabel = "DIR",
      description = "The migrations folder (holding migration/, rollback/, schema/). Default: ${DEFAULT-VALUE}.")
  Path migrations = Path.of("src/main/resources/db");

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), List.of());
    Path folder = root.workingDirectory().resolve(migrations).normalize();
    if (!Files.isDirectory(folder)) {
      console.err(Message.CHECK_FOLDER_MISSING.format(folder));
      return ExitCode.USAGE.code();
    }
    Version version;
    try {
      version = Version.parse(to);
    } catch (NumberFormatException e) {
      console.err(Message.VERSION_INVALID.format("--to", to));
      return ExitCode.USAGE.code();
    }
    try {
      console.out(ResultText.squashed(Squash.run(new MigrationsFolder(folder), version), to));
      return ExitCode.OK.code();
    } catch (Squash.Refused refused) {
      console.err(ResultText.squashRefused(folder, refused, to));
      return ExitCode.USAGE.code();
    }
  }
}
