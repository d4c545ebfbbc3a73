package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.runner.internal.FolderCheck;
import dev.plinth.runner.internal.MigrationResources;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.MigrationsFolder;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    // The runner's own check of the folder: what cannot be read, duplicate versions, plinth.sum file by file.
    FolderCheck folderCheck = FolderCheck.of(new MigrationResources(
        List.of("filesystem:" + folder.resolve(MigrationsFolder.MIGRATION_DIR)), getClass().getClassLoader()));
    List<String> lines = new ArrayList<>();
    Set<String> named = new HashSet<>();
    int count = 0;
    if (folderCheck.unreadable().isEmpty()) {
      try {
        List<CommittedFiles.Problem> problems = CommittedFiles.check(migrationsFolder);
        for (CommittedFiles.Problem problem : problems) {
          lines.add(ResultText.checkProblem(folder, problem));
          named.add(problem.file());
        }
        count += problems.size();
      } catch (UncheckedIOException e) {
        lines.add(Message.FILE_UNREADABLE.format(folder, e.getCause() == null ? e.getMessage() : e.getCause().toString()));
        count++;
      }
    }
    for (FolderCheck.Problem problem : folderCheck.problems()) {
      if (!named.contains(problem.file())) {
        lines.add("[" + problem.message().id() + "] " + problem.text());
        count++;
      }
    }
    lines.forEach(console::err);
    if (count > 0) {
      console.err(Message.CHECK_FAILED.text(count, count == 1 ? "" : "s", folder));
      boolean setUp = folderCheck.unreadable().stream()
          .anyMatch(p -> p.message().kind() == Message.Kind.CONFIGURATION);
      return (setUp ? ExitCode.USAGE : ExitCode.INTEGRITY).code();
    }
    console.out(ResultText.checked(folder, migrationsFolder, List.of()));
    return ExitCode.OK.code();
  }
}
