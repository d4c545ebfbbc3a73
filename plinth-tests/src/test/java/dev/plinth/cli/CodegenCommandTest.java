package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth codegen}: jOOQ classes that a typed query compiles against and runs with. */
class CodegenCommandTest {

  private static final String QUERY = """
      package app;

      import static com.example.db.Tables.ORDERS;
      import static com.example.db.Tables.USERS;

      import java.sql.Connection;
      import org.jooq.DSLContext;
      import org.jooq.SQLDialect;
      import org.jooq.impl.DSL;

      public final class Query {
        public static int run(Connection connection) {
          DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
          Long id = db.insertInto(USERS, USERS.EMAIL).values("ada@example.com").returning(USERS.ID).fetchOne(USERS.ID);
          db.insertInto(ORDERS, ORDERS.USER_ID).values(id).execute();
          return db.selectCount().from(ORDERS).join(USERS).on(ORDERS.USER_ID.eq(USERS.ID))
              .where(USERS.EMAIL.eq("ada@example.com")).fetchOne(0, int.class);
        }
      }
      """;

  @TempDir
  Path workingDirectory;

  @Test
  void generatedClassesCompileAndRunATypedQuery() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("codegen");

    Cli.Result result = Cli.run(Map.of(), workingDirectory, "codegen", "--package", "com.example.db",
        "--directory", "generated", "--url", db.jdbcUrl(), "--locations", "classpath:fixtures/basic/db/migration");

    assertEquals(0, result.exitCode(), result::toString);
    Path generated = workingDirectory.resolve("generated");
    assertTrue(result.out().matches("Generated \\d+ jOOQ source files for schema public version 3 in "
        + java.util.regex.Pattern.quote(generated.toString()) + " \\(package com.example.db\\)\\.\n"), result::toString);
    assertTrue(Files.isRegularFile(generated.resolve("com/example/db/tables/Users.java")));
    try (Stream<Path> files = Files.walk(generated)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().toLowerCase().contains("flyway")),
          "the history table is left out");
    }

    Path source = workingDirectory.resolve("src/app/Query.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, QUERY);
    Path classes = workingDirectory.resolve("classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
        System.getProperty("java.class.path"), "-proc:none", source.toString()));
    try (Stream<Path> files = Files.walk(generated)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    int code = javac.run(null, null, null, args.toArray(String[]::new));
    assertEquals(0, code, diagnostics::toString);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        Connection connection = db.connect()) {
      Object count = loader.loadClass("app.Query").getMethod("run", Connection.class).invoke(null, connection);
      assertEquals(1, count);
    }
  }
}
