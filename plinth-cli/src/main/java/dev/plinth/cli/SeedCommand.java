package dev.plinth.cli;

import dev.plinth.runner.SeedResult;
import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth seed --env NAME}: insert the seed sets of an environment. */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = {"Insert the rows of every seed set of an environment, in one transaction, parents first.",
        "Running it again leaves the same rows (rows already there are kept)."})
final class SeedCommand extends DatabaseCommand {

  @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment: dev, test, ...")
  String env;

  @Option(names = "--fresh", description = "Empty the seeded tables first (TRUNCATE ... CASCADE).")
  boolean fresh;

  @Option(names = "--classes", paramLabel = "DIR", split = ",",
      description = {"The project's compiled classes, where its seed sets are (repeat or comma-separate).",
          "Default: target/classes (Maven) and build/classes/java/main (Gradle), those that exist."})
  List<Path> classes;

  /** Where a Maven or a Gradle build puts a project's compiled main classes. */
  static final List<String> BUILD_OUTPUTS = List.of("target/classes", "build/classes/java/main");

  @Override
  ExitCode run(Plinth plinth, Console console) {
    List<Path> folders = classes != null ? classes.stream().map(root.workingDirectory()::resolve).toList()
        : BUILD_OUTPUTS.stream().map(root.workingDirectory()::resolve).filter(Files::isDirectory).toList();
    SeedResult result = withClasses(folders, () -> plinth.seed(env, fresh));
    if (database.json) {
      console.out(Json.text(JsonResults.seed(result)));
      return ExitCode.OK;
    }
    ResultText.seeded(result).forEach(console::out);
    return ExitCode.OK;
  }

  /**
   * Runs {@code seeding} with {@code folders} on its context class loader, where the seeder looks
   * for seed sets: this jar does not hold the project's classes.
   */
  private static SeedResult withClasses(List<Path> folders, Supplier<SeedResult> seeding) {
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new PlinthException(Message.SEED_CLASSES_MISSING, folder);
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    URL[] urls = folders.stream().map(SeedCommand::url).toArray(URL[]::new);
    try (URLClassLoader loader = new URLClassLoader(urls, SeedCommand.class.getClassLoader())) {
      thread.setContextClassLoader(loader);
      return seeding.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static URL url(Path folder) {
    try {
      return folder.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(folder.toString(), e);
    }
  }
}
