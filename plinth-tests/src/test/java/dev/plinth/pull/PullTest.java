package dev.plinth.pull;

import static dev.plinth.runner.testing.PullProof.catalog;
import static dev.plinth.runner.testing.PullProof.contents;
import static dev.plinth.runner.testing.PullProof.plinth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plinth.runner.BaselineResult;
import dev.plinth.runner.InfoResult;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.PullResult;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.VerifyResult;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.PullProof;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.History;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.pull.BaselineFiles;
import dev.plinth.schema.pull.Unsupported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Adopting an existing database: {@code pull} turns a hand-made schema into records and a baseline
 * migration that the real processor accepts as they are (check mode passes, no V2 appears), the
 * baseline migration rebuilds the same catalog on an empty database, and {@code baseline} records
 * the original database as being at that version, so that migrate has nothing to do, unless it
 * has drifted.
 */
class PullTest {
  private static final String HISTORY = PullProof.HISTORY;

  /** Several schemas, foreign keys with a cycle, enums, all kinds of index, checks, defaults, identities, comments, reserved words. */
  static final String REALISTIC = """
      CREATE SCHEMA billing;
      COMMENT ON SCHEMA billing IS 'Invoices and what customers owe';
      CREATE TYPE account_status AS ENUM ('active', 'suspended', 'closed');
      CREATE TYPE billing.invoice_state AS ENUM ('draft', 'sent', 'paid');

      CREATE TABLE organization (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name character varying(200) NOT NULL CONSTRAINT organization_name_check CHECK (char_length(name) > 0),
        slug text NOT NULL UNIQUE,
        status account_status NOT NULL DEFAULT 'active',
        owner_id uuid,
        created_at timestamp with time zone NOT NULL DEFAULT now(),
        settings jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      COMMENT ON TABLE organization IS 'A customer organization.';
      COMMENT ON COLUMN organization.slug IS 'URL-safe name, unique; see C:\\orgs\\*.';

      CREATE TABLE "user" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id bigint NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        email character varying(320) NOT NULL,
        display_name text,
        "order" integer NOT NULL DEFAULT 0,
        "class" text,
        "externalId" text,
        tags text[] NOT NULL DEFAULT '{}',
        last_seen timestamp without time zone,
        birthday date,
        wakes_at time without time zone,
        balance numeric(12,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
        score double precision,
        ratio real,
        avatar bytea,
        active boolean NOT NULL DEFAULT true,
        login_count smallint NOT NULL DEFAULT 0,
        ip inet
      );
      ALTER TABLE organization ADD FOREIGN KEY (owner_id) REFERENCES "user" (id) ON DELETE SET NULL;
      CREATE UNIQUE INDEX user_lower_email_idx ON "user" (lower(email));
      CREATE INDEX user_active_idx ON "user" (organization_id, last_seen DESC) WHERE active;
      CREATE INDEX user_tags_idx ON "user" USING gin (tags);
      COMMENT ON COLUMN "user".email IS 'Sign-in address.';

      CREATE TABLE "group" (
        organization_id bigint NOT NULL REFERENCES organization (id),
        name text NOT NULL,
        PRIMARY KEY (organization_id, name)
      );
      CREATE TABLE membership (
        user_id uuid NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
        organization_id bigint NOT NULL,
        group_name text NOT NULL,
        role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
        PRIMARY KEY (user_id, organization_id, group_name),
        FOREIGN KEY (organization_id, group_name) REFERENCES "group" (organization_id, name) ON UPDATE CASCADE
      );

      CREATE TABLE billing.invoice (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        organization_id bigint NOT NULL REFERENCES public.organization (id),
        number text NOT NULL,
        state billing.invoice_state NOT NULL DEFAULT 'draft',
        states_seen billing.invoice_state[],
        total numeric NOT NULL CHECK (total >= 0),
        due_on date NOT NULL,
        issued_at timestamp(3) with time zone,
        UNIQUE (organization_id, number)
      );
      COMMENT ON TABLE billing.invoice IS 'An invoice sent to an organization.';
      CREATE INDEX invoice_open_due_on_idx ON billing.invoice (due_on) INCLUDE (total) WHERE state <> 'paid';

      CREATE TABLE billing.invoice_line (
        invoice_id integer NOT NULL REFERENCES billing.invoice (id) ON DELETE CASCADE,
        line_no integer NOT NULL,
        description text NOT NULL,
        amount numeric(10,2) NOT NULL,
        PRIMARY KEY (invoice_id, line_no)
      );
      CREATE INDEX invoice_line_description_idx ON billing.invoice_line (description text_pattern_ops);

      CREATE TABLE "index" (
        code character varying(12) NOT NULL,
        a_b text NOT NULL,
        a__b jsonb,
        "wait" smallint,
        CONSTRAINT index_code_a_b UNIQUE (code, a_b)
      );
      CREATE TABLE billing.slot (
        index_code character varying(12) NOT NULL,
        index_a_b text NOT NULL,
        FOREIGN KEY (index_code, index_a_b) REFERENCES "index" (code, a_b) ON DELETE CASCADE
      );
      """;

  @TempDir
  Path project;

  @Test
  void realisticSchemaIsPulledCompiledRebuiltAndBaselined() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_original");
    Sql.execute(original, REALISTIC);

    // A project that has no migrations yet: pull needs no migration location.
    Cli.Result pulled = Cli.run(Map.of("PLINTH_LOCATIONS", "filesystem:no-migrations-yet"), project, "pull",
        "--package", "com.example.db", "--url", original.jdbcUrl());

    assertEquals(0, pulled.exitCode(), pulled::toString);
    Path sources = project.resolve("src/main/java");
    Path db = project.resolve("src/main/resources/db");
    assertEquals("""
        Pulled 8 tables and 2 enum types into 11 source files under %s (package com.example.db), and the baseline\
         migration V1 into %s.
        1 thing the records cannot say as it is; review each (the baseline migration does not create it as it is\
         in the database):
          column billing.invoice.issued_at: type timestamp(3) with time zone has no Java type in Plinth's mapping;\
         written as @Column(type = "timestamp(3) with time zone") OffsetDateTime
        Next: review the records, compile them (no new migration appears), then run `plinth baseline` on this\
         database to record it as being at version 1.
        """.formatted(sources, db), pulled.out());
    assertEquals(List.of("com/example/db/AccountStatus.java", "com/example/db/Group.java",
        "com/example/db/IndexRecord.java", "com/example/db/Membership.java", "com/example/db/Organization.java",
        "com/example/db/User.java", "com/example/db/billing/Invoice.java", "com/example/db/billing/InvoiceLine.java",
        "com/example/db/billing/InvoiceState.java", "com/example/db/billing/Slot.java",
        "com/example/db/billing/package-info.java"), relativeFiles(sources));
    assertEquals("""
        /**
         * Invoices and what customers owe
         */
        @DbSchema(name = "billing")
        package com.example.db.billing;

        import dev.plinth.annotations.DbSchema;
        """, Files.readString(sources.resolve("com/example/db/billing/package-info.java")));
    assertEquals("""
        package com.example.db.billing;

        import dev.plinth.annotations.Column;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Index;
        import dev.plinth.annotations.References;
        import dev.plinth.annotations.ReferentialAction;
        import dev.plinth.annotations.Table;
        import java.math.BigDecimal;

        @Table(schema = "billing")
        @Index(columns = "description text_pattern_ops")
        public record InvoiceLine(
            @Id @References(value = Invoice.class, onDelete = ReferentialAction.CASCADE) int invoiceId,
            @Id int lineNo,
            String description,
            @Column(precision = 10, scale = 2) BigDecimal amount) {}
        """, Files.readString(sources.resolve("com/example/db/billing/InvoiceLine.java")));
    assertTrue(Files.readString(sources.resolve("com/example/db/billing/Slot.java")).contains(
        "@ForeignKey(columns = {\"indexCode\", \"indexAB\"}, references = com.example.db.IndexRecord.class,"
            + " referencedColumns = {\"code\", \"a_b\"}, onDelete = ReferentialAction.CASCADE)\n"));
    assertTrue(Files.readString(sources.resolve("com/example/db/IndexRecord.java")).contains(
        "@Table(name = \"index\")\n@Unique(columns = {\"code\", \"aB\"}, name = \"index_code_a_b\")\n"));
    String user = Files.readString(sources.resolve("com/example/db/User.java"));
    assertTrue(user.contains(" * @param email Sign-in address.\n"), user);
    assertTrue(user.contains("    @Nullable @Column(name = \"class\") String class_,\n"), user);
    assertTrue(user.contains("    @Nullable @Column(name = \"externalId\") String externalId,\n"), user);
    assertTrue(user.contains("    @Default(\"0\") int order,\n"), user);
    assertTrue(user.contains("    @Nullable InetAddress ip) {}"), user);
    assertTrue(user.contains("@Index(columns = \"lower(email::text)\", unique = true, name = \"user_lower_email_idx\")\n"), user);
    String organization = Files.readString(sources.resolve("com/example/db/Organization.java"));
    assertTrue(organization.contains(" * @param slug URL-safe name, unique; see C:\\u005corgs\\u005c*.\n"), organization);
    assertTrue(organization.contains("@Id @Identity(always = true) long id,"), organization);
    assertEquals(List.of("HEAD", "migration/V1__baseline.sql", "plinth.sum", "rollback/U1__baseline.sql",
        "schema/V1__baseline.json"), relativeFiles(db));

    // The records compile with the real processor, which finds them exactly committed ...
    compile(sources, db, true);
    assertEquals(List.of(), CommittedFiles.check(new MigrationsFolder(db)));
    // ... and an ordinary compile adds no migration (nor changes any file).
    Map<String, String> before = contents(db);
    compile(sources, db, false);
    assertEquals(before, contents(db));

    // The baseline migration rebuilds exactly the same catalog on an empty database.
    TestDatabase fresh = SharedPostgres.newDatabase("pull_fresh");
    Plinth freshPlinth = plinth(fresh, db);
    assertEquals(1, freshPlinth.migrate().applied().size());
    assertEquals(catalog(original), catalog(fresh));
    assertEquals(List.of(), freshPlinth.verify().differences());

    // baseline records the original as being at V1: verify finds nothing, migrate has nothing to do.
    Plinth originalPlinth = plinth(original, db);
    BaselineResult baselined = originalPlinth.baseline(Optional.empty(), false);
    assertEquals(new BaselineResult("1", true, false, List.of()), baselined);
    VerifyResult verified = originalPlinth.verify();
    assertEquals(List.of(), verified.differences());
    assertEquals(Optional.of("1"), verified.schemaVersion());
    MigrateResult migrated = originalPlinth.migrate();
    assertEquals(List.of(), migrated.applied());
    assertEquals(Optional.of("1"), migrated.schemaVersion());
    InfoResult info = originalPlinth.info();
    assertEquals(Optional.of("1"), info.schemaVersion());
    assertEquals("<< Plinth baseline >>", Sql.queryString(original,
        "SELECT description FROM " + HISTORY + " WHERE type = 'BASELINE'"));
    assertEquals(List.of(), originalPlinth.validate().problems());
    PlinthException belowBaseline = assertThrows(PlinthException.class,
        () -> originalPlinth.rollback(RollbackTarget.steps(1)));
    assertEquals("[PLN696] Cannot roll back V1: it is the baseline that records this database as adopted at that"
        + " version; its schema was there before Plinth, so it has no reverse script. Roll back no further than"
        + " version 1. Nothing was rolled back.", belowBaseline.getMessage());
    // Flyway itself reads the baseline row.
    assertEquals(0, Flyway.configure().dataSource(original.dataSource())
        .locations("filesystem:" + db.resolve("migration")).load().migrate().migrationsExecuted);
  }

  @Test
  void baselineRefusesADatabaseThatDiffersAndForceIsLoudAndRecorded() throws Exception {
    TestDatabase source = SharedPostgres.newDatabase("pull_source");
    Sql.execute(source, REALISTIC);
    Path db = project.resolve("db");
    plinth(source, null).pull(project.resolve("src"), "com.example.db", db);

    TestDatabase drifted = SharedPostgres.newDatabase("pull_drifted");
    Sql.execute(drifted, REALISTIC + "ALTER TABLE organization ADD COLUMN note text;");
    String locations = "filesystem:" + db.resolve("migration");

    Cli.Result refused = Cli.run(Map.of(), project, "baseline", "--url", drifted.jdbcUrl(), "--locations", locations);

    assertEquals(5, refused.exitCode(), refused::toString);
    assertTrue(refused.out().startsWith("Not baselined: the database differs from the schema of version 1 in 1 place:\n"
        + "  extra column public.organization.note: text NULL\n"), refused::toString);
    assertTrue(refused.out().endsWith("--force records the baseline anyway.\n"), refused::toString);
    assertFalse(Sql.exists(drifted, HISTORY), "nothing is written when baseline refuses");

    Cli.Result forced = Cli.run(Map.of(), project, "baseline", "--force", "--url", drifted.jdbcUrl(),
        "--locations", locations);

    assertEquals(0, forced.exitCode(), forced::toString);
    assertTrue(forced.err().startsWith("WARNING: --force: baselined at version 1 although the database differs from"
        + " it in 1 place; the baseline row's description records that.\n  extra column public.organization.note: text NULL\n"),
        forced::toString);
    assertEquals("Baselined: the database is recorded as being at version 1; migrate applies only later migrations.\n",
        forced.out());
    assertEquals("<< Plinth baseline, forced over 1 difference >>", Sql.queryString(drifted,
        "SELECT description FROM " + HISTORY + " WHERE type = 'BASELINE'"));

    Cli.Result again = Cli.run(Map.of(), project, "baseline", "--url", drifted.jdbcUrl(), "--locations", locations);
    assertEquals(2, again.exitCode(), again::toString);
    assertTrue(again.err().startsWith("[PLN692] The database already has a migration history"), again::toString);
  }

  @Test
  void exampleSchemaIsPulledToTheSameSchema() throws Exception {
    TestDatabase example = SharedPostgres.newDatabase("pull_example");
    Flyway.configure().dataSource(example.dataSource()).locations("classpath:db/migration").load().migrate();
    // Without its own history (with one, pull continues after it: FlywayHistoryAdoptionTest), the
    // example database is adopted at V1 like any other.
    Sql.execute(example, "DROP TABLE " + HISTORY);

    PullResult result = PullProof.prove(example, project);

    assertEquals(List.of(), result.unsupported());
    Schema committed = dev.plinth.schema.journal.History.load(
        new MigrationsFolder(Path.of("../migrations-app/src/main/resources/db"))).state();
    assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(committed), Canonical.schema(catalog(example))));
    assertEquals(List.of(), plinth(example, project.resolve("db")).migrate().applied());
  }

  /**
   * The processor's golden schemas (feature schema without its pgvector table, catalog, evolved);
   * the processor warns on the feature schema's SET NULL key over a NOT NULL column, and on its
   * pulled records just the same. Its {@code @Column(type = "inet") String} column is written as an
   * {@code InetAddress}, which maps to the same type.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"features, PLN141", "catalog, ''", "evolved, ''", "generated, ''", "enums, ''"})
  void featureSchemasArePulledExactly(String golden, String warning) throws Exception {
    Schema state = History.load(new MigrationsFolder(
        Path.of("../schema-processor/src/test/resources/golden").resolve(golden))).state();
    Schema withoutVectors = new Schema(state.tables().stream()
        .filter(t -> t.columns().stream().noneMatch(c -> c.type().startsWith("vector("))).toList(), state.enums());
    TestDatabase original = SharedPostgres.newDatabase("pull_" + golden);
    Path built = project.resolve("built");
    BaselineFiles.of(withoutVectors).forEach((file, text) -> write(built.resolve(file), text));
    plinth(original, built).migrate();
    Sql.execute(original, "DROP TABLE " + HISTORY);

    PullResult result = PullProof.prove(original, project.resolve("pulled"),
        warning.isEmpty() ? List.of() : List.of(warning));

    assertEquals(List.of(), result.unsupported().stream().map(Unsupported::text).toList());
    assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(withoutVectors), Canonical.schema(catalog(original))));
  }

  /**
   * A large schema written for this test (see the file's header): 60 and more tables in several
   * schemas with foreign key cycles, serials, identities with options, named keys, enum labels that
   * are no Java names, a standalone enum type, composite keys, uniques, checks, partial and
   * expression indexes of every method, comments.
   */
  /**
   * A view's options and comment ({@code security_barrier}, a cascaded and a local check option,
   * {@code COMMENT ON VIEW}) are written on its {@code @View}: the baseline creates them, nothing
   * goes into a hand-written migration or {@code plinth.external}, and verify of the original finds
   * no drift. A comment on a view's column stays in the hand-written migration.
   */
  @Test
  void aViewsOptionsAndCommentAreWrittenOnItsRecord() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("pull_view_options");
    String views = """
        CREATE TABLE "User" ("userId" bigint PRIMARY KEY, email text NOT NULL, "group" text NOT NULL);
        CREATE VIEW active_user WITH (security_barrier) AS SELECT "userId", email, "group" FROM "User"
          WHERE "group" <> 'banned' WITH CASCADED CHECK OPTION;
        COMMENT ON VIEW active_user IS 'Users not banned';
        CREATE VIEW local_user AS SELECT "userId", email FROM active_user WITH LOCAL CHECK OPTION;
        """;
    Sql.execute(db, views);

    PullResult pulled = PullProof.prove(db, project);

    assertEquals(List.of(), pulled.unsupported().stream().map(Unsupported::text).toList());
    assertFalse(Files.exists(project.resolve("db/migration/V2__not_modelled.sql")), "nothing is left out");
    assertFalse(Files.exists(project.resolve("db/plinth.external")), "nothing is declared external");
    String active = Files.readString(project.resolve("src/com/example/db/ActiveUser.java"));
    assertTrue(active.contains("'banned'::text)\", securityBarrier = true,"
        + " checkOption = CheckOption.CASCADED, comment = \"Users not banned\")\n"), active);
    assertTrue(active.contains("import dev.plinth.annotations.CheckOption;\n"), active);
    String local = Files.readString(project.resolve("src/com/example/db/LocalUser.java"));
    assertTrue(local.contains(", checkOption = CheckOption.LOCAL)\n"), local);

    TestDatabase commented = SharedPostgres.newDatabase("pull_view_column_comment");
    Sql.execute(commented, views + "COMMENT ON COLUMN active_user.email IS 'Where to write';");
    PullResult again = plinth(commented, null).pull(project.resolve("src2"), "com.example.db", project.resolve("db2"));
    assertEquals(List.of("view public.active_user: comments on its columns; Plinth does not model it: written"
        + " without it"), again.unsupported().stream().map(Unsupported::text).toList());
    String notModelled = Files.readString(project.resolve("db2/migration/V2__not_modelled.sql"));
    assertTrue(notModelled.contains("COMMENT ON COLUMN public.active_user.email IS 'Where to write';"), notModelled);
    assertFalse(notModelled.contains("COMMENT ON VIEW"), notModelled);
    assertFalse(notModelled.contains("security_barrier"), notModelled);
    assertTrue(Files.readString(project.resolve("db2/plinth.external"))
        .contains("\ncomment public.active_user.email\n"), "the column's comment is external, by its name");
  }

  @Test
  void largeRealisticSchemaIsPulledExactly() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_large");
    Sql.execute(original, Files.readString(Path.of("src/test/resources/pull/large-schema.sql")));
    assertTrue(catalog(original).tables().size() >= 60, "the schema has 60 tables or more");

    PullResult result = PullProof.prove(original, project);

    assertEquals(List.of(), result.unsupported().stream().map(Unsupported::text).toList());
    Path sources = project.resolve("src/com/example/db");
    String ticket = Files.readString(sources.resolve("support/Ticket.java"));
    assertTrue(ticket.contains("@Id(name = \"ticket_primary\") @Serial long id,"), ticket);
    assertTrue(ticket.contains("@Identity(always = true, start = 1000, increment = 10, cache = 20,"
        + " sequence = \"ticket_numbers\") @Unique long number,"), ticket);
    String priority = Files.readString(sources.resolve("support/Priority.java"));
    assertTrue(priority.contains("  @EnumValue(\"very high\") VERY_HIGH,\n"), priority);
    assertTrue(priority.contains("  @EnumValue(\"1st-line\") _1ST_LINE,\n"), priority);
    String standalone = Files.readString(sources.resolve("MoonPhase.java"));
    assertTrue(standalone.contains("@EnumType(standalone = true)\npublic enum MoonPhase {\n  @EnumValue(\"new\") NEW,\n"),
        standalone);
    assertEquals(7, PullProof.views(original).size(), "the schema has seven views");
    assertEquals("""
        package com.example.db.audit;

        import dev.plinth.annotations.View;
        import java.math.BigDecimal;

        /** The PostgreSQL view {@code audit.check}. */
        @View(name = "check", schema = "audit", sql = "SELECT count(*) AS big_orders,\\n"
                + "    sum(total) AS amount\\n"
                + "   FROM shop.big_open_order")
        public record CheckView(
            Long bigOrders,
            BigDecimal amount) {}
        """, Files.readString(sources.resolve("audit/CheckView.java")));
    String weekly = Files.readString(sources.resolve("WeeklyHours.java"));
    assertTrue(weekly.contains("@View(name = \"Weekly Hours\", sql = \"SELECT employee_id,\\n\""), weekly);
    assertTrue(weekly.contains("    List<Weekday> days) {}"), weekly);
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Keys and index options: NULLS NOT DISTINCT (constraint and index), deferrable keys, MATCH FULL,
   * foreign keys to a unique constraint in another column order and to a unique index, storage
   * parameters, a tablespace and a key collation are written into the records, which compile to
   * the same catalog.
   */
  @Test
  void keysAndIndexOptionsArePulledExactly() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("pull_keys");
    assumeTrue(PullProof.majorVersion(db) >= 15, "NULLS NOT DISTINCT needs PostgreSQL 15");
    SharedPostgres.tablespace("plinth_keys_fast");
    Sql.execute(db, """
        CREATE TABLE account (
          id bigint PRIMARY KEY,
          org_id bigint NOT NULL,
          code text,
          position integer NOT NULL,
          email text,
          CONSTRAINT account_org_code UNIQUE NULLS NOT DISTINCT (org_id, code),
          CONSTRAINT account_org_position UNIQUE (org_id, position) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE UNIQUE INDEX account_email_idx ON account (email) NULLS NOT DISTINCT
          WITH (fillfactor = 70) TABLESPACE plinth_keys_fast;
        CREATE INDEX account_code_c_idx ON account (code COLLATE "C" DESC);
        CREATE TABLE slot (position integer PRIMARY KEY DEFERRABLE, label text NOT NULL);
        CREATE TABLE account_link (
          id bigint PRIMARY KEY,
          account_org bigint,
          account_code text,
          account_email text REFERENCES account (email) DEFERRABLE INITIALLY DEFERRED,
          FOREIGN KEY (account_code, account_org) REFERENCES account (code, org_id) MATCH FULL
        );
        """);

    PullResult pulled = PullProof.prove(db, project);

    assertEquals(List.of(), pulled.unsupported().stream().map(Unsupported::text).toList());
    String account = Files.readString(project.resolve("src/com/example/db/Account.java"));
    assertTrue(account.contains("@Unique(columns = {\"orgId\", \"code\"}, name = \"account_org_code\","
        + " nullsNotDistinct = true)\n"), account);
    assertTrue(account.contains("@Unique(columns = {\"orgId\", \"position\"}, name = \"account_org_position\","
        + " deferrable = Deferrable.INITIALLY_DEFERRED)\n"), account);
    assertTrue(account.contains("@Index(columns = \"email\", unique = true, nullsNotDistinct = true,"
        + " with = \"fillfactor=70\", tablespace = \"plinth_keys_fast\")\n"), account);
    assertTrue(account.contains("@Index(columns = \"code COLLATE \\\"C\\\" DESC\", name = \"account_code_c_idx\")\n"),
        account);
    String link = Files.readString(project.resolve("src/com/example/db/AccountLink.java"));
    assertTrue(link.contains("@ForeignKey(columns = {\"accountCode\", \"accountOrg\"}, references = Account.class,"
        + " referencedColumns = {\"code\", \"org_id\"}, matchFull = true)\n"), link);
    assertTrue(link.contains("@References(value = Account.class, column = \"email\","
        + " deferrable = Deferrable.INITIALLY_DEFERRED)"), link);
    assertTrue(Files.readString(project.resolve("src/com/example/db/Slot.java"))
        .contains("@Id(deferrable = Deferrable.INITIALLY_IMMEDIATE) int position"));
  }

  @Test
  void whatTheRecordsCannotSayIsReportedAndTheRestStillCompilesExactly() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("pull_unsupported");
    Sql.execute(db, """
        CREATE TYPE mood AS ENUM ('happy', 'so-so');
        CREATE TYPE blank AS ENUM ('a', ' ');
        CREATE TYPE unused AS ENUM ('a');
        CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
        CREATE SEQUENCE ticket_numbers;
        CREATE TABLE thing (
          id serial CONSTRAINT thing_primary PRIMARY KEY,
          ticket integer NOT NULL DEFAULT nextval('ticket_numbers'::text),
          feeling mood,
          shade blank,
          contact email,
          doubled integer GENERATED ALWAYS AS (id * 2) STORED,
          during int4range,
          label text COLLATE "C",
          EXCLUDE USING gist (during WITH &&)
        );
        COMMENT ON TABLE thing IS 'Line one.
        Line two.';
        CREATE INDEX thing_feeling_idx ON thing (feeling);
        CREATE INDEX thing_shade_idx ON thing (shade);
        CREATE INDEX thing_label_hash_idx ON thing USING spgist (label);
        CREATE UNLOGGED TABLE scratch (n integer);
        CREATE VIEW thing_view WITH (security_barrier) AS SELECT id, feeling FROM thing;
        COMMENT ON VIEW thing_view IS 'Things.';
        CREATE MATERIALIZED VIEW thing_count AS SELECT count(*) AS n FROM thing_view;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
        CREATE TRIGGER thing_touch BEFORE UPDATE ON thing FOR EACH ROW EXECUTE FUNCTION touch();
        """);
    Path sources = project.resolve("src");
    Path folder = project.resolve("db");

    PullResult result = plinth(db, null).pull(sources, "app", folder);

    assertEquals(List.of(
        "column public.thing.during: type int4range has no Java type in Plinth's mapping; written as"
            + " @Column(type = \"int4range\") String",
        "column public.thing.shade: its type public.blank is left out (see that type); the column is left out",
        "column public.thing.ticket: its default nextval(('ticket_numbers'::text)::regclass) takes values from a"
            + " sequence in a way the records cannot say (they keep nextval('name'::regclass) of a sequence they"
            + " declare); written without the default. Make it an identity column instead (ALTER TABLE ... ALTER"
            + " COLUMN ... DROP DEFAULT, then ADD GENERATED BY DEFAULT AS IDENTITY) and pull again",
        "enum type public.blank: enum label ' ' is blank, which @EnumValue cannot say; the enum type and the columns"
            + " of that type are left out",
        "table public.scratch: unlogged; Plinth does not model it: written without it",
        "table public.thing: constraint thing_during_excl is an exclusion constraint; Plinth does not model it:"
            + " written without it",
        "table public.thing: index thing_label_hash_idx uses the access method spgist; @Index knows btree, hash,"
            + " gin, gist and brin; left out",
        "table public.thing: its comment cannot be written in Javadoc exactly (line breaks, repeated spaces, '*/',"
            + " '{@' or a leading '@'); written as \"Line one. Line two.\"",
        "table public.thing index thing_shade_idx: it uses column shade, which is left out; left out too"),
        result.unsupported().stream().map(Unsupported::text).toList());
    String thing = Files.readString(sources.resolve("app/Thing.java"));
    assertTrue(thing.contains("    @Id(name = \"thing_primary\") @Serial int id,\n"), thing);
    assertTrue(thing.contains("    @Nullable @Column(collation = \"C\") String label"), thing);
    assertTrue(thing.contains("    @Nullable @Column(type = \"email\") String contact,\n"), thing);
    assertTrue(Files.readString(sources.resolve("app/package-info.java"))
        .contains("\n@Sequence(name = \"ticket_numbers\")\npackage app;\n"), "the records declare the sequence");
    assertTrue(thing.contains("    @Nullable @Generated(\"(id * 2)\") Integer doubled,\n"), thing);
    assertEquals("""
        package app;

        import dev.plinth.annotations.EnumValue;

        /** The PostgreSQL enum type {@code public.mood}. */
        public enum Mood {
          happy,
          @EnumValue("so-so") SO_SO
        }
        """, Files.readString(sources.resolve("app/Mood.java")));
    assertTrue(Files.readString(sources.resolve("app/Unused.java")).contains("@EnumType(standalone = true)\n"));
    assertEquals("""
        package app;

        import dev.plinth.annotations.View;

        /** The PostgreSQL view {@code public.thing_view}. */
        @View(sql = "SELECT id,\\n"
                + "    feeling\\n"
                + "   FROM thing", securityBarrier = true, comment = "Things.")
        public record ThingView(
            Integer id,
            Mood feeling) {}
        """, Files.readString(sources.resolve("app/ThingView.java")));

    // What the hand-written migration cannot recreate either is listed in it, as comments.
    String notModelled = Files.readString(folder.resolve("migration/V2__not_modelled.sql"));
    // The enum type the records cannot declare is created by hand, with its column and the index on it.
    assertTrue(notModelled.contains("\nCREATE TYPE public.blank AS ENUM ('a', ' ');\n")
        && notModelled.contains("\nALTER TABLE public.thing ADD COLUMN shade blank;\n")
        && notModelled.contains("\nCREATE INDEX thing_shade_idx ON public.thing USING btree (shade);\n"), notModelled);
    assertFalse(notModelled.substring(notModelled.indexOf("-- Not recreated here")).contains("shade"), notModelled);
    assertTrue(notModelled.contains("\nALTER TABLE public.scratch SET UNLOGGED;\n"), notModelled);
    assertTrue(notModelled.contains("\nALTER TABLE public.thing ALTER COLUMN ticket SET DEFAULT"
        + " nextval(('ticket_numbers'::text)::regclass);\n"), notModelled);

    compile(sources, folder, true);
    TestDatabase fresh = SharedPostgres.newDatabase("pull_unsupported_fresh");
    plinth(fresh, folder).migrate();
    assertEquals("{a,\" \"}", Sql.queryString(fresh, "SELECT enum_range(NULL::blank)::text"),
        "the enum type left out of the records is created by the hand-written migration");
    assertEquals("{happy,so-so}", Sql.queryString(fresh, "SELECT enum_range(NULL::mood)::text"));
    assertEquals("{a}", Sql.queryString(fresh, "SELECT enum_range(NULL::unused)::text"));
    assertEquals("nextval('thing_id_seq'::regclass)", Sql.queryString(fresh,
        "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'thing'::regclass AND adnum = 1"));
    assertEquals("thing_primary", Sql.queryString(fresh,
        "SELECT conname FROM pg_constraint WHERE conrelid = 'thing'::regclass AND contype = 'p'"));
    assertEquals("Line one. Line two.", Sql.queryString(fresh, "SELECT obj_description('thing'::regclass)"));
    assertEquals("C", Sql.queryString(fresh, "SELECT co.collname FROM pg_attribute a JOIN pg_collation co"
        + " ON co.oid = a.attcollation WHERE a.attrelid = 'thing'::regclass AND a.attname = 'label'"),
        "the column's collation is pulled and created again");
    assertEquals(PullProof.views(db), PullProof.views(fresh), "the view is created");
    assertEquals("{security_barrier=true} Things.", Sql.queryString(fresh,
        "SELECT reloptions::text || ' ' || obj_description(oid, 'pg_class') FROM pg_class WHERE relname = 'thing_view'"),
        "the baseline creates the view with its options and comment, as the records declare them");
    assertFalse(notModelled.contains("thing_view"), notModelled);
    assertFalse(Files.readString(folder.resolve("plinth.external")).contains("thing_view"),
        "plinth.external lists nothing of the view");
  }

  /**
   * What the records cannot say: exclusions, an index with an expression key and an operator class,
   * a materialized view's comment; and extensions, a domain, a sequence, a function, a trigger, a
   * materialized view with its index, row-level security with a policy, which they can.
   */
  static final String NOT_MODELLED = """
      CREATE EXTENSION pg_trgm;
      CREATE EXTENSION btree_gist;
      CREATE DOMAIN email_address AS text CONSTRAINT email_address_at CHECK (VALUE LIKE '%@%');
      CREATE SEQUENCE invoice_numbers AS integer START WITH 1000 INCREMENT BY 5 CACHE 10;
      CREATE TABLE room (
        id bigint PRIMARY KEY,
        name text NOT NULL,
        invoice_no integer NOT NULL DEFAULT nextval('invoice_numbers')
      );
      CREATE INDEX room_name_trgm_idx ON room USING gin (lower(name) gin_trgm_ops);
      CREATE TABLE booking (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        room_id bigint NOT NULL REFERENCES room (id),
        during tstzrange NOT NULL,
        contact email_address NOT NULL,
        note text,
        updated_at timestamp with time zone NOT NULL DEFAULT now(),
        CONSTRAINT booking_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
      );
      CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql
        AS $$BEGIN NEW.updated_at := now(); RETURN NEW; END$$;
      CREATE TRIGGER booking_touch BEFORE UPDATE ON booking FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
      ALTER TABLE booking ENABLE ROW LEVEL SECURITY;
      ALTER TABLE booking FORCE ROW LEVEL SECURITY;
      CREATE POLICY booking_own ON booking FOR SELECT TO PUBLIC USING (room_id > 0);
      CREATE MATERIALIZED VIEW room_load AS SELECT room_id, count(*) AS bookings FROM booking GROUP BY room_id;
      CREATE UNIQUE INDEX room_load_room_idx ON room_load (room_id);
      COMMENT ON MATERIALIZED VIEW room_load IS 'Bookings per room.';
      """;

  @Test
  void whatTheRecordsCannotSayIsRecreatedByAHandWrittenMigrationThatVerifyTreatsAsDeclared() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_not_modelled");
    Sql.execute(original, NOT_MODELLED);

    Cli.Result pulled = Cli.run(Map.of("PLINTH_LOCATIONS", "filesystem:no-migrations-yet"), project, "pull",
        "--package", "com.example.db", "--url", original.jdbcUrl());

    assertEquals(0, pulled.exitCode(), pulled::toString);
    Path sources = project.resolve("src/main/java");
    Path db = project.resolve("src/main/resources/db");
    assertTrue(pulled.out().startsWith("Pulled 2 tables and 0 enum types into 5 source files under " + sources
        + " (package com.example.db), and the baseline migration V1 into " + db + ".\n"
        + "What Plinth does not model is recreated by the hand-written migration migration/V2__not_modelled.sql,"
        + " which follows the baseline, from PostgreSQL's own definitions; plinth.external lists its objects, so"
        + " verify does not report them. Review both.\n"), pulled::toString);
    assertTrue(pulled.out().endsWith("then run `plinth baseline` on this database to record it as being at"
        + " version 2.\n"), pulled::toString);
    assertEquals(List.of("HEAD", "migration/V1__baseline.sql", "migration/V2__not_modelled.sql", "plinth.external",
        "plinth.sum", "rollback/U1__baseline.sql", "rollback/U2__not_modelled.sql", "schema/V1__baseline.json"),
        relativeFiles(db));

    assertEquals(EXPECTED_EXTERNAL, Files.readString(db.resolve("plinth.external")));
    assertEquals(EXPECTED_V2, Files.readString(db.resolve("migration/V2__not_modelled.sql")));
    assertEquals(EXPECTED_U2, Files.readString(db.resolve("rollback/U2__not_modelled.sql")));

    // The processor accepts the folder as it is: no further migration.
    compile(sources, db, true);
    assertEquals(List.of(), CommittedFiles.check(new MigrationsFolder(db)));
    Map<String, String> before = contents(db);
    compile(sources, db, false);
    assertEquals(before, contents(db));

    // Baseline and follow-up rebuild the same catalog, the unmodelled objects too, on an empty database.
    TestDatabase fresh = SharedPostgres.newDatabase("pull_not_modelled_fresh");
    Plinth freshPlinth = plinth(fresh, db);
    assertEquals(2, freshPlinth.migrate().applied().size());
    assertEquals(List.of(), freshPlinth.verify().differences());
    assertEquals(catalog(original), catalog(fresh));
    List<String> definitions = PullProof.definitions(original);
    assertEquals(definitions, PullProof.definitions(fresh));
    assertTrue(definitions.contains("policy booking.booking_own PERMISSIVE SELECT public"
        + " (room_id > 0) "), () -> String.join("\n", definitions));
    assertTrue(Files.readString(sources.resolve("com/example/db/Booking.java")).contains(
        "@RowLevelSecurity(force = true)\n@Policy(name = \"booking_own\", command = PolicyCommand.SELECT,"
            + " using = \"(room_id > 0)\")\n"),
        "the records declare the row-level security and the policy");
    String booking = Files.readString(sources.resolve("com/example/db/Booking.java"));
    assertTrue(booking.contains("@Function(name = \"touch_updated_at\", resource = \"fn/touch_updated_at.sql\")\n"
        + "@Trigger(name = \"booking_touch\", function = \"touch_updated_at\", events = TriggerEvent.UPDATE)\n"),
        booking);
    assertEquals("BEGIN NEW.updated_at := now(); RETURN NEW; END\n",
        Files.readString(project.resolve("src/main/resources/fn/touch_updated_at.sql")));
    assertTrue(Files.readString(sources.resolve("com/example/db/Room.java")).contains(
        "@Sequence(name = \"invoice_numbers\", type = \"integer\", start = 1000, increment = 5, cache = 10)\n"),
        "the records declare the sequence");
    assertTrue(booking.contains("@Column(type = \"email_address\") String contact,"), booking);
    assertEquals("""
        /** The extensions the database has. */
        @Extension("btree_gist")
        @Extension("pg_trgm")
        package com.example.db;

        import dev.plinth.annotations.Extension;
        """, Files.readString(sources.resolve("com/example/db/package-info.java")));
    assertTrue(Files.readString(sources.resolve("com/example/db/RoomLoad.java")).contains(
        ", materialized = true)\n@Index(columns = \"roomId\", unique = true, name = \"room_load_room_idx\")\n"),
        "the records declare the materialized view and its index");

    // The original is baselined at the newest migration, the hand-written one: verify finds nothing.
    Plinth originalPlinth = plinth(original, db);
    assertEquals(new BaselineResult("2", true, false, List.of()), originalPlinth.baseline(Optional.empty(), false));
    VerifyResult verified = originalPlinth.verify();
    assertEquals(List.of(), verified.differences());
    assertEquals(Optional.of("2"), verified.schemaVersion());
    assertEquals(List.of(), originalPlinth.migrate().applied());

    // The reverse of the hand-written migration removes what it made, and it can be made again.
    freshPlinth.rollback(RollbackTarget.steps(1));
    assertNull(Sql.queryString(fresh, "SELECT to_regclass('room_name_trgm_idx')::text"));
    assertEquals("room_load", Sql.queryString(fresh, "SELECT to_regclass('room_load')::text"),
        "the records declare the materialized view: the baseline has it");
    assertEquals("invoice_numbers", Sql.queryString(fresh, "SELECT to_regclass('invoice_numbers')::text"),
        "the records declare the sequence: the baseline has it");
    assertEquals("email_address", Sql.queryString(fresh, "SELECT to_regtype('email_address')::text"),
        "the records declare the domain: the baseline has it");
    assertEquals(1, freshPlinth.migrate().applied().size());
    assertEquals(PullProof.definitions(original), PullProof.definitions(fresh));

    // Drift in what Plinth models is still reported; what plinth.external declares is not.
    Sql.execute(fresh, "ALTER TABLE booking DROP COLUMN note; DROP INDEX room_name_trgm_idx;"
        + " ALTER TABLE booking DROP CONSTRAINT booking_no_overlap");
    assertEquals(List.of("missing column public.booking.note: expected text NULL"),
        freshPlinth.verify().differences().stream().map(d -> d.text()).toList());

    // A line verify cannot read stops it, naming the line.
    Files.writeString(db.resolve("plinth.external"), "format 1\nindex public.room_name_trgm_idx\ntables public.room\n");
    PlinthException unreadable = assertThrows(PlinthException.class, freshPlinth::verify);
    assertTrue(unreadable.getMessage().startsWith("[PLN995] Cannot read plinth.external next to plinth.sum: line 3:"
        + " 'tables public.room' is not '<kind> <name>' with a kind of aggregate, column, column-default,"),
        unreadable::getMessage);
  }

  private static final String EXPECTED_EXTERNAL = """
      # Objects that hand-written migrations create and Plinth does not model: verify does not report them.
      # One per line, '<kind> <name>'; add your own. Verify reads 'index schema.index', 'constraint
      # schema.table.constraint', 'column-default schema.table.column' and 'domain schema.domain' (its
      # columns are compared as its base type); it does not compare the other kinds at all.
      format 1
      constraint public.booking.booking_no_overlap
      index public.room_name_trgm_idx
      comment public.room_load
      """;
  private static final String EXPECTED_V2 = """
      -- What this database has and Plinth does not model, written by `plinth pull` from PostgreSQL's own
      -- definitions. It is hand-written: Plinth never rewrites it, and verify does not report what
      -- plinth.external lists. Edit both together.

      -- table public.booking: constraint booking_no_overlap, an exclusion constraint, which Plinth does not model.
      ALTER TABLE public.booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);

      -- table public.room: index room_name_trgm_idx, which the records leave out (see pull's report).
      CREATE INDEX room_name_trgm_idx ON public.room USING gin (lower(name) gin_trgm_ops);

      -- materialized view public.room_load: a comment; the records write it without comments.
      COMMENT ON MATERIALIZED VIEW public.room_load IS 'Bookings per room.';
      """;
  private static final String EXPECTED_U2 = """
      -- The reverse of the objects `plinth pull` recreated, newest first.
      DROP INDEX IF EXISTS public.room_name_trgm_idx;
      ALTER TABLE public.booking DROP CONSTRAINT IF EXISTS booking_no_overlap;
      """;

  @Test
  void pullRefusesAFolderWithMigrationsAndNeverOverwritesSources() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("pull_refuses");
    Sql.execute(db, "CREATE TABLE account (id bigint PRIMARY KEY)");
    Files.createDirectories(project.resolve("src/main/resources/db/migration"));
    Files.writeString(project.resolve("src/main/resources/db/migration/V1__init.sql"), "SELECT 1;\n");

    Cli.Result withMigrations = Cli.run(Map.of(), project, "pull", "--package", "app", "--url", db.jdbcUrl());

    assertEquals(2, withMigrations.exitCode(), withMigrations::toString);
    assertTrue(withMigrations.err().startsWith("[PLN690] " + project.resolve("src/main/resources/db")
        + " already holds migrations (migration/V1__init.sql)"), withMigrations::toString);

    Path source = project.resolve("src/main/java/app/Account.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "// mine\n");
    Cli.Result withSource = Cli.run(Map.of(), project, "pull", "--package", "app", "--url", db.jdbcUrl(),
        "--migrations", "elsewhere");

    assertEquals(2, withSource.exitCode(), withSource::toString);
    assertTrue(withSource.err().startsWith("[PLN691] " + source + " already exists"), withSource::toString);
    assertEquals("// mine\n", Files.readString(source));
    assertFalse(Files.exists(project.resolve("elsewhere")), "nothing is written when pull refuses");

    Cli.Result badPackage = Cli.run(Map.of(), project, "pull", "--package", "com.1x", "--url", db.jdbcUrl());
    assertEquals(2, badPackage.exitCode(), badPackage::toString);
    assertTrue(badPackage.err().startsWith("[PLN613] 'com.1x' is not a Java package name."), badPackage::toString);
  }

  /**
   * An enum type the records cannot declare (a blank label) is left out of them with its columns;
   * the hand-written migration creates it, its columns (default and NOT NULL kept) and what uses
   * them, so the database baselines and the rebuilt one has the same catalog.
   */
  @Test
  void anEnumTypeWithABlankLabelIsRecreatedByTheHandWrittenMigration() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_blank_label");
    Sql.execute(original, """
        CREATE TYPE job_state AS ENUM ('in progress', 'N/A', 'Don''t', '');
        CREATE TABLE job (id int PRIMARY KEY, state job_state NOT NULL DEFAULT '', history job_state[], note text);
        CREATE INDEX job_state_idx ON job (state);
        INSERT INTO job VALUES (1, '', '{"in progress",""}', 'a'), (2, 'Don''t', NULL, NULL);
        """);

    Cli.Result pulled = Cli.run(Map.of("PLINTH_LOCATIONS", "filesystem:no-migrations-yet"), project, "pull",
        "--package", "com.example.db", "--url", original.jdbcUrl());

    assertEquals(0, pulled.exitCode(), pulled::toString);
    Path sources = project.resolve("src/main/java");
    Path db = project.resolve("src/main/resources/db");
    String notModelled = Files.readString(db.resolve("migration/V2__not_modelled.sql"));
    assertTrue(notModelled.contains("CREATE TYPE public.job_state AS ENUM ('in progress', 'N/A', 'Don''t', '');\n"),
        notModelled);
    assertTrue(notModelled.contains("ALTER TABLE public.job ADD COLUMN state job_state DEFAULT ''::job_state NOT NULL;\n")
        && notModelled.contains("ALTER TABLE public.job ADD COLUMN history job_state[];\n")
        && notModelled.contains("CREATE INDEX job_state_idx ON public.job USING btree (state)"), notModelled);
    assertTrue(notModelled.indexOf("CREATE TYPE") < notModelled.indexOf("ADD COLUMN state")
        && notModelled.indexOf("ADD COLUMN state") < notModelled.indexOf("CREATE INDEX"), notModelled);
    String external = Files.readString(db.resolve("plinth.external"));
    assertTrue(external.contains("type public.job_state\n") && external.contains("column public.job.state\n")
        && external.contains("column public.job.history\n"), external);
    compile(sources, db, true);
    assertEquals(List.of(), CommittedFiles.check(new MigrationsFolder(db)));

    TestDatabase fresh = SharedPostgres.newDatabase("pull_blank_label_fresh");
    Plinth freshPlinth = plinth(fresh, db);
    assertEquals(2, freshPlinth.migrate().applied().size());
    assertEquals(List.of(), freshPlinth.verify().differences());
    assertEquals(PullProof.definitions(original), PullProof.definitions(fresh));
    assertEquals(List.of(), freshPlinth.rollback(dev.plinth.runner.RollbackTarget.to("1")).steps().stream()
        .filter(step -> !step.version().equals("2")).toList(), "the hand-written migration rolls back");
    assertEquals(null, Sql.queryString(fresh, "SELECT to_regtype('job_state')::text"));

    Plinth originalPlinth = plinth(original, db);
    assertEquals(new BaselineResult("2", true, false, List.of()), originalPlinth.baseline(Optional.empty(), false));
    assertEquals(List.of(), originalPlinth.verify().differences(), "verify of the original");
    assertEquals("", Sql.queryString(original, "SELECT state::text FROM job WHERE id = 1"), "its data untouched");
  }

  private void compile(Path sources, Path migrations, boolean check) throws IOException {
    PullProof.compile(project, sources, migrations, check, 17);
  }

  private static List<String> relativeFiles(Path root) throws IOException {
    return new ArrayList<>(PullProof.contents(root).keySet());
  }
}
