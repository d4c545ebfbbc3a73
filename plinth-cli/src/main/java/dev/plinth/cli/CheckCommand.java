package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.MigrationsFolder;
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
 * {@code plinth check}: the committed migrations are exactly what their journal generates. Runs
 * without a compiler or a database, so CI catches a hand-edited or missing file even when the
 * build's output is up to date and javac does not run.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check that committed migrations are exactly what their journal generates.",
        "Re-renders every generated migration from the journal and compares the files, plinth.sum and HEAD;"
            + " needs no database. Exit code 6 when something differs."})
final class CheckCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

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
    MigrationsFolder migrationsFolder = new MigrationsFolder(folder);
    List<CommittedFiles.Problem> problems = CommittedFiles.check(migrationsFolder);
    problems.forEach(problem -> console.err(ResultText.checkProblem(folder, problem)));
    String closing = ResultText.checked(folder, migrationsFolder, problems);
    if (!problems.isEmpty()) {
      console.err(closing);
      return ExitCode.INTEGRITY.code();
    }
    console.out(closing);
    return ExitCode.OK.code();
  }
}
