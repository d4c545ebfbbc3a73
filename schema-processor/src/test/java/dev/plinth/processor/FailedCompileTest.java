package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.plinth.processor.seed.SeedSetProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compilation that fails writes nothing to the migrations folder. */
class FailedCompileTest {
  @TempDir Path migrations;

  @Test
  void aTableWithMoreColumnsThanPostgresqlAllowsIsAnErrorAndNothingIsWritten() {
    JavaFileObject source = record("Big", "@Id long id, " + ints(1700));

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN110] Table public.big has 1701 columns, but"
        + " PostgreSQL allows at most 1600 in a table. Move some of them to another @Table record"
        + " that references this one (@References).").inFile(source).onLine(4);
    assertEquals(1, compilation.errors().size(), "no \"too many parameters\" after it: "
        + compilation.errors());
    assertEquals(Map.of(), ProcessorRun.files(migrations));
  }

  @Test
  void aRecordWithMoreComponentsThanTheJvmAllowsIsAnErrorAndNothingIsWritten() {
    JavaFileObject source = record("Wide", "@Id long id, " + ints(253));

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN111] Record Wide has 254 components, which take"
        + " 255 constructor parameter slots (long and double take two), but the JVM allows at most"
        + " 254, so javac cannot compile it. Move some of them to another @Table record that"
        + " references this one (@References).").inFile(source).onLine(4);
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    assertEquals(Map.of(), ProcessorRun.files(migrations));
  }

  @Test
  void aRecordAtTheJvmLimitCompiles() {
    Compilation compilation = ProcessorRun.compile(migrations,
        List.of(record("Widest", "@Id long id, " + ints(252))));

    assertThat(compilation).succeeded();
  }

  @Test
  void anErrorOfAnotherProcessorMeansNothingIsWritten() {
    JavaFileObject account = record("Account", "@Id long id, String email");
    JavaFileObject seedSet = JavaFileObjects.forSourceString("app.Accounts", """
        package app;
        import dev.plinth.seed.SeedSet;
        import dev.plinth.seed.SeedSource;
        @SeedSet(env = {})
        public final class Accounts implements SeedSource<Seeds> {
          public void seed(Seeds db) {
            db.account().insert("ada@example.com");
          }
        }
        """);

    Compilation compilation = javac().withProcessors(new PlinthProcessor(), new SeedSetProcessor())
        .withOptions("-Aplinth.migrations=" + migrations).compile(account, seedSet);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN502] @SeedSet on Accounts names no environment.")
        .inFile(seedSet).onLine(4);
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    assertThat(compilation).hadNoteContaining("[PLN203] Plinth wrote nothing to the migrations"
        + " folder because the compilation has errors. Fix them and compile again to write the"
        + " migration.");
    assertEquals(Map.of(), ProcessorRun.files(migrations));
  }

  private static JavaFileObject record(String name, String components) {
    return JavaFileObjects.forSourceString("app." + name, """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record %s(%s) {}
        """.formatted(name, components));
  }

  private static String ints(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "int c" + i).collect(Collectors.joining(", "));
  }
}
