package dev.plinth.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code plinth} command: {@code migrate}, {@code rollback}, {@code info}, {@code validate},
 * {@code verify}, {@code reset}, {@code prune-backups}, {@code codegen}.
 *
 * <p>The environment and working directory are passed in, so tests run the real command without
 * touching the process's own.
 */
@Command(name = "plinth", mixinStandardHelpOptions = true, versionProvider = PlinthCommand.Version.class,
    description = "Apply, roll back and inspect Plinth's PostgreSQL migrations.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:OK",
        "1:Unexpected error (run again with --verbose)",
        "2:Usage or configuration error",
        "3:Database unreachable, or the embedded server cannot start",
        "4:A migration or reverse script failed",
        "5:Schema drift found",
        "6:Applied migrations differ from the files, or a reverse script is missing or altered"},
    footerHeading = "%nDatabase:%n",
    footer = {
        "  1. --url (with --user, --password)",
        "  2. $DATABASE_URL (with $DATABASE_USER, $DATABASE_PASSWORD)",
        "  3. DATABASE_URL (and friends) in the file .env in the working directory",
        "  4. else an embedded PostgreSQL whose data stays in .plinth/postgres (the running one if",
        "     plinth server start keeps it running)"})
public final class PlinthCommand implements Callable<Integer> {

  /** The verbs, in the order {@code --help} lists them (then {@code help}). */
  private static final List<Class<?>> VERBS = List.of(MigrateCommand.class, RollbackCommand.class, InfoCommand.class,
      ValidateCommand.class, VerifyCommand.class, SeedCommand.class, ResetCommand.class, RepairCommand.class,
      PruneBackupsCommand.class, CodegenCommand.class, CheckCommand.class, SquashCommand.class, PullCommand.class,
      BaselineCommand.class, FleetCommand.class, ServerCommand.class);

  private final Map<String, String> environment;
  private final Path workingDirectory;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  public PlinthCommand(Map<String, String> environment, Path workingDirectory) {
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** The command line for {@code environment} and {@code workingDirectory}, ready to {@code execute}. */
  public static CommandLine commandLine(Map<String, String> environment, Path workingDirectory) {
    return commandLine(environment, workingDirectory, null);
  }

  /**
   * The command line with only the verb {@code verb} when it names one, else with all of them. picocli
   * builds each verb's model by reflection when it is added, half a second for all of them at start-up;
   * a run needs only its own.
   */
  static CommandLine commandLine(Map<String, String> environment, Path workingDirectory, String verb) {
    CommandLine cli = new CommandLine(new PlinthCommand(environment, workingDirectory));
    boolean known = VERBS.stream().anyMatch(v -> name(v).equals(verb));
    for (Class<?> command : VERBS) {
      if (!known || name(command).equals(verb)) {
        cli.addSubcommand(command);
      }
    }
    cli.addSubcommand(new CommandLine.HelpCommand());
    return cli;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose")) {
      // Read by slf4j-simple when the first logger is created, which is after this line.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
      System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "debug");
    }
    int code = commandLine(System.getenv(), Path.of(""), args.length == 0 ? null : args[0]).execute(args);
    System.exit(code);
  }

  /** {@code plinth} without a command is a usage error: show the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE.code();
  }

  Map<String, String> environment() {
    return environment;
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PlinthCommand.class.getPackage().getImplementationVersion();
      return new String[] {
          "plinth " + (version == null ? "(development build)" : version),
          "Java " + System.getProperty("java.version")};
    }
  }
}
