package dev.plinth.schema.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.schema.model.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pulled domains, sequences and extensions: how a column names its domain, which sequences a
 * default takes values from, and what the sources say of them, including what they cannot say.
 */
class DeclarationSourcesTest {
  private static QualifiedName name(String schema, String name) {
    return new QualifiedName(schema, name);
  }

  @Test
  void aColumnNamesItsDomainAsTheProcessorReadsItBack() {
    assertEquals(Optional.of("email_address"), DeclarationSources.columnType(name("public", "email_address")));
    assertEquals(Optional.of("billing.amount"), DeclarationSources.columnType(name("billing", "amount")));
    assertEquals(Optional.of("Email"), DeclarationSources.columnType(name("public", "Email")));
    // A dot, a quote, white space at the ends, a built-in type's spelling: read back as something else.
    assertEquals(Optional.empty(), DeclarationSources.columnType(name("public", "a.b")));
    assertEquals(Optional.empty(), DeclarationSources.columnType(name("my.schema", "amount")));
    assertEquals(Optional.empty(), DeclarationSources.columnType(name("public", "say \"hi\"")));
    assertEquals(Optional.empty(), DeclarationSources.columnType(name("public", " padded")));
    assertEquals(Optional.empty(), DeclarationSources.columnType(name("public", "Text")));
    assertEquals(Optional.empty(), DeclarationSources.columnType(name("public", "int4")));
  }

  @Test
  void aDefaultTakesValuesFromTheSequencesItsNextvalNames() {
    assertEquals(Optional.of(List.of()), DeclarationSources.sequencesOf(null));
    assertEquals(Optional.of(List.of()), DeclarationSources.sequencesOf("now()"));
    assertEquals(Optional.of(List.of(name("public", "order_no"))),
        DeclarationSources.sequencesOf("nextval('order_no'::regclass)"));
    assertEquals(Optional.of(List.of(name("billing", "Order No"), name("public", "it's"))),
        DeclarationSources.sequencesOf("(nextval('billing.\"Order No\"'::regclass) + nextval('\"it''s\"'::regclass))"));
    // Looked up when the default is evaluated: not a sequence the records can name.
    assertEquals(Optional.empty(), DeclarationSources.sequencesOf("nextval(('order_no'::text)::regclass)"));
  }

  @Test
  void domainsSequencesAndExtensionsAreDeclaredAndTheColumnsNameTheirDomains() {
    Domain email = new Domain(name("public", "email_address"), "", "text", true, null, List.of(
        new CheckConstraint("email_address_check", "(VALUE ~~ '%@%'::text)"),
        new CheckConstraint("email_address_check1", "(length(VALUE) > 3)"),
        new CheckConstraint("email_address_check3", "(VALUE <> 'x'::text)")), null, null, null);
    Domain dotted = new Domain(name("public", "a.b"), "", "integer", false, null, List.of(), null, null, null);
    Table domains = new Table(name("public", "domains"), "", null, List.of(
        new Column("id", "bigint", null, false, "nextval('order_no'::regclass)", Identity.NONE, null, null),
        new Column("emails", "\"public\".\"email_address\"[]", null, true, null, Identity.NONE, null, null),
        new Column("n", "\"public\".\"a.b\"", null, false, null, Identity.NONE, null, null)),
        new PrimaryKey("domains_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
    Schema live = new Schema(List.of(domains), List.of()).withDomains(List.of(email, dotted))
        .withSequences(List.of(new StandaloneSequence(name("public", "order_no"), "integer",
            new Sequence(null, 1000L, 1L, 1L, 2147483647L, 20L, false), null, " Numbers ", "", null)))
        .withDeclaredExtensions(List.of(new Extension("pg_trgm", null, null, ""),
            new Extension("postgis", "gis", "3.4.0", "")));

    RecordSources.Result result = RecordSources.render(live, "app");

    assertEquals("""
        package app;

        import dev.plinth.annotations.Check;
        import dev.plinth.annotations.Domain;

        /** PostgreSQL domains: columns name them with {@code @Column(type = ...)}. */
        @Domain(name = "email_address", type = "text", notNull = true, checks = {@Check("(VALUE ~~ '%@%'::text)"),\
         @Check("(length(VALUE) > 3)"), @Check(name = "email_address_check3", value = "(VALUE <> 'x'::text)")})
        public interface Domains2 {}
        """, result.files().get("app/Domains2.java"));
    assertEquals("""
        package app;

        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.Default;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Nullable;
        import dev.plinth.annotations.Sequence;
        import dev.plinth.annotations.Table;
        import java.util.List;

        @Table
        @Sequence(name = "order_no", type = "integer", start = 1000, cache = 20, comment = "Numbers")
        public record Domains(
            @Id @Default("nextval('order_no'::regclass)") long id,
            @Nullable @Column(type = "email_address[]") List<String> emails,
            int n) {}
        """, result.files().get("app/Domains.java"));
    assertEquals("""
        /** The extensions the database has. */
        @Extension("pg_trgm")
        @Extension(value = "postgis", schema = "gis", version = "3.4.0")
        package app;

        import dev.plinth.annotations.Extension;
        """, result.files().get("app/package-info.java"));
    assertEquals(List.of(
        "sequence public.order_no: its comment starts or ends with white space, which @Sequence(comment) trims;"
            + " written as \"Numbers\"",
        "type public.a.b: @Column(type = ...) cannot name it (a dot, quote or white space in its name, or the"
            + " spelling of a built-in type); its columns are written with its base type integer, and the"
            + " hand-written migration after the baseline creates it and gives it back to them"),
        result.unsupported().stream().map(Unsupported::text).toList());
    Schema records = result.schema();
    assertEquals(List.of(name("public", "email_address")), records.domains().stream().map(Domain::name).toList());
    assertEquals("app.Domains2", records.domains().get(0).javaClass());
    assertEquals("app.Domains", records.sequences().get(0).declaredBy());
    assertEquals(List.of("app", "app"), records.declaredExtensions().stream().map(Extension::declaredBy).toList());
    assertEquals("integer", records.table(name("public", "domains")).orElseThrow().column("n").orElseThrow().type());
    assertTrue(DeclaredObjects.declares(records, Unsupported.Reason.NOT_MODELLED.of("type public.email_address", "x")));
    assertTrue(DeclaredObjects.declares(records, "column-default", "public.domains.id"));
  }

  @Test
  void anExtensionTheColumnsNeedIsNotDeclaredAgain() {
    Table handle = new Table(name("public", "handle"), "", null, List.of(
        new Column("name", "citext", null, false, null, Identity.NONE, null, null)),
        null, List.of(), List.of(), List.of(), List.of(), null);
    Schema live = new Schema(List.of(handle), List.of())
        .withDeclaredExtensions(List.of(new Extension("citext", null, null, "")));

    RecordSources.Result result = RecordSources.render(live, "app");

    assertEquals(List.of(), result.schema().declaredExtensions());
    assertEquals(List.of("app/Handle.java"), List.copyOf(result.files().keySet()));
    assertTrue(DeclaredObjects.declares(result.schema(), "extension", "citext"),
        "the baseline creates it for the column");
  }
}
