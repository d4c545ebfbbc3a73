package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Backfill} end to end: records compiled by javac with Plinth's processor, migrated,
 * rolled back and migrated again by the CLI on PostgreSQL. The NULL rows are filled (more than one
 * batch of them), the column is NOT NULL; rolling back sets exactly those rows back to NULL and
 * leaves the others as they were.
 */
class BackfillDatabaseTest {
  private static final String V1 = """
      package app;
      import dev.plinth.annotations.*;
      @Table
      record Account(@Id long id, @Nullable String nickname) {}
      """;
  private static final String V2 = """
      package app;
      import dev.plinth.annotations.*;
      @Table
      record Account(@Id long id, @Backfill("'anon-' || id") String nickname) {}
      """;
  private static final String FIRST_ROWS =
      "SELECT string_agg(id || '=' || coalesce(nickname, '-'), ',' ORDER BY id) FROM account WHERE id <= 5";
  private static final String NULLS = "SELECT count(*) FROM account WHERE nickname IS NULL";
  private static final String NOT_NULL =
      "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'account'::regclass AND attname = 'nickname'";

  @TempDir
  Path workingDirectory;

  @Test
  void backfilledRowsAreFilledAndEmptiedAgainByRollingBack() throws IOException {
    Path db = workingDirectory.resolve("db");
    compile(V1, db);
    TestDatabase database = SharedPostgres.newDatabase("backfill");
    assertEquals(0, plinth(database, db, "migrate").exitCode());
    Sql.execute(database, "INSERT INTO account VALUES (1, 'ann'), (2, NULL), (3, 'anon-3'), (4, NULL), (5, 'eve')");
    // More NULL rows than one batch (10000) fills.
    Sql.execute(database, "INSERT INTO account SELECT n, NULL FROM generate_series(6, 25005) AS n");
    compile(V2, db);

    Cli.Result migrate = plinth(database, db, "migrate");

    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertEquals("1=ann,2=anon-2,3=anon-3,4=anon-4,5=eve", Sql.queryString(database, FIRST_ROWS));
    assertEquals("0", Sql.queryString(database, NULLS));
    assertEquals("anon-25005", Sql.queryString(database, "SELECT nickname FROM account WHERE id = 25005"));
    assertEquals("t", Sql.queryString(database, NOT_NULL));
    assertEquals(0, plinth(database, db, "verify").exitCode());

    Cli.Result rollback = plinth(database, db, "rollback", "--steps", "1");

    assertEquals(0, rollback.exitCode(), rollback::toString);
    assertEquals("1=ann,2=-,3=anon-3,4=-,5=eve", Sql.queryString(database, FIRST_ROWS));
    assertEquals("25002", Sql.queryString(database, NULLS));
    assertEquals("f", Sql.queryString(database, NOT_NULL));
    assertFalse(Sql.exists(database, "plinth_backup_v2_public.\"account.nickname.backfilled\""));
    assertEquals(0, plinth(database, db, "verify").exitCode());

    Cli.Result again = plinth(database, db, "migrate");

    assertEquals(0, again.exitCode(), again::toString);
    assertEquals("1=ann,2=anon-2,3=anon-3,4=anon-4,5=eve", Sql.queryString(database, FIRST_ROWS));
    assertEquals("0", Sql.queryString(database, NULLS));
    assertEquals("t", Sql.queryString(database, NOT_NULL));
  }

  /** Compiles {@code source} with javac and Plinth's processor into the migrations folder. */
  private void compile(String source, Path migrations) throws IOException {
    Path sources = Files.createDirectories(workingDirectory.resolve("src/app"));
    Path file = Files.writeString(sources.resolve("Account.java"), source);
    Path classes = Files.createDirectories(workingDirectory.resolve("classes"));
    List<String> args = List.of("-d", classes.toString(), "-encoding", "UTF-8",
        "-classpath", System.getProperty("java.class.path"),
        "-processor", "dev.plinth.processor.PlinthProcessor",
        "-Aplinth.migrations=" + migrations, file.toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int code = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertEquals(0, code, diagnostics.toString(StandardCharsets.UTF_8));
  }

  private Cli.Result plinth(TestDatabase db, Path folder, String... args) {
    return Cli.onDatabase(workingDirectory, db, folder, args);
  }
}
