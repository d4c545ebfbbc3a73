package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Domains: the golden migrations of creating them with the columns that use them (also as an
 * array), then changing them in place (default, NOT NULL, checks added, dropped and renamed,
 * comment), renaming one, adding one in another schema and dropping one with its last column; and
 * the errors of their declarations.
 */
class DomainsGenerationTest {
  @TempDir Path project;

  private Path migrations() {
    return project.resolve("db");
  }

  @Test
  void domainsWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations(), ProcessorRun.schema("domains"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations(), ProcessorRun.schema("domains-evolved"));

    assertThat(evolved).succeeded();
    Path golden = Path.of("src/test/resources/golden/domains");
    if (System.getenv("PLINTH_UPDATE_GOLDEN") != null) {
      for (Map.Entry<String, String> file : ProcessorRun.files(migrations()).entrySet()) {
        Files.createDirectories(golden.resolve(file.getKey()).getParent());
        Files.writeString(golden.resolve(file.getKey()), file.getValue());
      }
    }
    assertEquals(ProcessorRun.files(golden), ProcessorRun.files(migrations()));
  }

  @Test
  void compilingAgainWritesNothingNew() {
    assertThat(ProcessorRun.compile(migrations(), ProcessorRun.schema("domains"))).succeeded();
    Map<String, String> first = ProcessorRun.files(migrations());

    assertThat(ProcessorRun.compile(migrations(), ProcessorRun.schema("domains"))).succeeded();
    assertEquals(first, ProcessorRun.files(migrations()));
  }

  @Test
  void aBaseTypeChangedUnderColumnsIsRefusedWithTheWayOut() {
    assertThat(ProcessorRun.compile(migrations(), List.of(domains("text"), customer()))).succeeded();
    Map<String, String> committed = ProcessorRun.files(migrations());

    Compilation compilation = ProcessorRun.compile(migrations(), List.of(domains("varchar(320)"), customer()));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN442] Domain public.email_address: its base type"
        + " changes from text to character varying(320), which PostgreSQL cannot alter in place, and"
        + " columns use it (public.customer.email). Declare a domain of another name with the new base"
        + " type, move the columns to it").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("type = \"varchar(320)\"");
    assertEquals(committed, ProcessorRun.files(migrations()), "nothing is written");
  }

  @Test
  void twoChecksOfOneNameAreReported() {
    Compilation compilation = ProcessorRun.compile(migrations(), List.of(source("shop.Domains", """
        package shop;

        import dev.plinth.annotations.Check;
        import dev.plinth.annotations.Domain;

        @Domain(name = "quantity", type = "integer", checks = {
            @Check(name = "quantity_ok", value = "VALUE > 0"),
            @Check(name = "quantity_ok", value = "VALUE < 10")})
        public interface Domains {}
        """)));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN441] Domain public.quantity has two checks named"
        + " 'quantity_ok'").inFile(compilation.sourceFiles().get(0)).onLineContaining("VALUE < 10");
  }

  private static JavaFileObject domains(String type) {
    return source("shop.Domains", """
        package shop;

        import dev.plinth.annotations.Domain;

        @Domain(name = "email_address",
            type = "%s")
        public interface Domains {}
        """.formatted(type));
  }

  private static JavaFileObject customer() {
    return source("shop.Customer", """
        package shop;

        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;

        @Table
        public record Customer(@Id long id, @Column(type = "email_address") String email) {}
        """);
  }

  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }
}
