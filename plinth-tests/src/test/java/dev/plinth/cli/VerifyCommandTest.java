package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth verify}: the example schema and generated migrations against live databases. */
class VerifyCommandTest {

  @TempDir
  Path workingDirectory;

  private Cli.Result plinth(String... args) {
    return Cli.run(Map.of(), workingDirectory, args);
  }

  @Test
  void theExampleSchemaHasNoDriftAfterMigrating() {
    TestDatabase db = SharedPostgres.newDatabase("verify_example");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl()).exitCode());

    Cli.Result result = plinth("verify", "--url", db.jdbcUrl());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("No drift: the database matches the schema of version 1 (7 tables, 2 enum types).\n", result.out());
  }

  @Test
  void manualChangesAreReportedOneLineEach() {
    TestDatabase db = SharedPostgres.newDatabase("verify_drift");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl()).exitCode());
    Sql.execute(db, """
        ALTER TABLE "user" ADD COLUMN nickname text;
        ALTER TABLE "user" ALTER COLUMN display_name SET NOT NULL;
        ALTER TABLE "user" ALTER COLUMN display_name TYPE varchar(50);
        DROP INDEX form_org_id_created_at_idx;
        CREATE INDEX submission_status_idx ON submission USING hash (status) WHERE status <> 'DRAFT';
        ALTER TABLE form DROP CONSTRAINT form_org_id_fkey;
        ALTER TABLE form ADD CONSTRAINT form_org_id_fkey FOREIGN KEY (org_id) REFERENCES organization (id)
            ON DELETE RESTRICT;
        ALTER TYPE member_role ADD VALUE 'GUEST';
        CREATE TABLE scratch (id int);
        """);

    Cli.Result result = plinth("verify", "--url", db.jdbcUrl());

    assertEquals(5, result.exitCode(), result::toString);
    List<String> lines = result.out().lines().toList();
    assertEquals("Drift: the database differs from the schema of version 1 in 8 places:", lines.get(0), result::toString);
    assertEquals(List.of(
        "  missing index public.form_org_id_created_at_idx: expected btree (org_id, created_at DESC)",
        "  foreign key public.form.form_org_id_fkey: definition is (org_id) REFERENCES public.organization (id)"
            + " ON DELETE RESTRICT ON UPDATE NO ACTION, expected (org_id) REFERENCES public.organization (id)"
            + " ON DELETE CASCADE ON UPDATE NO ACTION",
        "  extra table public.scratch: (id integer)",
        "  extra index public.submission_status_idx: hash (status) WHERE (status <> 'DRAFT'::submission_status)",
        "  column public.user.display_name: type is character varying(50), expected text",
        "  column public.user.display_name: nullability is NOT NULL, expected NULL",
        "  extra column public.user.nickname: text NULL",
        "  enum type public.member_role: values is ('OWNER', 'ADMIN', 'MEMBER', 'GUEST'),"
            + " expected ('OWNER', 'ADMIN', 'MEMBER')").stream().sorted().toList(),
        lines.subList(1, lines.size() - 1).stream().sorted().toList(),
        result::toString);
    assertEquals("Undo the manual changes, or make them part of the schema with a new migration.",
        lines.get(lines.size() - 1));
  }

  @Test
  void jsonDescribesEachDifference() {
    TestDatabase db = SharedPostgres.newDatabase("verify_json");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl()).exitCode());
    Sql.execute(db, "ALTER TABLE organization ALTER COLUMN created_at DROP DEFAULT");

    Cli.Result result = plinth("verify", "--json", "--url", db.jdbcUrl());

    assertEquals(5, result.exitCode(), result::toString);
    String json = result.out();
    assertTrue(json.contains("\"schemaVersion\" : \"1\""), json);
    assertTrue(json.contains("\"drift\" : true"), json);
    assertTrue(json.contains("\"change\" : \"different\""), json);
    assertTrue(json.contains("\"name\" : \"public.organization.created_at\""), json);
    assertTrue(json.contains("\"aspect\" : \"default\""), json);
    assertTrue(json.contains("\"expected\" : \"now()\""), json);
    assertTrue(json.contains("\"actual\" : null"), json);
  }

  @Test
  void comparesWithTheSchemaAtTheAppliedVersion() {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    String location = "filesystem:" + folder.resolve("migration");
    TestDatabase db = SharedPostgres.newDatabase("verify_versions");
    for (String target : List.of("1", "2", "3", "4")) {
      assertEquals(0, plinth("migrate", "--target", target, "--url", db.jdbcUrl(), "--locations", location).exitCode());
      Cli.Result result = plinth("verify", "--url", db.jdbcUrl(), "--locations", location);
      assertEquals(0, result.exitCode(), "at version " + target + ": " + result);
      assertTrue(result.out().contains("schema of version " + target), result::toString);
    }
    assertEquals(0, plinth("rollback", "--to", "1", "--url", db.jdbcUrl(), "--locations", location).exitCode());
    Cli.Result result = plinth("verify", "--url", db.jdbcUrl(), "--locations", location);
    assertEquals("No drift: the database matches the schema of version 1 (1 table, 1 enum type).\n", result.out());
  }
}
