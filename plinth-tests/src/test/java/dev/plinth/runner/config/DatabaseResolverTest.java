package dev.plinth.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseResolver.ResolvedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseResolverTest {

  @TempDir
  Path workingDirectory;

  private static final Map<String, String> ENV = Map.of(
      "DATABASE_URL", "postgres://env_user@env-host:5433/env_db",
      "DATABASE_PASSWORD", "env-secret");

  private void writeDotEnv(String... lines) throws IOException {
    Files.write(workingDirectory.resolve(".env"), List.of(lines));
  }

  private ResolvedDatabase resolve(Map<String, String> env, String url, String user, String password) {
    return new DatabaseResolver(env, workingDirectory).resolve(url, user, password).orElseThrow();
  }

  @Test
  void flagsWinOverEnvironmentAndDotEnv() throws IOException {
    writeDotEnv("DATABASE_URL=postgres://file@file-host/file_db");

    ResolvedDatabase db = resolve(ENV, "jdbc:postgresql://flag-host:6000/flag_db", "flag_user", "flag-secret");

    assertEquals("jdbc:postgresql://flag-host:6000/flag_db", db.url().jdbcUrl());
    assertEquals(Optional.of("flag_user"), db.user());
    assertEquals(Optional.of("flag-secret"), db.password());
    assertEquals("--url", db.origin());
  }

  @Test
  void aUrlGivenElsewhereIsNamedAsGivenInMessages() {
    DatabaseResolver resolver = new DatabaseResolver(ENV, workingDirectory);

    ResolvedDatabase db = resolver.resolve("postgres://a@host/app", "<url> (or -Dplinth.url)", null, null).orElseThrow();
    PlinthException e = assertThrows(PlinthException.class,
        () -> resolver.resolve("mysql://host/app", "<url> (or -Dplinth.url)", null, null));

    assertEquals("<url> (or -Dplinth.url)", db.origin());
    assertTrue(e.getMessage().startsWith("[PLN600] <url> (or -Dplinth.url) is not a PostgreSQL URL"), e.getMessage());
  }

  @Test
  void environmentWinsOverDotEnv() throws IOException {
    writeDotEnv("DATABASE_URL=postgres://file@file-host/file_db");

    ResolvedDatabase db = resolve(ENV, null, null, null);

    assertEquals("jdbc:postgresql://env-host:5433/env_db", db.url().jdbcUrl());
    assertEquals(Optional.of("env_user"), db.user());
    assertEquals(Optional.of("env-secret"), db.password());
    assertEquals("DATABASE_URL", db.origin());
  }

  @Test
  void dotEnvIsUsedWhenNothingElseIsSet() throws IOException {
    writeDotEnv(
        "# local database",
        "",
        "export DATABASE_URL=\"postgresql://localhost:5432/app\"  ",
        "DATABASE_USER='dev'",
        "DATABASE_PASSWORD=dev-secret # not part of the value");

    ResolvedDatabase db = resolve(Map.of("DATABASE_URL", ""), null, null, null);

    assertEquals("jdbc:postgresql://localhost:5432/app", db.url().jdbcUrl());
    assertEquals(Optional.of("dev"), db.user());
    assertEquals(Optional.of("dev-secret"), db.password());
    assertEquals("DATABASE_URL in " + workingDirectory.resolve(".env"), db.origin());
  }

  @Test
  void userFlagOverridesTheSourcesUser() {
    ResolvedDatabase db = resolve(ENV, null, "other", null);

    assertEquals(Optional.of("other"), db.user());
    assertEquals(Optional.of("env-secret"), db.password());
  }

  @Test
  void nothingConfiguredMeansEmbedded() {
    assertEquals(Optional.empty(), new DatabaseResolver(Map.of(), workingDirectory).resolve(null, null, null));
  }

  @Test
  void badDotEnvLineIsReportedWithItsNumber() throws IOException {
    writeDotEnv("# ok", "DATABASE_URL postgres://x");

    PlinthException e = assertThrows(PlinthException.class,
        () -> new DatabaseResolver(Map.of(), workingDirectory).resolve(null, null, null));

    assertEquals(Message.DOTENV_BAD_LINE, e.catalogueEntry());
    assertEquals("[PLN603] Line 2 of " + workingDirectory.resolve(".env")
        + " is not KEY=VALUE. Fix or remove it (comments start with #).", e.getMessage());
  }

  /** A quote left open would make the quote part of the password; said, with the line, never the value. */
  @Test
  void aQuoteLeftOpenInDotEnvIsReportedWithoutTheValue() throws IOException {
    writeDotEnv("DATABASE_URL=postgres://app@localhost/app", "DATABASE_PASSWORD=\"Hunter2secret");

    PlinthException e = assertThrows(PlinthException.class,
        () -> new DatabaseResolver(Map.of(), workingDirectory).resolve(null, null, null));

    assertEquals("[PLN639] Line 2 of " + workingDirectory.resolve(".env") + ": the value of DATABASE_PASSWORD opens"
        + " a quote (\") that the line does not close. Close it on the same line (a value cannot span lines).",
        e.getMessage());
  }

  @Test
  void aDotEnvThatIsNotTextSaysSo() throws IOException {
    Files.write(workingDirectory.resolve(".env"), new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28, '\n'});

    PlinthException e = assertThrows(PlinthException.class,
        () -> new DatabaseResolver(Map.of(), workingDirectory).resolve(null, null, null));

    assertEquals("[PLN604] Cannot read " + workingDirectory.resolve(".env") + ": it is not UTF-8 text. Make it a"
        + " text file (UTF-8) its user can read, or remove it.", e.getMessage());
  }

  @Test
  void libpqUrlIsConvertedAndCredentialsTakenOut() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://ada:p%40ss%2Fw0rd@db.example.com:6543/forms?sslmode=require",
        "DATABASE_URL");

    assertEquals("jdbc:postgresql://db.example.com:6543/forms?sslmode=require", url.jdbcUrl());
    assertEquals("db.example.com", url.host());
    assertEquals(6543, url.port());
    assertEquals("forms", url.database());
    assertEquals(Optional.of("ada"), url.user());
    assertEquals(Optional.of("p@ss/w0rd"), url.password());
    assertEquals(url.jdbcUrl(), url.toString());
  }

  @Test
  void jdbcUrlLosesItsPasswordParameter() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/app?user=ada&password=hunter2&ssl=false", "--url");

    assertEquals("jdbc:postgresql://localhost:5432/app?ssl=false", url.jdbcUrl());
    assertEquals(Optional.of("ada"), url.user());
    assertEquals(Optional.of("hunter2"), url.password());
  }

  @Test
  void ipv6HostKeepsItsBrackets() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://[::1]:5439/app", "--url");

    assertEquals("jdbc:postgresql://[::1]:5439/app", url.jdbcUrl());
  }

  @Test
  void wrongSchemeSaysWhatToSetWithoutEchoingTheUrl() {
    PlinthException e = assertThrows(PlinthException.class,
        () -> DatabaseUrl.parse("mysql://root:hunter2@localhost/app", "DATABASE_URL"));

    assertEquals("[PLN600] DATABASE_URL is not a PostgreSQL URL: it starts with 'mysql://'. Set it to"
        + " jdbc:postgresql://host:5432/database or postgres://user@host:5432/database.", e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void urlWithoutSchemeIsRejectedWithoutEchoingIt() {
    PlinthException e = assertThrows(PlinthException.class,
        () -> DatabaseUrl.parse("root:hunter2@localhost/app", "--url"));

    assertTrue(e.getMessage().startsWith("[PLN600] --url is not a PostgreSQL URL: it has no scheme."),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void badPortIsReportedWithoutShowingIt() {
    PlinthException e = assertThrows(PlinthException.class,
        () -> DatabaseUrl.parse("postgres://localhost:99999/app", "DATABASE_URL"));

    assertEquals(Message.URL_BAD_PORT, e.catalogueEntry());
    assertTrue(e.getMessage().startsWith("[PLN601] DATABASE_URL has an invalid port"), e.getMessage());
    assertFalse(e.getMessage().contains("99999"), e.getMessage());
  }

  /** A password with a reserved character, not percent-encoded, splits the URL in the wrong place. */
  @Test
  void aPasswordReadAsThePortIsNeverShown() {
    Map<String, List<String>> secrets = Map.of(
        "postgres://app:Hunter2/Secret@localhost:5432/appdb", List.of("Hunter2", "Secret"),
        "postgres://app:S3cr3t-p@ss:w/rd#x@localhost/appdb", List.of("S3cr3t", "ss:w", "rd#x"),
        "postgres://app:123456/x@db/app", List.of("123456"));
    secrets.forEach((url, parts) -> {
      PlinthException e = assertThrows(PlinthException.class, () -> DatabaseUrl.parse(url, "DATABASE_URL"), url);

      assertEquals(Message.URL_BAD_PORT, e.catalogueEntry(), url);
      parts.forEach(part -> assertFalse(e.getMessage().contains(part), part + " shown: " + e.getMessage()));
      assertTrue(e.getMessage().contains("must be percent-encoded (@ is %40"), e.getMessage());
    });
  }

  /** As libpq reads it: the user info ends at the last '@' before the path, '?' and '#' included. */
  @Test
  void aQuestionMarkInAPasswordIsNotTheQuery() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:Hunter2?Se#cret@localhost:56180/appdb?sslmode=disable", "DATABASE_URL");

    assertEquals(Optional.of("app"), url.user());
    assertEquals(Optional.of("Hunter2?Se#cret"), url.password());
    assertEquals("jdbc:postgresql://localhost:56180/appdb?sslmode=disable", url.jdbcUrl());
    assertEquals(Optional.of("q@x"), DatabaseUrl.parse("postgres://host/app?user=q@x", "DATABASE_URL").user(),
        "an '@' after the path is the query's");
  }

  /** A variable that did not expand must not send a deployment to a throwaway embedded database. */
  @Test
  void anEmptyUrlInTheEnvironmentOrOnTheCommandLineIsAnError() throws IOException {
    PlinthException env = assertThrows(PlinthException.class, () -> new DatabaseResolver(
        Map.of("DATABASE_URL", " ", "DATABASE_PASSWORD", "s3cret"), workingDirectory).resolve(null, null, null));
    PlinthException flag = assertThrows(PlinthException.class,
        () -> new DatabaseResolver(Map.of(), workingDirectory).resolve("", null, null));
    writeDotEnv("DATABASE_URL=", "DATABASE_USER=app");
    PlinthException dotEnv = assertThrows(PlinthException.class,
        () -> new DatabaseResolver(Map.of(), workingDirectory).resolve(null, null, null));

    assertEquals("[PLN637] DATABASE_URL is set but empty in the environment, which also sets DATABASE_PASSWORD."
        + " Nothing was done. Set it to the database's URL, e.g. postgres://user@host:5432/app; to use the embedded"
        + " PostgreSQL instead, unset all three (DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD).", env.getMessage());
    assertFalse(env.getMessage().contains("s3cret"));
    assertEquals(Message.URL_EMPTY, flag.catalogueEntry());
    assertTrue(flag.getMessage().startsWith("[PLN637] --url is set but empty in the command line."), flag.getMessage());
    assertTrue(dotEnv.getMessage().contains("which also sets DATABASE_USER"), dotEnv.getMessage());
  }

  /**
   * Alone, an empty URL is how tools unset a variable (a build tool cannot remove one), or a
   * template's blank line: no server, the embedded one.
   */
  @Test
  void anEmptyUrlAloneMeansEmbedded() throws IOException {
    writeDotEnv("DATABASE_URL=", "PLINTH_LOCATIONS=");

    assertEquals(Optional.empty(), new DatabaseResolver(Map.of(), workingDirectory).resolve(null, null, null));
    assertEquals(Optional.empty(), new DatabaseResolver(Map.of("DATABASE_URL", "", "DATABASE_USER", "",
        "DATABASE_PASSWORD", ""), workingDirectory).resolve(null, null, null));
  }

  @Test
  void runnerConfigNeverShowsThePassword() {
    RunnerConfig config = RunnerConfig.builder().url("postgres://ada:hunter2@localhost/app").build();

    assertEquals(Optional.of("hunter2"), config.password());
    assertFalse(config.toString().contains("hunter2"), config.toString());
    assertFalse(resolve(ENV, null, null, null).toString().contains("env-secret"));
  }

  @Test
  void urlFlagTakesThePasswordFromTheEnvironment() {
    ResolvedDatabase db = resolve(Map.of("DATABASE_PASSWORD", "env-secret", "DATABASE_USER", "env_user"),
        "postgres://flag-host/app", null, null);

    assertEquals(Optional.of("env_user"), db.user());
    assertEquals(Optional.of("env-secret"), db.password());
  }

  @Test
  void urlFlagTakesThePasswordFromDotEnv() throws IOException {
    writeDotEnv("DATABASE_PASSWORD=file-secret");

    ResolvedDatabase db = resolve(Map.of(), "postgres://someone@flag-host/app", null, null);

    assertEquals(Optional.of("someone"), db.user());
    assertEquals(Optional.of("file-secret"), db.password());
  }

  @Test
  void locationsComeFromFlagThenEnvironmentThenDotEnvThenTheProjectFolder() throws IOException {
    DatabaseResolver none = new DatabaseResolver(Map.of(), workingDirectory);
    assertEquals(List.of("classpath:db/migration"), none.resolveLocations(null));

    Files.createDirectories(workingDirectory.resolve("src/main/resources/db/migration"));
    assertEquals(List.of("filesystem:src/main/resources/db/migration"), none.resolveLocations(List.of()));

    writeDotEnv("PLINTH_LOCATIONS=filesystem:from-file/db/migration");
    assertEquals(List.of("filesystem:from-file/db/migration"), none.resolveLocations(null));

    DatabaseResolver env = new DatabaseResolver(
        Map.of("PLINTH_LOCATIONS", " classpath:a/db/migration , filesystem:b/db/migration "), workingDirectory);
    assertEquals(List.of("classpath:a/db/migration", "filesystem:b/db/migration"), env.resolveLocations(null));
    assertEquals(List.of("classpath:flag"), env.resolveLocations(List.of("classpath:flag")));
  }

  @Test
  void dotEnvWithAByteOrderMarkIsRead() throws IOException {
    Files.writeString(workingDirectory.resolve(".env"), "\uFEFFDATABASE_URL=postgres://bom@bom-host/bom_db\n");

    ResolvedDatabase db = resolve(Map.of(), null, null, null);

    assertEquals("jdbc:postgresql://bom-host:5432/bom_db", db.url().jdbcUrl());
  }
}
