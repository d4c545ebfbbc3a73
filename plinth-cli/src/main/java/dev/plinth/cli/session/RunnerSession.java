package dev.plinth.cli.session;

import dev.plinth.cli.embedded.EmbeddedServer;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseResolver;
import dev.plinth.runner.config.DatabaseResolver.ResolvedDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The runner one command works with: the configured database (options, then the environment,
 * then {@code .env} in the project directory), else the embedded PostgreSQL: the running one
 * (e.g. a dev server), else one started for the command and stopped on {@link #close()}. The {@code plinth} command and the Maven plugin both
 * go through here, so they pick the database, the migrations and the embedded server alike.
 *
 * <pre>{@code
 * RunnerSession.Plan plan = RunnerSession.plan(System.getenv(), projectDirectory, options);
 * try (RunnerSession session = plan.start(classLoader, notices::println)) {
 *   session.plinth().migrate();
 * }
 * }</pre>
 */
public final class RunnerSession implements AutoCloseable {

  /** Where the embedded server keeps its data, relative to the project directory. */
  public static final String EMBEDDED_DATA = ".plinth/postgres";

  private static final String MASK = "****";

  private final Plinth plinth;
  private final EmbeddedServer embedded;

  private RunnerSession(Plinth plinth, EmbeddedServer embedded) {
    this.plinth = plinth;
    this.embedded = embedded;
  }

  /**
   * What the command was given; {@code null} (or an empty list) means not given.
   *
   * @param url the database URL, e.g. {@code jdbc:postgresql://localhost:5432/app}
   * @param urlOrigin how messages name where {@code url} was given, e.g. {@code --url}
   * @param locations the migration locations; relative {@code filesystem:} ones are relative to the project directory
   * @param connectTimeout seconds one connection attempt may take, at least 1
   * @param embeddedPort the embedded server's port, used when no database is configured
   * @param target the version to migrate up to; {@code null} for the latest
   */
  public record Options(String url, String urlOrigin, String user, String password, List<String> locations, int connectTimeout,
      int embeddedPort, String target) {}

  /**
   * Decides the database and the migration locations for a command run in {@code projectDirectory};
   * starts nothing yet.
   *
   * @param environment the process environment ({@code System.getenv()}; tests pass their own)
   * @throws PlinthException when the configuration is invalid (a URL, a {@code .env} line, the connect timeout)
   */
  public static Plan plan(Map<String, String> environment, Path projectDirectory, Options options) {
    DatabaseResolver resolver = new DatabaseResolver(environment, projectDirectory);
    Optional<ResolvedDatabase> database = resolver.resolve(options.url(), options.urlOrigin(), options.user(),
        options.password());
    List<String> secrets = new ArrayList<>();
    secrets.add(options.password());
    database.flatMap(ResolvedDatabase::password).ifPresent(secrets::add);
    if (options.connectTimeout() < 1) {
      throw new PlinthException(Message.CONNECT_TIMEOUT_INVALID, options.connectTimeout());
    }
    return new Plan(database, resolver.resolveLocations(options.locations()), projectDirectory, options, secrets);
  }

  /** The runner for the chosen database. */
  public Plinth plinth() {
    return plinth;
  }

  /**
   * Ends this command's use of the embedded server, if it used one: stops it when no other command
   * uses it and it is not a dev server ({@code plinth server start}); its data stays.
   */
  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  /**
   * {@code text} with every secret blanked out: a last line of defence, since messages are built
   * without passwords but a server error could still echo one.
   */
  public static String redact(String text, List<String> secrets) {
    String result = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  /** Relative {@code filesystem:} locations are relative to the project directory. */
  public static List<String> resolveLocations(List<String> locations, Path projectDirectory) {
    List<String> resolved = new ArrayList<>();
    for (String location : locations) {
      String trimmed = location.strip();
      if (trimmed.startsWith("filesystem:")) {
        Path path = projectDirectory.resolve(trimmed.substring("filesystem:".length())).normalize();
        resolved.add("filesystem:" + path);
      } else {
        resolved.add(trimmed);
      }
    }
    return resolved;
  }

  /** Where the command's embedded server runs and how to connect to it. */
  private static String notice(EmbeddedServer embedded) {
    EmbeddedServer.Status status = embedded.status();
    if (status.wasRunning()) {
      return Message.EMBEDDED_REUSED.text(status.port(), status.dataDirectory());
    }
    return Message.EMBEDDED_STARTED.text(status.port(), status.dataDirectory(), embedded.displayUrl(),
        status.passwordFile(), status.passwordFile(), status.port());
  }

  /** The database and locations a command will use, decided but not yet started. */
  public static final class Plan {
    private final Optional<ResolvedDatabase> database;
    private final List<String> locations;
    private final Path projectDirectory;
    private final Options options;
    private final List<String> secrets;

    private Plan(Optional<ResolvedDatabase> database, List<String> locations, Path projectDirectory, Options options,
        List<String> secrets) {
      this.database = database;
      this.locations = locations;
      this.projectDirectory = projectDirectory;
      this.options = options;
      this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    /** The passwords given or found, to blank out of anything shown ({@link RunnerSession#redact}). */
    public List<String> secrets() {
      return secrets;
    }

    /**
     * A runner whose {@code classpath:} locations are read with {@code classLoader}; with no
     * database configured, starts the embedded server first and tells {@code notices} where it runs.
     *
     * @throws PlinthException when the embedded server cannot start or a migration location does not exist
     */
    public RunnerSession start(ClassLoader classLoader, Consumer<String> notices) {
      RunnerConfig.Builder config = RunnerConfig.builder()
          .connectTimeout(Duration.ofSeconds(options.connectTimeout()))
          .locations(resolveLocations(locations, projectDirectory))
          .target(options.target())
          .classLoader(classLoader);
      if (database.isPresent()) {
        ResolvedDatabase db = database.get();
        config.origin(db.origin()).url(db.url());
        db.user().ifPresent(config::user);
        db.password().ifPresent(config::password);
        return new RunnerSession(Plinth.create(config.build()), null);
      }
      EmbeddedServer embedded = EmbeddedServer.start(projectDirectory.resolve(EMBEDDED_DATA), options.embeddedPort());
      try {
        notices.accept(notice(embedded));
        config.origin("the embedded server").url(embedded.url(EmbeddedServer.DATABASE)).user(EmbeddedServer.SUPERUSER)
            .password(embedded.password()).disposable(true);
        return new RunnerSession(Plinth.create(config.build()), embedded);
      } catch (RuntimeException e) {
        embedded.close();
        throw e;
      }
    }
  }
}
