package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
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
    ProcessorRun.assertGolden(migrations(), "domains");
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
  void aCheckOrNotNullAddedUnderAnArrayColumnIsRefused() {
    assertThat(ProcessorRun.compile(migrations(), List.of(codes(""), order("codes"))))
        .succeeded();
    Map<String, String> committed = ProcessorRun.files(migrations());

    Compilation added = ProcessorRun.compile(migrations(),
        List.of(codes("notNull = true, checks = @Check(name = \"code_short\", value = \"length(VALUE) < 5\"),"),
            order("codes")));

    assertThat(added).failed();
    assertThat(added).hadErrorContaining("[PLN449] Domain public.code: NOT NULL and check 'code_short' are"
        + " added, while public.purchase.codes holds an array of it. PostgreSQL cannot add a domain's NOT"
        + " NULL or check while a column holds an array of the domain (ALTER DOMAIN fails: cannot alter"
        + " type because the column uses it), so the migration would fail. Retype public.purchase.codes to"
        + " text[] in a migration of its own, change the domain in the next, and retype it back in a later"
        + " one").inFile(added.sourceFiles().get(0)).onLineContaining("type = \"text\"");
    assertEquals(committed, ProcessorRun.files(migrations()), "nothing is written");
  }

  @Test
  void aCheckDroppedUnderAnArrayColumnIsRefusedForTheRollback() {
    assertThat(ProcessorRun.compile(migrations(), List.of(codes(CHECK), order("codes")))).succeeded();

    Compilation dropped = ProcessorRun.compile(migrations(), List.of(codes(""), order("codes")));

    assertThat(dropped).failed();
    assertThat(dropped).hadErrorContaining("[PLN449] Domain public.code: check 'code_short' is dropped"
        + " (the rollback adds it back), while public.purchase.codes holds an array of it.");
    assertThat(dropped).hadErrorContaining("so its rollback would fail.");
  }

  @Test
  void aCheckAddedWhereOnlyScalarColumnsUseTheDomainIsAccepted() {
    assertThat(ProcessorRun.compile(migrations(), List.of(codes(""), order("main")))).succeeded();

    // PostgreSQL validates the check against the scalar columns of the domain.
    Compilation added = ProcessorRun.compile(migrations(), List.of(codes(CHECK), order("main")));
    assertThat(added).succeeded();
    assertTrue(ProcessorRun.files(migrations()).values().stream().anyMatch(sql -> sql.contains(
        "ALTER DOMAIN \"public\".\"code\" VALIDATE CONSTRAINT \"code_short\";")), "the check is added");
    assertThat(added).hadWarningContaining("[PLN324] Domain public.code gets check 'code_short': PostgreSQL"
        + " checks every value of every column that uses the domain");
  }

  @Test
  void aCheckAddedToADomainIsAcknowledgedOnARecordThatUsesIt() {
    assertThat(ProcessorRun.compile(migrations(), List.of(codes(""), order("main")))).succeeded();

    JavaFileObject acknowledged = source("shop.Purchase", """
        package shop;

        import dev.plinth.annotations.Acknowledge;
        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;

        @Table
        @Acknowledge("PLN324")
        public record Purchase(@Id long id, @Column(type = "code") String main) {}
        """);
    Compilation added = ProcessorRun.compile(migrations(), List.of(codes(CHECK + " notNull = true,"), acknowledged));
    assertThat(added).succeeded();
    assertTrue(added.warnings().stream().noneMatch(w -> w.getMessage(null).contains("PLN324")),
        "acknowledged: " + added.warnings());
  }

  @Test
  void aCheckRenamedUnderAnArrayColumnIsAccepted() {
    assertThat(ProcessorRun.compile(migrations(), List.of(codes(CHECK), order("codes")))).succeeded();

    // Renaming a constraint validates nothing: PostgreSQL allows it, and the reverse.
    assertThat(ProcessorRun.compile(migrations(), List.of(codes(CHECK.replace("code_short", "code_len")),
        order("codes")))).succeeded();
    assertTrue(ProcessorRun.files(migrations()).values().stream().anyMatch(sql -> sql.contains(
        "RENAME CONSTRAINT \"code_short\" TO \"code_len\";")), "the check is renamed");
  }

  @Test
  void aColumnOfADomainThatRefusesNullAddedToAnExistingTableNeedsADefault() {
    assertThat(ProcessorRun.compile(migrations(), List.of(codes("notNull = true,"), purchase("")))).succeeded();

    Compilation added = ProcessorRun.compile(migrations(), List.of(codes("notNull = true,"),
        purchase(", @Column(type = \"code\") @Nullable String main, @Column(type = \"code[]\") @Nullable String[] codes")));
    assertThat(added).failed();
    assertThat(added).hadErrorContaining("[PLN325] New column 'main' of existing table public.purchase has type"
        + " \"public\".\"code\", a domain that refuses NULL and has no default").inFile(added.sourceFiles().get(1))
        .onLineContaining("String main");
    assertThat(added).hadErrorContaining("add the column as the domain's base type (text)");
    assertTrue(added.errors().stream().noneMatch(e -> e.getMessage(null).contains("'codes'")),
        "an array of the domain takes NULL: " + added.errors());

    Compilation withDefault = ProcessorRun.compile(migrations(), List.of(codes("notNull = true,"),
        purchase(", @Column(type = \"code\") @Nullable @Default(\"'none'\") String main")));
    assertThat(withDefault).succeeded();
  }

  /** The table {@code purchase} with an id and {@code more} components. */
  private static JavaFileObject purchase(String more) {
    return source("shop.Purchase", """
        package shop;

        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.Default;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Nullable;
        import dev.plinth.annotations.Table;

        @Table
        public record Purchase(@Id long id%s) {}
        """.formatted(more));
  }

  private static final String CHECK = "checks = @Check(name = \"code_short\", value = \"length(VALUE) < 5\"),";

  /** A domain {@code code} over text, with {@code more} attributes. */
  private static JavaFileObject codes(String more) {
    return source("shop.Domains", """
        package shop;

        import dev.plinth.annotations.Check;
        import dev.plinth.annotations.Domain;

        @Domain(name = "code", %s
            type = "text")
        public interface Domains {}
        """.formatted(more));
  }

  /** A table with a column of the domain {@code code}: an array of it ({@code codes}), or one ({@code main}). */
  private static JavaFileObject order(String column) {
    return source("shop.Purchase", """
        package shop;

        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Nullable;
        import dev.plinth.annotations.Table;

        @Table
        public record Purchase(@Id long id, %s) {}
        """.formatted(column.equals("codes") ? "@Column(type = \"code[]\") @Nullable String[] codes"
            : "@Column(type = \"code\") String main"));
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
