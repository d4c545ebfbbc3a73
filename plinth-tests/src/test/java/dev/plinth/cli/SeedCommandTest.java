package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.processor.PlinthProcessor;
import dev.plinth.processor.seed.SeedSetProcessor;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth seed}: the example schema's seed sets through the CLI. */
class SeedCommandTest {

  @TempDir
  Path workingDirectory;

  private Cli.Result plinth(String... args) {
    return Cli.run(Map.of(), workingDirectory, args);
  }

  @Test
  void seedingTwiceLeavesTheSameRows() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("seed_cli");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl()).exitCode());

    Cli.Result first = plinth("seed", "--env", "test", "--url", db.jdbcUrl());
    long rows = rowCount(db);
    Cli.Result second = plinth("seed", "--env", "test", "--url", db.jdbcUrl());

    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(rows > 0, "the test seed sets insert rows");
    assertEquals(rows, rowCount(db), "a second run inserts nothing new");
    assertTrue(second.out().contains(" 0 row(s) inserted"), second::toString);
  }

  @Test
  void anUnknownEnvironmentIsOneClearLine() {
    TestDatabase db = SharedPostgres.newDatabase("seed_cli_unknown");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl()).exitCode());

    Cli.Result result = plinth("seed", "--env", "nope", "--url", db.jdbcUrl());

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN749] No seed set belongs to environment 'nope'; nothing was seeded."
        + " The seed sets found belong to: dev, test. Use one of those, or tag a seed set with"
        + " @SeedSet(env = \"nope\")."), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
  }

  /** Seeding a database that was never migrated says to migrate it first. */
  @Test
  void seedingAnUnmigratedDatabaseSaysToMigrateFirst() {
    TestDatabase db = SharedPostgres.newDatabase("seed_cli_unmigrated");

    Cli.Result result = plinth("seed", "--env", "test", "--url", db.jdbcUrl());

    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN740] Seeding failed and was rolled back, no row was left"), result::toString);
    assertTrue(result.err().contains("does not exist") && result.err().contains(
        "The database lacks a table the seed sets fill: migrate it first (plinth migrate), then seed."), result::toString);
  }

  /**
   * {@code plinth seed} run as a process in a project folder, its class path without the project:
   * the seed sets are found in the project's {@code target/classes}, as Maven compiled them.
   */
  @Test
  void aProjectsSeedSetsAreFoundInItsCompiledClasses() throws Exception {
    Path sources = Files.createDirectories(workingDirectory.resolve("src/main/java/shop/seed"));
    Files.writeString(sources.getParent().resolve("Item.java"), """
        package shop;

        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;

        @Table
        public record Item(@Id long id, String name) {}
        """);
    Files.writeString(sources.resolve("Items.java"), """
        package shop.seed;

        import dev.plinth.seed.SeedSet;
        import dev.plinth.seed.SeedSource;
        import shop.Seeds;

        @SeedSet(env = "dev")
        public final class Items implements SeedSource<Seeds> {
          @Override
          public void seed(Seeds db) {
            db.item().insert(1L, "spoon");
            db.item().insert(2L, "fork");
          }
        }
        """);
    Path db = workingDirectory.resolve("src/main/resources/db");
    Path classes = Files.createDirectories(workingDirectory.resolve("target/classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
        "-processor", PlinthProcessor.class.getName() + "," + SeedSetProcessor.class.getName(),
        "-Aplinth.migrations=" + db));
    try (Stream<Path> files = Files.walk(workingDirectory.resolve("src/main/java"))) {
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
    }
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
    TestDatabase database = SharedPostgres.newDatabase("seed_cli_project");
    // This JVM's class path holds the example's seed sets; the process gets it without them.
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("migrations-app")).collect(Collectors.joining(File.pathSeparator));
    assertEquals(0, process(classPath, "migrate", "--url", database.jdbcUrl()).exitCode());

    Cli.Result seeded = process(classPath, "seed", "--env", "dev", "--url", database.jdbcUrl());
    Cli.Result otherEnv = process(classPath, "seed", "--env", "test", "--url", database.jdbcUrl());
    Files.move(classes, workingDirectory.resolve("elsewhere"));
    Cli.Result notCompiled = process(classPath, "seed", "--env", "dev", "--url", database.jdbcUrl());
    Cli.Result given = process(classPath, "seed", "--env", "dev", "--classes", "elsewhere", "--url", database.jdbcUrl());

    assertEquals(0, seeded.exitCode(), seeded::toString);
    assertEquals("fork,spoon", Sql.queryString(database, "SELECT string_agg(name, ',' ORDER BY name) FROM item"));
    assertEquals(2, otherEnv.exitCode(), otherEnv::toString);
    assertTrue(otherEnv.err().contains("The seed sets found belong to: dev."), otherEnv::toString);
    assertEquals(2, notCompiled.exitCode(), notCompiled::toString);
    assertTrue(notCompiled.err().contains("No seed set was found at all on the class path: compile the project"
        + " first"), notCompiled::toString);
    assertEquals(0, given.exitCode(), given::toString);
    assertTrue(given.out().contains(" 0 row(s) inserted"), "the rows were there already: " + given);
  }

  private Cli.Result process(String classPath, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, PlinthCommand.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workingDirectory, "out", ".txt");
    Path err = Files.createTempFile(workingDirectory, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("DATABASE_URL");
    return Cli.finish(builder.start(), out, err);
  }

  private static long rowCount(TestDatabase db) throws SQLException {
    long total = 0;
    try (Connection connection = db.connect(); Statement st = connection.createStatement()) {
      for (String table : new String[] {"organization", "\"user\"", "membership", "form", "form_version",
          "submission", "audit_event"}) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }
}
