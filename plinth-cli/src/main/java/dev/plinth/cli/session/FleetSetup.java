package dev.plinth.cli.session;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseResolver;
import dev.plinth.runner.config.DatabaseResolver.Credentials;
import dev.plinth.runner.config.DatabaseResolver.ResolvedDatabase;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.FleetTargets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code plinth fleet} and the Maven plugin's fleet goals build a fleet from, read the same way:
 * the configuration every target runs with, and the targets from a file or a query.
 *
 * @param resolver the environment and {@code .env} of the project
 * @param directory the project's folder, which relative paths start from
 * @param url the database a targets query runs on, or null for {@code DATABASE_URL}
 * @param user the user of every target, or null for {@code DATABASE_USER} (else each URL's)
 * @param password the password of every target, or null for {@code DATABASE_PASSWORD}
 */
public record FleetSetup(DatabaseResolver resolver, Path directory, String url, String user, String password) {

  /** The configuration every target is run with: migrations, version, timeouts, user and password. */
  public RunnerConfig base(List<String> locations, int connectTimeout, String target, ClassLoader classLoader) {
    if (connectTimeout < 1) {
      throw new PlinthException(Message.CONNECT_TIMEOUT_INVALID, connectTimeout);
    }
    Credentials credentials = resolver.credentials();
    return RunnerConfig.builder()
        .connectTimeout(Duration.ofSeconds(connectTimeout))
        .locations(RunnerSession.resolveLocations(resolver.resolveLocations(locations), directory))
        .target(target)
        .classLoader(classLoader)
        .user(Optional.ofNullable(user).or(credentials::user).orElse(null))
        .password(Optional.ofNullable(password).or(credentials::password).orElse(null))
        .build();
  }

  /** The targets listed in {@code file} (relative to the project), else those {@code query} returns. */
  public List<FleetTarget> targets(String file, String query, RunnerConfig base) {
    return file != null ? FleetTargets.read(directory.resolve(file)) : FleetTargets.query(queried(base), query);
  }

  /** The runner for the database a targets query runs on. */
  private Plinth queried(RunnerConfig base) {
    ResolvedDatabase database = resolver.resolve(url, "--url", user, password)
        .orElseThrow(() -> new PlinthException(Message.FLEET_QUERY_NO_DATABASE));
    return Plinth.create(base.toBuilder().origin(database.origin()).url(database.url())
        .user(database.user().orElse(null)).password(database.password().orElse(null)).build());
  }

  /** The passwords of the base configuration and of the targets' URLs, to keep out of any output. */
  public static List<String> secrets(RunnerConfig base, List<FleetTarget> targets) {
    List<String> secrets = new ArrayList<>();
    base.password().ifPresent(secrets::add);
    targets.forEach(t -> t.url().password().ifPresent(secrets::add));
    return secrets;
  }
}
