package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EXECUTE} grants on functions through javac: the golden migrations of functions created
 * with grants, one with PostgreSQL's default, then a function created again (its arguments
 * changed) with its grants, grants added to and taken from kept functions, and the errors of a
 * {@code @Grant(function = ...)}.
 */
class FunctionGrantsGenerationTest {
  @TempDir Path project;

  /** The migrations folder at {@code db} under a resources folder, as in a Maven project. */
  private Path migrations() {
    return project.resolve("resources/db");
  }

  @BeforeEach
  void bodies() throws IOException {
    Path fn = project.resolve("resources/fn");
    Files.createDirectories(fn);
    Files.writeString(fn.resolve("one.sql"), "SELECT 1\n");
  }

  @Test
  void functionGrantsWriteTheGoldenMigrations() throws IOException {
    ProcessorRun.copyResources(project, "function-grants");
    Compilation first = ProcessorRun.compile(migrations(), ProcessorRun.schema("function-grants"));
    assertThat(first).succeeded();
    ProcessorRun.copyResources(project, "function-grants-evolved");
    Compilation evolved = ProcessorRun.compile(migrations(),
        ProcessorRun.schema("function-grants-evolved"));

    assertThat(evolved).succeeded();
    assertEquals(List.of(), warnings(first), "a @Grant(function) on a plain class is read");
    assertEquals(List.of(), warnings(evolved));
    ProcessorRun.assertGolden(migrations(), "function-grants");
  }

  @Test
  void compilingTheSameGrantsAgainWritesNothingNew() throws IOException {
    ProcessorRun.copyResources(project, "function-grants");
    assertThat(ProcessorRun.compile(migrations(), ProcessorRun.schema("function-grants")))
        .succeeded();
    Map<String, String> first = ProcessorRun.files(migrations());

    Compilation again = ProcessorRun.compile(migrations(), ProcessorRun.schema("function-grants"),
        "-Aplinth.check=true");

    assertThat(again).succeeded();
    assertEquals(first, ProcessorRun.files(migrations()));
  }

  @Test
  void grantingExecuteToPublicAloneIsTheDefaultAndChangesNothing() throws IOException {
    assertThat(ProcessorRun.compile(migrations(), List.of(source("shop.Fns", """
        package shop;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;

        @Function(name = "one", resource = "fn/one.sql", returns = "integer", language = "sql")
        @Table
        public record Fns(@Id long id) {}
        """)))).succeeded();
    Map<String, String> first = ProcessorRun.files(migrations());

    Compilation again = ProcessorRun.compile(migrations(), List.of(source("shop.Fns", """
        package shop;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Privilege;
        import dev.plinth.annotations.Table;

        @Function(name = "one", resource = "fn/one.sql", returns = "integer", language = "sql")
        @Grant(to = "PUBLIC", privileges = Privilege.EXECUTE, function = "one")
        @Table
        public record Fns(@Id long id) {}
        """)), "-Aplinth.check=true");

    assertThat(again).succeeded();
    assertEquals(first, ProcessorRun.files(migrations()));
  }

  @Test
  void aGrantOfAFunctionTheTypeDoesNotDeclareIsReported() {
    assertError("""
        package shop;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Privilege;
        import dev.plinth.annotations.Role;

        @Role("app")
        @Function(name = "one", resource = "fn/one.sql", returns = "integer", language = "sql")
        @Grant(to = "app", privileges = Privilege.EXECUTE,
            function = "onee")
        public final class Fns {}
        """, "function = \"onee\"", "[PLN445] @Grant(to = \"app\", function = \"onee\") on Fns"
        + " names a function that no @Function of Fns declares (it declares public.one). Put the"
        + " @Grant on the type whose @Function declares the function, or name one that this type"
        + " declares.");
  }

  @Test
  void aGrantOfAFunctionOnATableWithoutFunctionsIsReported() {
    assertError("""
        package shop;

        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Privilege;
        import dev.plinth.annotations.Role;
        import dev.plinth.annotations.Table;

        @Role("app")
        @Table
        @Grant(to = "app", privileges = Privilege.EXECUTE,
            function = "one")
        public record Fns(@Id long id) {}
        """, "function = \"one\"", "[PLN445] @Grant(to = \"app\", function = \"one\") on Fns names"
        + " a function that no @Function of Fns declares (it declares none). Put the @Grant on the"
        + " type whose @Function declares the function, or name one that this type declares.");
  }

  @Test
  void aPrivilegeOtherThanExecuteOnAFunctionIsReported() {
    assertError("""
        package shop;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Privilege;
        import dev.plinth.annotations.Role;

        @Role("app")
        @Function(name = "one", resource = "fn/one.sql", returns = "integer", language = "sql")
        @Grant(to = "app", function = "one",
            privileges = {Privilege.EXECUTE, Privilege.SELECT})
        public final class Fns {}
        """, "privileges = {Privilege.EXECUTE", "[PLN446] @Grant(to = \"app\", function = \"one\")"
        + " on Fns gives SELECT, which a function cannot have: a function takes EXECUTE only."
        + " Write privileges = Privilege.EXECUTE.");
  }

  @Test
  void executeOnATableIsReported() {
    assertError("""
        package shop;

        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Privilege;
        import dev.plinth.annotations.Role;
        import dev.plinth.annotations.Table;

        @Role("app")
        @Table
        @Grant(to = "app",
            privileges = Privilege.EXECUTE)
        public record Fns(@Id long id) {}
        """, "privileges = Privilege.EXECUTE", "[PLN444] @Grant(to = \"app\") on Fns gives EXECUTE"
        + " on the record, which it cannot have there. A table or view takes SELECT, INSERT,"
        + " UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER; a sequence (sequence = \"...\", on a"
        + " @Table record only) takes USAGE, SELECT, UPDATE; a function (function = \"...\") takes"
        + " EXECUTE. Remove it, or write a @Grant for the sequence or function.");
  }

  @Test
  void aGrantOnASequenceAndAFunctionIsReported() {
    assertError("""
        package shop;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Privilege;
        import dev.plinth.annotations.Role;
        import dev.plinth.annotations.Serial;
        import dev.plinth.annotations.Table;

        @Role("app")
        @Table
        @Function(name = "one", resource = "fn/one.sql", returns = "integer", language = "sql")
        @Grant(to = "app", privileges = Privilege.EXECUTE, function = "one",
            sequence = "fns_id_seq")
        public record Fns(@Id @Serial long id) {}
        """, "sequence = \"fns_id_seq\"", "[PLN447] @Grant(to = \"app\") on Fns names both"
        + " sequence = \"fns_id_seq\" and function = \"one\", but a @Grant is on one object. Write"
        + " one @Grant for the sequence and another for the function.");
  }

  @Test
  void aFunctionNameDeclaredInTwoSchemasNeedsItsSchema() {
    assertError("""
        package shop;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Privilege;
        import dev.plinth.annotations.Role;

        @Role("app")
        @Function(name = "one", resource = "fn/one.sql", returns = "integer", language = "sql")
        @Function(name = "one", schema = "billing", resource = "fn/one.sql", returns = "integer",
            language = "sql")
        @Grant(to = "app", privileges = Privilege.EXECUTE, function = "billing.one")
        @Grant(to = "app", privileges = Privilege.EXECUTE,
            function = "one")
        public final class Fns {}
        """, "public final class Fns", "[PLN448] @Grant(to = \"app\", function = \"one\") on Fns could"
        + " mean public.one and billing.one. Name the function with its schema, such as function ="
        + " \"public.one\".");
  }

  @Test
  void aFunctionGrantToAnUndeclaredRoleIsReported() {
    assertError("""
        package shop;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Privilege;

        @Function(name = "one", resource = "fn/one.sql", returns = "integer", language = "sql")
        @Grant(privileges = Privilege.EXECUTE, function = "one",
            to = "nobody")
        public final class Fns {}
        """, "to = \"nobody\"", "[PLN390] @Grant on function public.one names role 'nobody', which"
        + " no @Role declares. Add @Role(\"nobody\") to package-info.java or to a record of the"
        + " schema (the migration creates the role when the cluster lacks it), or name a declared"
        + " role.");
  }

  @Test
  void twoGrantsOfAFunctionToOneRoleAreReported() {
    assertError("""
        package shop;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Privilege;
        import dev.plinth.annotations.Role;

        @Role("app")
        @Function(name = "one", resource = "fn/one.sql", returns = "integer", language = "sql")
        @Grant(to = "app", privileges = Privilege.EXECUTE, function = "one")
        @Grant(privileges = Privilege.EXECUTE, function = "one",
            to = "app")
        public final class Fns {}
        """, "public final class Fns", "[PLN397] function public.one has two @Grant(to = \"app\"). Write"
        + " one @Grant per role, with all its privileges.");
  }

  /**
   * Compiling {@code text} fails with exactly {@code message}, on the line holding {@code at}
   * (javac places an error on the second of two repeated annotations on the type they annotate).
   */
  private void assertError(String text, String at, String message) {
    JavaFileObject source = source("shop.Fns", text);
    Compilation compilation = ProcessorRun.compile(migrations(), List.of(source));

    assertThat(compilation).failed();
    assertEquals(List.of(message), compilation.errors().stream()
        .map(d -> d.getMessage(Locale.ROOT)).toList());
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(at);
  }

  private static List<String> warnings(Compilation compilation) {
    return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }
}
