package dev.plinth.runner.config;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which database to use: command-line flags, else environment variables, else the
 * {@code .env} file in the working directory; nothing configured means the embedded server.
 *
 * <p>The URL comes from the first source that sets one. A user or password given as a flag wins;
 * otherwise they come from the same source as the URL ({@code DATABASE_USER},
 * {@code DATABASE_PASSWORD}), else from the URL itself. Empty values count as unset; but when no
 * source has a URL, an empty {@code --url}, or an empty {@code DATABASE_URL} next to a user or
 * password of the same source, is an error rather than the embedded server.
 */
public final class DatabaseResolver {

  public static final String URL = "DATABASE_URL";
  public static final String USER = "DATABASE_USER";
  public static final String PASSWORD = "DATABASE_PASSWORD";
  /** Comma-separated migration locations, e.g. {@code filesystem:src/main/resources/db/migration}. */
  public static final String LOCATIONS = "PLINTH_LOCATIONS";
  /** Where a Maven or Gradle project keeps its migrations, relative to the project folder. */
  public static final String PROJECT_MIGRATIONS = "src/main/resources/db/migration";

  private final Map<String, String> environment;
  private final Path workingDirectory;

  /**
   * @param environment the process environment ({@code System.getenv()}; tests pass their own)
   * @param workingDirectory where to look for {@code .env}
   */
  public DatabaseResolver(Map<String, String> environment, Path workingDirectory) {
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
  }

  /** The database to use, or empty when nothing is configured (use the embedded server). */
  public Optional<ResolvedDatabase> resolve(String urlFlag, String userFlag, String passwordFlag) {
    return resolve(urlFlag, "--url", userFlag, passwordFlag);
  }

  /**
   * The same, with {@code urlFlag} named {@code urlOrigin} in messages (the Maven plugin's
   * {@code <url> (or -Dplinth.url)}, say).
   */
  public Optional<ResolvedDatabase> resolve(String urlFlag, String urlOrigin, String userFlag, String passwordFlag) {
    ResolvedDatabase found = null;
    if (present(urlFlag)) {
      Credentials credentials = credentials();
      found = from(urlFlag, urlOrigin, credentials.user().orElse(null), credentials.password().orElse(null));
    } else if (present(environment.get(URL))) {
      found = from(environment.get(URL), "DATABASE_URL", environment.get(USER), environment.get(PASSWORD));
    } else {
      Path dotEnv = workingDirectory.resolve(".env");
      Map<String, String> file = DotEnvFile.read(dotEnv);
      if (present(file.get(URL))) {
        found = from(file.get(URL), "DATABASE_URL in " + dotEnv, file.get(USER), file.get(PASSWORD));
      } else {
        // A URL set but empty, with no other source, next to a user or password: a server was
        // meant, and its URL (a secret or variable that did not expand, say) is missing. Running on
        // a throwaway embedded database instead would report a deployment that never happened as
        // done. Alone, an empty value is how tools unset a variable (blank counts as unset), or a
        // template's blank line. An empty --url is never meant.
        if (urlFlag != null) {
          throw new PlinthException(Message.URL_EMPTY, urlOrigin, "the command line",
              "leave it out (and DATABASE_URL unset)");
        }
        if (environment.containsKey(URL) && (present(environment.get(USER)) || present(environment.get(PASSWORD)))) {
          throw new PlinthException(Message.URL_EMPTY, "DATABASE_URL", "the environment, which also sets "
              + (present(environment.get(USER)) ? USER : PASSWORD), "unset all three (DATABASE_URL, DATABASE_USER,"
              + " DATABASE_PASSWORD)");
        }
        if (file.containsKey(URL) && (present(file.get(USER)) || present(file.get(PASSWORD)))) {
          throw new PlinthException(Message.URL_EMPTY, "DATABASE_URL", dotEnv + ", which also sets "
              + (present(file.get(USER)) ? USER : PASSWORD), "remove the DATABASE_* lines from " + dotEnv);
        }
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    return Optional.of(new ResolvedDatabase(found.url(),
        present(userFlag) ? Optional.of(userFlag) : found.user(),
        present(passwordFlag) ? Optional.of(passwordFlag) : found.password(),
        found.origin()));
  }

  /**
   * The user and password for databases named by URL on the command line (a fleet's targets, say):
   * {@code DATABASE_USER} and {@code DATABASE_PASSWORD} from the environment, else from {@code .env};
   * a URL's own user or password counts only where these are empty. A URL given as a flag takes its
   * credentials from here, so the password never has to be a flag.
   */
  public Credentials credentials() {
    Map<String, String> file = present(environment.get(USER)) || present(environment.get(PASSWORD))
        ? Map.of() : DotEnvFile.read(workingDirectory.resolve(".env"));
    return new Credentials(given(firstPresent(environment.get(USER), file.get(USER))),
        given(firstPresent(environment.get(PASSWORD), file.get(PASSWORD))));
  }

  /**
   * The migration locations: the flag's, else {@code PLINTH_LOCATIONS} from the environment, else
   * from {@code .env}; with none of them, the project's {@value #PROJECT_MIGRATIONS} when the
   * working directory has one, else {@code classpath:db/migration}.
   */
  public List<String> resolveLocations(List<String> flag) {
    if (flag != null && !flag.isEmpty()) {
      return flag;
    }
    String value = environment.get(LOCATIONS);
    if (!present(value)) {
      value = DotEnvFile.read(workingDirectory.resolve(".env")).get(LOCATIONS);
    }
    if (present(value)) {
      return Arrays.stream(value.split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
    if (Files.isDirectory(workingDirectory.resolve(PROJECT_MIGRATIONS))) {
      return List.of("filesystem:" + PROJECT_MIGRATIONS);
    }
    return List.of("classpath:db/migration");
  }

  private static String firstPresent(String first, String second) {
    return present(first) ? first : second;
  }

  private static ResolvedDatabase from(String rawUrl, String origin, String user, String password) {
    DatabaseUrl url = DatabaseUrl.parse(rawUrl, origin);
    return new ResolvedDatabase(url,
        present(user) ? Optional.of(user) : url.user(),
        present(password) ? Optional.of(password) : url.password(),
        origin);
  }

  private static Optional<String> given(String value) {
    return present(value) ? Optional.of(value) : Optional.empty();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** A user and password found in the environment or {@code .env}; never printed. */
  public record Credentials(Optional<String> user, Optional<String> password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user.orElse("(none)") + ", password="
          + (password.isPresent() ? "****" : "(none)") + "]";
    }
  }

  /**
   * A configured database.
   *
   * @param url the URL, without credentials
   * @param origin where the URL came from, for messages (e.g. {@code DATABASE_URL in /app/.env})
   */
  public record ResolvedDatabase(DatabaseUrl url, Optional<String> user, Optional<String> password, String origin) {
    @Override
    public String toString() {
      return "ResolvedDatabase[" + url + ", user=" + user.orElse("(default)") + ", origin=" + origin + "]";
    }
  }
}
