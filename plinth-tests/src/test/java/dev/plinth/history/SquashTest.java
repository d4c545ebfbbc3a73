package dev.plinth.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.InfoResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.ValidateResult;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.Javac;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.ReplacedMigration;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plinth squash --to 4} on six migrations the real processor generated from records (with a
 * column rename, a table rename and an enum value added among them): the squashed migration builds
 * the catalog that replaying V1..V4 builds, its reverse empties the database, a database migrated
 * to V6 before the squash still migrates, validates, verifies, shows its history and rolls back to
 * V4 after it, and a new database migrates the squashed set to the same catalog.
 */
class SquashTest {
  private static final String HISTORY = "flyway_schema_history";
  private static final String PACKAGE = "src/main/java/com/example/db/";

  @TempDir
  Path project;

  private Path sources;
  private Path db;

  @BeforeEach
  void paths() {
    sources = project.resolve("src/main/java");
    db = project.resolve("src/main/resources/db");
  }

  @Test
  void squashedHistoryBuildsTheSameCatalogAndOldDatabasesKeepWorking() throws Exception {
    step1();
    step2();
    step3();
    step4();
    step5();
    step6();
    assertEquals(List.of("V1__create_member_and_organization.sql", "V2__create_project.sql",
        "V3__rename_member_email_and_member_display_name.sql", "V4__rename_project_to_workspace.sql",
        "V5__create_invoice.sql", "V6__add_invoice_note.sql"), migrationFiles());

    // Databases before the squash: one at V6, one replaying V1..V4, one stopped at V3.
    TestDatabase old = SharedPostgres.newDatabase("squash_old");
    assertEquals(6, plinth(old, null).migrate().applied().size());
    Sql.execute(old, "INSERT INTO organization (name) VALUES ('Acme');"
        + " INSERT INTO member (organization_id, login, plan) VALUES (1, 'ada', 'PRO');"
        + " INSERT INTO invoice (organization_id, amount, note) VALUES (1, 42, 'first')");
    TestDatabase replayed = SharedPostgres.newDatabase("squash_replayed");
    assertEquals(4, plinth(replayed, "4").migrate().applied().size());
    TestDatabase stopped = SharedPostgres.newDatabase("squash_stopped");
    assertEquals(3, plinth(stopped, "3").migrate().applied().size());
    List<Integer> oldChecksums = checksums(old, 4);

    Cli.Result squashed = Cli.run(Map.of(), project, "squash", "--to", "4");

    assertEquals(0, squashed.exitCode(), squashed::toString);
    assertEquals("Squashed 4 migrations up to version 4 into V4__squash_1_to_4.sql; removed 12 files. Review and"
        + " commit the change; databases already past version 4 keep working, new ones run the squashed"
        + " migration.\n", squashed.out());
    assertEquals(List.of("V4__squash_1_to_4.sql", "V5__create_invoice.sql", "V6__add_invoice_note.sql"),
        migrationFiles());
    MigrationsFolder folder = new MigrationsFolder(db);
    assertEquals(List.of(), CommittedFiles.check(folder));
    // The entry stands for V1..V4 with the very checksums Flyway recorded for them.
    List<ReplacedMigration> replaces = JournalCodec.read(
        folder.read("schema/V4__squash_1_to_4.json").orElseThrow()).replaces();
    assertEquals(List.of(
        new ReplacedMigration("1", "V1__create_member_and_organization.sql", oldChecksums.get(0)),
        new ReplacedMigration("2", "V2__create_project.sql", oldChecksums.get(1)),
        new ReplacedMigration("3", "V3__rename_member_email_and_member_display_name.sql", oldChecksums.get(2)),
        new ReplacedMigration("4", "V4__rename_project_to_workspace.sql", oldChecksums.get(3))), replaces);
    // The processor accepts the squashed folder as it is, and a compile adds nothing.
    Javac.compile(project, sources, db, true);
    Map<String, String> before = Javac.contents(db);
    Javac.compile(project, sources, db, false);
    assertEquals(before, Javac.contents(db));

    // (a) The squashed script builds the catalog that replaying V1..V4 built.
    TestDatabase fresh = SharedPostgres.newDatabase("squash_fresh");
    assertEquals(List.of("4"), plinth(fresh, "4").migrate().applied().stream().map(a -> a.version()).toList());
    assertEquals(catalog(replayed), catalog(fresh));
    assertEquals(List.of(), plinth(fresh, null).verify().differences());

    // (b) Its reverse empties the database.
    assertEquals(1, plinth(fresh, null).rollback(RollbackTarget.to("0")).steps().size());
    assertEquals(Schema.EMPTY, catalog(fresh));
    plinth(fresh, null).pruneBackups(Optional.empty());
    assertEquals("0", Sql.queryString(fresh, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid ="
        + " c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'plinth_runner')"
        + " AND c.relname <> '" + HISTORY + "' AND c.relname NOT LIKE '" + HISTORY + "%'"));
    assertEquals("0", Sql.queryString(fresh, "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid ="
        + " t.typnamespace WHERE t.typtype = 'e' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"));

    // (c) A new database migrates the squashed set to the catalog of the one migrated before the squash ...
    TestDatabase fresh2 = SharedPostgres.newDatabase("squash_fresh2");
    assertEquals(3, plinth(fresh2, null).migrate().applied().size());
    assertEquals(catalog(old), catalog(fresh2));

    // ... and that one keeps working: validate, verify, info, a new migration, rollback to V4.
    Plinth oldPlinth = plinth(old, null);
    ValidateResult validated = oldPlinth.validate();
    assertEquals(List.of(), validated.problems());
    assertEquals(List.of("PLN768 migration/V4__squash_1_to_4.sql V1 was applied before V4__squash_1_to_4.sql"
        + " replaced it (a squash, or an adopted Flyway history): its history row stays valid without its file.",
        "PLN768 migration/V4__squash_1_to_4.sql V2 was applied before V4__squash_1_to_4.sql replaced it (a squash,"
        + " or an adopted Flyway history): its history row stays valid without its file.",
        "PLN768 migration/V4__squash_1_to_4.sql V3 was applied before V4__squash_1_to_4.sql replaced it (a squash,"
        + " or an adopted Flyway history): its history row stays valid without its file.",
        "PLN768 migration/V4__squash_1_to_4.sql V4 was applied before V4__squash_1_to_4.sql replaced it (a squash,"
        + " or an adopted Flyway history): its history row stays valid without its file."),
        validated.notes().stream().map(n -> n.id() + " " + n.file() + " " + n.text()).toList());
    assertEquals(List.of(), oldPlinth.verify().differences());
    assertEquals(List.of("1 applied, replaced by V4__squash_1_to_4.sql ", "2 applied, replaced by V4__squash_1_to_4.sql ",
        "3 applied, replaced by V4__squash_1_to_4.sql ", "4 applied, replaced by V4__squash_1_to_4.sql ",
        "5 applied ok", "6 applied ok"), infoRows(oldPlinth.info()));

    step7();
    assertEquals(List.of("7"), oldPlinth.migrate().applied().stream().map(a -> a.version()).toList());
    assertEquals(List.of(), oldPlinth.verify().differences());
    assertEquals("1", Sql.queryString(old, "SELECT count(*) FROM invoice WHERE note = 'first'"));
    assertEquals(List.of("7", "6", "5"), oldPlinth.rollback(RollbackTarget.to("4")).steps().stream()
        .map(s -> s.version()).toList());
    assertEquals(catalog(replayed), catalog(old));
    assertEquals(List.of(), oldPlinth.verify().differences());
    PlinthException below = assertThrows(PlinthException.class, () -> oldPlinth.rollback(RollbackTarget.steps(1)));
    assertEquals("[PLN697] Cannot roll back V4: this database applied it before it was replaced by"
        + " V4__squash_1_to_4.sql (a squash, or the adoption of its Flyway history), so its own reverse script no"
        + " longer exists. Roll back no further than version 4 here; databases created from V4__squash_1_to_4.sql"
        + " can roll it back. Nothing was rolled back.", below.getMessage());
    assertEquals(List.of("5", "6", "7"), oldPlinth.migrate().applied().stream().map(a -> a.version()).toList());
    assertEquals(catalog(freshAtNewest()), catalog(old));
    // Flyway itself still reads the history.
    assertEquals(7, Flyway.configure().dataSource(old.dataSource()).locations("filesystem:" + db.resolve("migration"))
        .load().info().applied().length);

    // A database that stopped inside the squashed range is told what to do.
    PlinthException inside = assertThrows(PlinthException.class, () -> plinth(stopped, null).migrate());
    assertEquals("[PLN619] The database's history has V1, which V4__squash_1_to_4.sql replaces, but not that"
        + " migration's own version 4: the database stopped inside the replaced range. After adopting a Flyway"
        + " history, run `plinth baseline`; after a squash, migrate this database to version 4 with the migrations"
        + " as they were before the squash, then use these again.", inside.getMessage());
  }

  @Test
  void squashRefusesWhatItCannotDo() throws Exception {
    step1();
    step2();
    Cli.Result unknown = Cli.run(Map.of(), project, "squash", "--to", "7");
    assertEquals(2, unknown.exitCode(), unknown::toString);
    assertEquals("[PLN627] Cannot squash to version 7: no generated migration has it (generated: 1, 2). Pass one"
        + " of them with --to.\n", unknown.err());
    Cli.Result nothing = Cli.run(Map.of(), project, "squash", "--to", "1");
    assertEquals(2, nothing.exitCode(), nothing::toString);
    assertTrue(nothing.err().startsWith("[PLN628] Nothing to squash up to version 1"), nothing::toString);
    // A hand edit is refused, naming the file; so is a hand-written migration inside the range.
    Path reverse = db.resolve("rollback/U2__create_project.sql");
    String generated = Files.readString(reverse);
    Files.writeString(reverse, generated + "-- edited\n");
    Cli.Result edited = Cli.run(Map.of(), project, "squash", "--to", "2");
    assertEquals(2, edited.exitCode(), edited::toString);
    assertEquals("[PLN626] Cannot squash " + db + ": it does not hold exactly what its journal generates"
        + " (rollback/U2__create_project.sql (EDITED)). Run `plinth check`, fix what it reports, and squash again.\n",
        edited.err());
    Files.writeString(reverse, generated);
    Files.writeString(db.resolve("migration/V1_1__backfill.sql"), "UPDATE organization SET name = name;\n");
    compile();
    Map<String, String> before = Javac.contents(db);
    Cli.Result handWritten = Cli.run(Map.of(), project, "squash", "--to", "2");
    assertEquals(2, handWritten.exitCode(), handWritten::toString);
    assertEquals("[PLN629] Cannot squash: hand-written migrations are in the range (migration/V1_1__backfill.sql),"
        + " and the squashed migration would not contain what they do. Squash to a version before the first of them,"
        + " or move their work into a migration after the range, and squash again.\n", handWritten.err());
    assertEquals(before, Javac.contents(db), "nothing is written when squash refuses");
  }

  /** A new database with every migration of the folder applied. */
  private TestDatabase freshAtNewest() {
    TestDatabase fresh = SharedPostgres.newDatabase("squash_fresh_v7");
    assertEquals(4, plinth(fresh, null).migrate().applied().size());
    return fresh;
  }

  private List<String> migrationFiles() throws IOException {
    try (var files = Files.list(db.resolve("migration"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> infoRows(InfoResult info) {
    return info.migrations().stream().map(r -> r.version() + " " + r.state() + " " + r.checksum()).toList();
  }

  private static List<Integer> checksums(TestDatabase db, int upTo) throws SQLException {
    List<Integer> result = new ArrayList<>();
    try (Connection connection = db.connect(); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT checksum FROM " + HISTORY + " WHERE version::int <= " + upTo
            + " ORDER BY installed_rank")) {
      while (rs.next()) {
        result.add(rs.getInt(1));
      }
    }
    return result;
  }

  private Plinth plinth(TestDatabase target, String version) {
    return Plinth.create(target.dataSource(), RunnerConfig.builder()
        .locations("filesystem:" + db.resolve("migration")).target(version).build());
  }

  private static Schema catalog(TestDatabase target) throws SQLException {
    try (Connection connection = target.connect()) {
      return CatalogReader.read(connection, HISTORY);
    }
  }

  private void write(String file, String source) throws IOException {
    Path path = project.resolve(PACKAGE + file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, source);
  }

  private void compile() throws IOException {
    Javac.compile(project, sources, db, false);
  }

  private void step1() throws IOException {
    write("Organization.java", """
        package com.example.db;
        import dev.plinth.annotations.*;
        @Table public record Organization(@Id @Identity long id, String name) {}
        """);
    write("Plan.java", """
        package com.example.db;
        public enum Plan { FREE, PRO }
        """);
    write("Member.java", """
        package com.example.db;
        import dev.plinth.annotations.*;
        @Table public record Member(@Id @Identity long id, @References(Organization.class) long organizationId,
            String email, Plan plan) {}
        """);
    compile();
  }

  private void step2() throws IOException {
    write("Project.java", """
        package com.example.db;
        import dev.plinth.annotations.*;
        @Table @Index(columns = "title")
        public record Project(@Id @Identity long id, @References(Organization.class) long organizationId,
            String title) {}
        """);
    compile();
  }

  private void step3() throws IOException {
    write("Member.java", """
        package com.example.db;
        import dev.plinth.annotations.*;
        @Table public record Member(@Id @Identity long id, @References(Organization.class) long organizationId,
            @Acknowledge("PLN316") @RenamedFrom("email") String login, Plan plan, @Nullable String displayName) {}
        """);
    compile();
  }

  private void step4() throws IOException {
    Files.delete(project.resolve(PACKAGE + "Project.java"));
    write("Workspace.java", """
        package com.example.db;
        import dev.plinth.annotations.*;
        @Table @Acknowledge("PLN315") @RenamedFrom("project") @Index(columns = "title")
        public record Workspace(@Id @Identity long id, @References(Organization.class) long organizationId,
            String title) {}
        """);
    compile();
  }

  private void step5() throws IOException {
    write("Invoice.java", """
        package com.example.db;
        import dev.plinth.annotations.*;
        @Table public record Invoice(@Id @Identity long id, @References(Organization.class) long organizationId,
            @Default("0") int amount) {}
        """);
    compile();
  }

  private void step6() throws IOException {
    write("Invoice.java", """
        package com.example.db;
        import dev.plinth.annotations.*;
        @Table public record Invoice(@Id @Identity long id, @References(Organization.class) long organizationId,
            @Default("0") int amount, @Nullable String note) {}
        """);
    compile();
  }

  private void step7() throws IOException {
    write("Organization.java", """
        package com.example.db;
        import dev.plinth.annotations.*;
        @Table public record Organization(@Id @Identity long id, String name, @Nullable String city) {}
        """);
    compile();
  }
}
