package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth reset} and {@code plinth prune-backups}. */
class ResetCommandTest {

  @TempDir
  Path workingDirectory;

  private String location;

  @BeforeEach
  void generate() {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    location = "filesystem:" + folder.resolve("migration");
  }

  private Cli.Result plinth(String url, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--url";
    all[args.length + 1] = url;
    all[args.length + 2] = "--locations";
    all[args.length + 3] = location;
    return Cli.run(Map.of(), workingDirectory, all);
  }

  @Test
  void resetDropsWhatTheMigrationsCreatedAndMigratesAgain() {
    TestDatabase db = SharedPostgres.newDatabase("reset_test");
    assertEquals(0, plinth(db.jdbcUrl(), "migrate", "--target", "2").exitCode());
    Sql.execute(db, "INSERT INTO users (email) VALUES ('a@example.com')");
    assertEquals(0, plinth(db.jdbcUrl(), "migrate").exitCode());
    assertEquals(0, plinth(db.jdbcUrl(), "rollback", "--steps", "1").exitCode());

    Cli.Result result = plinth(db.jdbcUrl(), "reset");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("Dropped 2 tables, 1 type, 2 schemas and the migration history;"
        + " migrating again.\n"), result::toString);
    assertTrue(result.out().contains("Applied 4 migrations"), result::toString);
    assertEquals("0", Sql.queryString(db, "SELECT count(*) FROM users"));
    assertEquals("4", Sql.queryString(db, "SELECT count(*) FROM flyway_schema_history"));
    assertEquals(0, plinth(db.jdbcUrl(), "verify").exitCode());
  }

  /** Reset counts what was there, not what the migrations would create. */
  @Test
  void resetOfANewDatabaseDropsNothingAndSaysSo() {
    TestDatabase db = SharedPostgres.newDatabase("reset_new_test");

    Cli.Result result = plinth(db.jdbcUrl(), "reset");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("Dropped 0 tables, 0 types, "), result::toString);
    assertTrue(result.out().contains("Applied 4 migrations"), result::toString);
  }

  @Test
  void resetRefusesADatabaseNotNamedAsDisposableUnlessForced() {
    TestDatabase db = SharedPostgres.newDatabase("customers");
    assertEquals(0, plinth(db.jdbcUrl(), "migrate").exitCode());

    Cli.Result refused = plinth(db.jdbcUrl(), "reset");

    assertEquals(2, refused.exitCode(), refused::toString);
    assertEquals("[PLN612] Refusing to reset database '" + db.name() + "': its name does not say it is disposable"
        + " (it contains none of test, dev, tmp, temp, scratch, local, ci). reset drops every table the migrations"
        + " created and all their data. Pass --force if it really is disposable.\n", refused.err());
    assertEquals("4", Sql.queryString(db, "SELECT count(*) FROM flyway_schema_history"), "nothing was dropped");

    Cli.Result forced = plinth(db.jdbcUrl(), "reset", "--force");
    assertEquals(0, forced.exitCode(), forced::toString);
  }

  @Test
  void resetRefusesARemoteHostWithoutConnecting() {
    Cli.Result refused = plinth("postgres://app@db.example.com:5432/app_test", "reset");

    assertEquals(2, refused.exitCode(), refused::toString);
    assertTrue(refused.err().startsWith("[PLN611] Refusing to reset a database on 'db.example.com': that host is not"
        + " this machine"), refused::toString);
  }

  @Test
  void pruneBackupsDropsBackupSchemasOlderThanAVersion() {
    TestDatabase db = SharedPostgres.newDatabase("prune");
    assertEquals(0, plinth(db.jdbcUrl(), "migrate").exitCode());
    String backups = "SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname LIKE 'plinth_backup%'";
    assertEquals("plinth_backup_v3_public", Sql.queryString(db, backups));

    Cli.Result none = plinth(db.jdbcUrl(), "prune-backups", "--before", "3");
    Cli.Result pruned = plinth(db.jdbcUrl(), "prune-backups", "--before", "4");

    assertEquals("No backups to prune older than version 3.\n", none.out(), none::toString);
    assertEquals(0, pruned.exitCode(), pruned::toString);
    assertEquals("Dropped backup schema plinth_backup_v3_public.\nDropped 1 backup schema; rolling back those"
        + " migrations will no longer restore the data they removed.\n", pruned.out());
    assertEquals(null, Sql.queryString(db, backups));
    assertEquals(2, plinth(db.jdbcUrl(), "prune-backups", "--before", "x.y").exitCode());
  }
}
