package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.EnumType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolling back a migration that created a table or added columns keeps what was written into them
 * since (in the version's backup schema), and migrating again takes it back.
 */
class RollbackKeepsNewRowsTest {
  private static final QualifiedName USERS = new QualifiedName("public", "users");
  private static final QualifiedName NOTES = new QualifiedName("public", "notes");
  private static final QualifiedName STATUS = new QualifiedName("public", "status");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
  private static final Column EMAIL = new Column("email", "text", null, false, null, Identity.NONE, null, null);

  /** V1: users. */
  private static final Schema V1 = new Schema(List.of(users(List.of(ID, EMAIL))),
      List.of(new EnumType(STATUS, "x.Status", List.of("active", "done"))));
  /** V2: users gets a nick (with a default), a score and a ticket number (identity); notes is new. */
  private static final Schema V2 = V1
      .withTable(users(List.of(ID, EMAIL,
          new Column("nick", "text", null, false, "'anon'", Identity.NONE, "Shown name.", null),
          new Column("score", "integer", null, true, null, Identity.NONE, null, null),
          new Column("ticket", "bigint", null, false, null, Identity.ALWAYS, null, null))))
      .withTable(notes("text"));

  @TempDir
  Path workingDirectory;

  @Test
  void rollingBackACreateKeepsTheRowsWrittenSinceAndMigratingAgainTakesThemBack() {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(V1, V2));
    TestDatabase db = SharedPostgres.newDatabase("rollback_keeps");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO users (email) VALUES ('ada@example.com'), ('bob@example.com')");
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    Sql.execute(db, "UPDATE users SET nick = 'Ada', score = 7 WHERE email = 'ada@example.com'");
    Sql.execute(db, "INSERT INTO notes (user_id, body, status) SELECT id, 'hello', 'done' FROM users"
        + " WHERE email = 'ada@example.com'");
    Sql.execute(db, "INSERT INTO notes (user_id, body) SELECT id, 'again' FROM users WHERE email = 'ada@example.com'");
    assertEquals("ada@example.com:1,bob@example.com:2", tickets(db));

    Cli.Result rollback = plinth(db, folder, "rollback", "--steps", "1");

    assertEquals(0, rollback.exitCode(), rollback::toString);
    assertFalse(Sql.exists(db, "public.notes"), "the table is gone from public");
    assertEquals(0, plinth(db, folder, "verify").exitCode(), "the catalog is the one of version 1");
    assertEquals("hello,again", Sql.queryString(db,
        "SELECT string_agg(body, ',' ORDER BY id) FROM plinth_backup_v2_public.notes"), "the rows are kept");
    assertEquals("Ada", Sql.queryString(db, "SELECT nick FROM plinth_backup_v2_public.\"users.nick\" WHERE id = 1"));

    Sql.execute(db, "INSERT INTO users (email) VALUES ('carol@example.com')");
    Cli.Result migrate = plinth(db, folder, "migrate");

    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertEquals(0, plinth(db, folder, "verify").exitCode(), "the catalog is the one of version 2");
    assertEquals("1:hello:done,2:again:active", Sql.queryString(db,
        "SELECT string_agg(id || ':' || body || ':' || status, ',' ORDER BY id) FROM notes"));
    assertEquals("ada@example.com:Ada:7,bob@example.com:anon:,carol@example.com:anon:", Sql.queryString(db,
        "SELECT string_agg(email || ':' || nick || ':' || coalesce(score::text, ''), ',' ORDER BY id) FROM users"));
    assertEquals("ada@example.com:1,bob@example.com:2,carol@example.com:3", tickets(db),
        "kept ticket numbers come back; a row written since gets one after them");
    Sql.execute(db, "INSERT INTO notes (user_id, body) SELECT id, 'later' FROM users WHERE email = 'bob@example.com'");
    assertEquals("3", Sql.queryString(db, "SELECT id FROM notes WHERE body = 'later'"), "the identity continues");
    assertEquals("0", Sql.queryString(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
        + " ON n.oid = c.relnamespace WHERE n.nspname LIKE 'plinth\\_backup%'"), "nothing is left in the backup");
  }

  @Test
  void whatAnotherEditionOfTheMigrationKeptIsNotTakenBackButNamed() {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(V1, V2));
    TestDatabase db = SharedPostgres.newDatabase("rollback_amended");
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    Sql.execute(db, "INSERT INTO users (email) VALUES ('ada@example.com')");
    Sql.execute(db, "INSERT INTO notes (user_id, body) SELECT id, 'hello' FROM users");
    assertEquals(0, plinth(db, folder, "rollback", "--steps", "1").exitCode());
    // The newest migration is amended after the rollback: notes.body becomes a varchar.
    Path amended = GeneratedMigrations.write(workingDirectory.resolve("amended"),
        List.of(V1, V2.withTable(notes("character varying(100)"))));

    Cli.Result refused = plinth(db, amended, "migrate");

    assertEquals(4, refused.exitCode(), refused::toString);
    assertTrue(refused.err().contains("Cannot take back table public.notes from plinth_backup_v2_public.notes: it"
        + " was kept by rolling back another edition of version 2 and is not the table this migration creates."
        + " Copy what you need from it, drop it (plinth prune-backups drops every backup) and migrate again."),
        refused::toString);
    assertEquals("hello", Sql.queryString(db, "SELECT body FROM plinth_backup_v2_public.notes"), "still kept");

    assertEquals(0, plinth(db, amended, "prune-backups").exitCode());
    Cli.Result migrate = plinth(db, amended, "migrate");

    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertEquals(0, plinth(db, amended, "verify").exitCode());
    assertEquals("0", Sql.queryString(db, "SELECT count(*) FROM notes"));
  }

  private static String tickets(TestDatabase db) {
    return Sql.queryString(db, "SELECT string_agg(email || ':' || ticket, ',' ORDER BY id) FROM users");
  }

  private Cli.Result plinth(TestDatabase db, Path folder, String... args) {
    return Cli.onDatabase(workingDirectory, db, folder, args);
  }

  private static Table users(List<Column> columns) {
    return new Table(USERS, "x.User", null, columns, new PrimaryKey("users_pkey", List.of("id")), List.of(),
        List.of(), List.of(), List.of(), null);
  }

  private static Table notes(String bodyType) {
    List<Column> columns = List.of(ID,
        new Column("user_id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("body", bodyType, null, false, null, Identity.NONE, null, null),
        new Column("status", "\"public\".\"status\"", STATUS, false, "'active'", Identity.NONE, null, null));
    return new Table(NOTES, "x.Note", "A note.", columns, new PrimaryKey("notes_pkey", List.of("id")), List.of(),
        List.of(), List.of(), List.of(new ForeignKey("notes_user_id_fkey", List.of("user_id"), USERS, List.of("id"),
            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)), null);
  }
}
