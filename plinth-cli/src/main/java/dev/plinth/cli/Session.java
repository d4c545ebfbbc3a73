package dev.plinth.cli;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseResolver;
import dev.plinth.runner.config.DatabaseResolver.ResolvedDatabase;
import dev.plinth.cli.embedded.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every database command does around its own work: pick the database (flags, environment,
 * {@code .env}, else embedded), start the embedded server if needed, and turn failures into one
 * message and an exit code.
 */
final class Session {

  /** A command's own work. */
  interface Work {
    ExitCode run(Plinth plinth, Console console);
  }

  /** Where embedded data lives, relative to the working directory. */
  static final String EMBEDDED_DATA = ".plinth/postgres";

  private Session() {}

  static int run(CommandSpec spec, PlinthCommand root, DatabaseOptions options, String target, Work work) {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    List<String> secrets = new ArrayList<>();
    secrets.add(options.password);
    Console console = new Console(out, err, secrets);
    EmbeddedServer embedded = null;
    try {
      DatabaseResolver resolver = new DatabaseResolver(root.environment(), root.workingDirectory());
      Optional<ResolvedDatabase> database = resolver.resolve(options.url, options.user, options.password);
      database.flatMap(ResolvedDatabase::password).ifPresent(secrets::add);
      console = new Console(out, err, secrets);

      if (options.connectTimeout < 1) {
        throw new PlinthException(Message.CONNECT_TIMEOUT_INVALID, options.connectTimeout);
      }
      RunnerConfig.Builder config = RunnerConfig.builder()
          .connectTimeout(Duration.ofSeconds(options.connectTimeout))
          .locations(resolveLocations(resolver.resolveLocations(options.locations), root.workingDirectory()))
          .target(target);
      if (database.isPresent()) {
        ResolvedDatabase db = database.get();
        config.origin(db.origin()).url(db.url());
        db.user().ifPresent(config::user);
        db.password().ifPresent(config::password);
      } else {
        embedded = EmbeddedServer.start(root.workingDirectory().resolve(EMBEDDED_DATA), options.embeddedPort);
        console.err(Message.EMBEDDED_STARTED.text(embedded.port(), embedded.dataDirectory(), embedded.displayUrl(),
            embedded.port()));
        config.origin("the embedded server").url(embedded.url(EmbeddedServer.DATABASE)).user(EmbeddedServer.SUPERUSER)
            .disposable(true);
      }
      return work.run(Plinth.create(config.build()), console).code();
    } catch (PlinthException e) {
      console.err(e.getMessage());
      if (options.json) {
        console.out(Json.text(JsonResults.error(e, e.getMessage())));
      }
      if (options.verbose) {
        console.stackTrace(e);
      }
      return ExitCode.of(e.kind()).code();
    } catch (RuntimeException e) {
      console.err(Message.UNEXPECTED.format(e.getClass().getSimpleName() + ": " + e.getMessage()));
      if (options.json) {
        console.out(Json.text(JsonResults.error(Message.UNEXPECTED.id(), Message.UNEXPECTED.kind().name(),
            Message.UNEXPECTED.format(e.getClass().getSimpleName() + ": " + e.getMessage()))));
      }
      if (options.verbose) {
        console.stackTrace(e);
      }
      return ExitCode.ERROR.code();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Relative {@code filesystem:} locations are relative to the working directory. */
  static List<String> resolveLocations(List<String> locations, Path workingDirectory) {
    List<String> resolved = new ArrayList<>();
    for (String location : locations) {
      String trimmed = location.strip();
      if (trimmed.startsWith("filesystem:")) {
        Path path = workingDirectory.resolve(trimmed.substring("filesystem:".length())).normalize();
        resolved.add("filesystem:" + path);
      } else {
        resolved.add(trimmed);
      }
    }
    return resolved;
  }

  static String version(Optional<String> version) {
    return version.orElse(Message.NO_VERSION.text());
  }
}
