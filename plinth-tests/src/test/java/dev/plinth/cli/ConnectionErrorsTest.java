package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.PasswordRole;
import dev.plinth.runner.testing.SharedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way of failing to connect gets its own one-line message, exit code 3, and no password. */
class ConnectionErrorsTest {

  private static final String BASIC = "classpath:fixtures/basic/db/migration";
  private static final String SECRET = "s3cret-Pa55word";

  @TempDir
  Path workingDirectory;

  private Cli.Result plinth(String... args) {
    return Cli.run(Map.of(), workingDirectory, args);
  }

  private static void assertOneLineConnectionError(Cli.Result result, String expectedStart) {
    assertEquals(ExitCode.CONNECTION.code(), result.exitCode(), result::toString);
    assertTrue(result.err().startsWith(expectedStart), result::toString);
    assertEquals(1, result.err().lines().count(), "one line, no stack trace: " + result);
    assertEquals("", result.out());
  }

  @Test
  void refusedConnectionNamesHostAndPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // free once closed: nothing listens there
    }

    Cli.Result result = plinth("info", "--locations", BASIC,
        "--url", "postgres://app:" + SECRET + "@localhost:" + port + "/app");

    assertOneLineConnectionError(result, "[PLN620] Cannot connect to PostgreSQL at localhost:" + port
        + ": connection refused. Is the server running and listening on that port? Check the host and port in --url.");
    assertFalse(result.all().contains(SECRET), "password printed: " + result);
  }

  @Test
  void unknownHostIsNamed() {
    Cli.Result result = plinth("info", "--locations", BASIC,
        "--url", "postgres://app:" + SECRET + "@no-such-host.invalid:5432/app");

    assertOneLineConnectionError(result,
        "[PLN621] Cannot connect to PostgreSQL: unknown host 'no-such-host.invalid'. Check the host name in --url.");
    assertFalse(result.all().contains(SECRET), "password printed: " + result);
  }

  @Test
  void verboseStackTraceDoesNotShowThePasswordEither() {
    Cli.Result result = plinth("info", "--verbose", "--locations", BASIC,
        "--url", "jdbc:postgresql://no-such-host.invalid:5432/app?user=app&password=" + SECRET);

    assertEquals(ExitCode.CONNECTION.code(), result.exitCode(), result::toString);
    assertTrue(result.err().contains("UnknownHostException"), "stack trace shown: " + result);
    assertFalse(result.all().contains(SECRET), "password printed: " + result);
  }

  @Test
  void wrongPasswordNamesTheUser() {
    PasswordRole.ensure();
    String url = "jdbc:postgresql://localhost:" + SharedPostgres.server().getPort() + "/postgres";

    Cli.Result wrong = plinth("info", "--locations", BASIC, "--url", url,
        "--user", PasswordRole.NAME, "--password", SECRET);

    assertOneLineConnectionError(wrong, "[PLN622] PostgreSQL at localhost:" + SharedPostgres.server().getPort()
        + " rejected the password for user 'plinth_pw'.");
    assertFalse(wrong.all().contains(SECRET), "password printed: " + wrong);

    Cli.Result right = Cli.run(Map.of("DATABASE_URL", url, "DATABASE_USER", PasswordRole.NAME,
        "DATABASE_PASSWORD", PasswordRole.PASSWORD), workingDirectory, "info", "--locations", BASIC);
    assertEquals(0, right.exitCode(), "the right password works: " + right);
    assertFalse(right.all().contains(PasswordRole.PASSWORD), "password printed: " + right);
  }

  @Test
  void aMissingPasswordSaysWhereToSetIt() {
    PasswordRole.ensure();
    String url = "jdbc:postgresql://localhost:" + SharedPostgres.server().getPort() + "/postgres";

    Cli.Result result = plinth("info", "--locations", BASIC, "--url", url, "--user", PasswordRole.NAME);

    assertOneLineConnectionError(result, "[PLN646] PostgreSQL at localhost:" + SharedPostgres.server().getPort()
        + " asks user 'plinth_pw' for a password, and none was given (the URL came from --url). Set DATABASE_PASSWORD"
        + " (in the environment or .env), or put it in the URL as postgres://user:password@host/db (percent-encoded).");
  }

  @Test
  void unknownRoleIsRefused() {
    String url = "jdbc:postgresql://localhost:" + SharedPostgres.server().getPort() + "/postgres?user=nobody_here";

    Cli.Result result = plinth("info", "--locations", BASIC, "--url", url);

    assertOneLineConnectionError(result, "[PLN623] PostgreSQL at localhost:" + SharedPostgres.server().getPort()
        + " refused user 'nobody_here': role \"nobody_here\" does not exist.");
  }

  @Test
  void missingDatabaseIsNamedWithHowToCreateIt() {
    int port = SharedPostgres.server().getPort();
    Cli.Result result = Cli.run(Map.of("DATABASE_URL", "postgresql://postgres@localhost:" + port + "/no_such_db"),
        workingDirectory, "migrate", "--locations", BASIC);

    assertOneLineConnectionError(result, "[PLN624] Database 'no_such_db' does not exist on localhost:" + port
        + ". Create it (createdb -h localhost -p " + port + " -U postgres no_such_db, or CREATE DATABASE no_such_db;)"
        + " or fix the database name in DATABASE_URL.");
  }
}
