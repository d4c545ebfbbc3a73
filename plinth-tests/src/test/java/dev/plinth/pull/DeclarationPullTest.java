package dev.plinth.pull;

import static dev.plinth.runner.testing.PullProof.plinth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.BaselineResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PullResult;
import dev.plinth.runner.testing.PullProof;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.pull.Unsupported;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pull} of domains, sequences of their own and extensions: the records declare them
 * ({@code @Domain} on an interface {@code Domains}, used by columns as
 * {@code @Column(type = "email_address")}, arrays too; {@code @Sequence} on the record whose
 * default takes values from it, or on {@code package-info}; {@code @Extension} on
 * {@code package-info}, but for the extensions the columns' types need), no hand-written migration
 * is needed, and the proof holds. What the records cannot declare stays in the hand-written
 * migration, each with its reason.
 */
class DeclarationPullTest {
  @TempDir Path project;

  static final String DECLARATIONS = """
      CREATE EXTENSION citext;
      CREATE EXTENSION pg_trgm;
      CREATE SCHEMA billing;
      CREATE DOMAIN email_address AS varchar(320) COLLATE "C" DEFAULT 'nobody@example.com' NOT NULL
        CONSTRAINT email_address_at CHECK (VALUE LIKE '%@%') CHECK (char_length(VALUE) > 3);
      COMMENT ON DOMAIN email_address IS 'An e-mail address';
      CREATE DOMAIN billing.amount AS numeric(12,2) CONSTRAINT amount_check CHECK (VALUE >= 0);
      CREATE DOMAIN tag AS text;
      CREATE SEQUENCE order_no AS integer START WITH 1000 INCREMENT BY 5 MINVALUE 10 MAXVALUE 99999 CACHE 20 CYCLE;
      CREATE SEQUENCE billing.invoice_no INCREMENT BY -1;
      CREATE SEQUENCE spare AS smallint START 7;
      COMMENT ON SEQUENCE spare IS 'Kept for later';
      CREATE TABLE customer (
        id bigint PRIMARY KEY,
        name text NOT NULL,
        email email_address,
        other_emails email_address[] NOT NULL DEFAULT '{}',
        tags tag[],
        nickname citext,
        number integer NOT NULL DEFAULT nextval('order_no')
      );
      CREATE INDEX customer_name_trgm_idx ON customer USING gin (name gin_trgm_ops);
      CREATE SEQUENCE customer_ref OWNED BY customer.id;
      CREATE TABLE billing.invoice (
        id bigint PRIMARY KEY DEFAULT nextval('billing.invoice_no'),
        total billing.amount NOT NULL,
        customer_email email_address
      );
      SELECT nextval('order_no'), nextval('order_no'), nextval('billing.invoice_no'), nextval('spare');
      """;

  @Test
  void domainsSequencesAndExtensionsArePulledAsDeclarations() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_declarations");
    Sql.execute(original, DECLARATIONS);

    PullResult result = PullProof.prove(original, project);

    assertEquals(List.of("column public.customer.nickname: type citext has no Java type in Plinth's mapping;"
        + " written as @Column(type = \"citext\") String"),
        result.unsupported().stream().map(Unsupported::text).toList());
    assertFalse(Files.exists(project.resolve("db/migration/V2__not_modelled.sql")),
        "nothing is left to a hand-written migration");
    Path sources = project.resolve("src/com/example/db");
    assertEquals("""
        package com.example.db;

        import dev.plinth.annotations.Check;
        import dev.plinth.annotations.Domain;

        /** PostgreSQL domains: columns name them with {@code @Column(type = ...)}. */
        @Domain(name = "email_address", type = "character varying(320)", notNull = true,\
         defaultValue = "'nobody@example.com'::character varying", checks = {@Check(name = "email_address_at",\
         value = "((VALUE)::text ~~ '%@%'::text)"), @Check("(char_length((VALUE)::text) > 3)")}, collation = "C",\
         comment = "An e-mail address")
        @Domain(name = "tag", type = "text")
        public interface Domains {}
        """, Files.readString(sources.resolve("Domains.java")));
    assertTrue(Files.readString(sources.resolve("billing/Domains.java")).contains(
        "@Domain(name = \"amount\", schema = \"billing\", type = \"numeric(12,2)\","
            + " checks = @Check(\"(VALUE >= (0)::numeric)\"))\n"));
    String customer = Files.readString(sources.resolve("Customer.java"));
    assertTrue(customer.contains("@Sequence(name = \"order_no\", type = \"integer\", start = 1000, increment = 5,"
        + " minValue = 10, maxValue = 99999, cache = 20, cycle = true)\npublic record Customer("), customer);
    assertTrue(customer.contains("    @Nullable @Column(type = \"email_address\") String email,\n"), customer);
    assertTrue(customer.contains("    @Column(type = \"email_address[]\") @Default(\"'{}'::email_address[]\")"
        + " List<String> otherEmails,\n"), customer);
    assertTrue(customer.contains("    @Nullable @Column(type = \"tag[]\") List<String> tags,\n"), customer);
    assertTrue(customer.contains("    @Default(\"nextval('order_no'::regclass)\") int number) {}\n"), customer);
    String invoice = Files.readString(sources.resolve("billing/Invoice.java"));
    assertTrue(invoice.contains("@Sequence(name = \"invoice_no\", schema = \"billing\", increment = -1)\n"), invoice);
    assertTrue(invoice.contains("    @Column(type = \"billing.amount\") BigDecimal total,\n"), invoice);
    // The first table's package declares the schema-wide objects; citext is not declared: the
    // nickname column's type needs it, and the baseline creates it for that.
    assertEquals("""
        @DbSchema(name = "billing")
        @Extension("pg_trgm")
        package com.example.db.billing;

        import dev.plinth.annotations.DbSchema;
        import dev.plinth.annotations.Extension;
        """, Files.readString(sources.resolve("billing/package-info.java")));
    assertEquals("""
        /** Sequences of their own. */
        @Sequence(name = "customer_ref", ownedBy = "customer.id")
        @Sequence(name = "spare", type = "smallint", start = 7, comment = "Kept for later")
        package com.example.db;

        import dev.plinth.annotations.Sequence;
        """, Files.readString(sources.resolve("package-info.java")));

    // The rebuilt database has them as the original has them.
    TestDatabase fresh = SharedPostgres.newDatabase("pull_declarations_rebuilt");
    assertEquals(1, plinth(fresh, project.resolve("db")).migrate().applied().size());
    assertEquals(declarations(original), declarations(fresh));
    assertEquals(PullProof.definitions(original), PullProof.definitions(fresh));
    assertEquals(List.of(), plinth(fresh, project.resolve("db")).verify().differences());
  }

  /**
   * What {@code @Domain} and {@code @Sequence} cannot declare: a domain over an enum type of the
   * database (the baseline creates enum types after domains), an unlogged sequence (PostgreSQL 15
   * and later have them).
   */
  @Test
  void whatTheRecordsCannotDeclareStaysInTheHandWrittenMigrationWithItsReason() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_undeclarable");
    Sql.execute(original, """
        CREATE SCHEMA billing;
        CREATE TYPE mood AS ENUM ('happy', 'sad');
        CREATE DOMAIN good_mood AS mood CONSTRAINT good_mood_not_sad CHECK (VALUE <> 'sad');
        CREATE DOMAIN note AS text CHECK (VALUE <> '');
        CREATE TABLE billing.invoice (id bigint PRIMARY KEY);
        CREATE TABLE visit (id bigint PRIMARY KEY, feeling good_mood, notes note[]);
        """);
    boolean unlogged = PullProof.majorVersion(original) >= 15;
    if (unlogged) {
      Sql.execute(original, "CREATE UNLOGGED SEQUENCE audit_no START 3");
    }
    Path sources = project.resolve("src");
    Path db = project.resolve("db");

    PullResult result = plinth(original, null).pull(sources, "app", db);

    List<String> expected = new ArrayList<>(List.of(
        "column public.visit.feeling: type mood has no Java type in Plinth's mapping; written as"
            + " @Column(type = \"mood\") String",
        "type public.good_mood: a domain that uses type mood, which the baseline creates after the domains; the"
            + " records do not declare it: the hand-written migration after the baseline creates it"));
    if (unlogged) {
      expected.add(1, "sequence public.audit_no: an unlogged sequence, which @Sequence cannot say; the records do"
          + " not declare it: the hand-written migration after the baseline creates it");
    }
    assertEquals(expected, result.unsupported().stream().map(Unsupported::text).toList());
    String visit = Files.readString(sources.resolve("app/Visit.java"));
    assertTrue(visit.contains("    @Nullable @Column(type = \"note[]\") List<String> notes) {}\n"), visit);
    String notModelled = Files.readString(db.resolve("migration/V2__not_modelled.sql"));
    assertTrue(notModelled.contains("\nCREATE DOMAIN public.good_mood AS mood CONSTRAINT good_mood_not_sad"
        + " CHECK ((VALUE <> 'sad'::mood));\n"), notModelled);
    assertTrue(notModelled.contains("\nALTER TABLE public.visit ALTER COLUMN feeling TYPE public.good_mood;\n"),
        notModelled);
    assertEquals(unlogged, notModelled.contains("\nCREATE UNLOGGED SEQUENCE public.audit_no AS bigint INCREMENT BY 1"
        + " MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 3 CACHE 1 NO CYCLE;\n"), notModelled);
    assertFalse(notModelled.contains("public.note"), "the records declare the domain note: " + notModelled);

    PullProof.compile(project, sources, db, true, PullProof.majorVersion(original));
    assertEquals(List.of(), CommittedFiles.check(new MigrationsFolder(db)));
    Map<String, String> before = PullProof.contents(db);
    PullProof.compile(project, sources, db, false, PullProof.majorVersion(original));
    assertEquals(before, PullProof.contents(db), "an ordinary compile generates no further migration");

    TestDatabase fresh = SharedPostgres.newDatabase("pull_undeclarable_rebuilt");
    Plinth freshPlinth = plinth(fresh, db);
    assertEquals(2, freshPlinth.migrate().applied().size());
    assertEquals(List.of(), freshPlinth.verify().differences());
    assertEquals(declarations(original), declarations(fresh));
    assertEquals(PullProof.definitions(original), PullProof.definitions(fresh));

    Plinth originalPlinth = plinth(original, db);
    assertEquals(new BaselineResult("2", true, false, List.of()), originalPlinth.baseline(Optional.empty(), false));
    assertEquals(List.of(), originalPlinth.verify().differences());
  }

  /**
   * The domains (base type, collation, default, NOT NULL, checks, comment), the sequences (type,
   * options, owner, comment; not their positions) and the extensions (schema, version) as
   * pg_catalog has them, one sorted line each.
   */
  private static List<String> declarations(TestDatabase db) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection connection = db.connect(); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("""
            SELECT line FROM (
              SELECT 'domain ' || t.oid::regtype || ' ' || format_type(t.typbasetype, t.typtypmod)
                     || ' collate ' || coalesce(co.collname, '-') || ' not null ' || t.typnotnull
                     || ' default ' || coalesce(t.typdefault, '-')
                     || ' comment ' || coalesce(obj_description(t.oid, 'pg_type'), '-')
                     || ' checks ' || coalesce((SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), ', '
                                                                  ORDER BY c.conname)
                                                FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '-')
                     AS line
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
              LEFT JOIN pg_collation co ON co.oid = t.typcollation AND t.typcollation <> 100
              WHERE t.typtype = 'd' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              UNION ALL
              SELECT 'sequence ' || c.oid::regclass || ' ' || format_type(s.seqtypid, NULL) || ' start ' || s.seqstart
                     || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
                     || ' cache ' || s.seqcache || ' cycle ' || s.seqcycle
                     || ' owned by ' || coalesce((SELECT d.refobjid::regclass || '.' || a.attname FROM pg_depend d
                          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')), '-')
                     || ' comment ' || coalesce(obj_description(c.oid, 'pg_class'), '-')
              FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
              UNION ALL
              SELECT 'extension ' || e.extname || ' schema ' || e.extnamespace::regnamespace || ' version ' || e.extversion
              FROM pg_extension e
            ) declarations ORDER BY line COLLATE "C"
            """)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }
}
