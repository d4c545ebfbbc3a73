package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code CREATE UNIQUE INDEX CONCURRENTLY} over duplicate values fails outside a transaction and
 * leaves an invalid index and a failed history row: the next migrate says so and names the way
 * out, {@code info} still says the schema is at the last success, and {@code repair} clears both so
 * that migrate runs the migration again once the data is fixed.
 */
class RepairCommandTest {
  private static final String FAILING = "classpath:fixtures/failing-concurrently/db/migration";

  @TempDir
  Path workingDirectory;

  private Cli.Result plinth(TestDatabase db, String... args) {
    return Cli.onDatabase(workingDirectory, db, FAILING, args);
  }

  @Test
  void repairClearsAFailedConcurrentIndexSoThatMigrateRetriesIt() {
    TestDatabase db = SharedPostgres.newDatabase("repair");

    Cli.Result failed = plinth(db, "migrate");
    assertEquals(ExitCode.MIGRATION_FAILED.code(), failed.exitCode(), failed::toString);
    assertEquals("f", Sql.queryString(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email_key'::regclass"));

    Cli.Result info = plinth(db, "info");
    assertTrue(info.out().endsWith("Schema version: 1\n"), "the failed V2 is not the schema version: " + info);

    Cli.Result blocked = plinth(db, "migrate");
    assertEquals(ExitCode.INTEGRITY.code(), blocked.exitCode(), blocked::toString);
    assertEquals("[PLN673] Nothing was migrated: V2__unique_account_email.sql (version 2) failed earlier outside a"
        + " transaction, and the history still records that failure and it left the invalid index"
        + " public.account_email_key. Fix what made it fail (e.g. duplicate values under a unique index), then run"
        + " `plinth repair` (Plinth.repair()) to remove the failed row and drop the invalid index, and migrate"
        + " again: it runs again.\n", blocked.err());

    Sql.execute(db, "DELETE FROM account WHERE id = 2");
    Cli.Result repair = plinth(db, "repair");
    assertEquals(0, repair.exitCode(), repair::toString);
    assertEquals("Removed the failed history row of V2__unique_account_email.sql; the next migrate runs it again.\n"
        + "Dropped the invalid index public.account_email_key that a failed CREATE INDEX CONCURRENTLY left.\n",
        repair.out());

    Cli.Result retried = plinth(db, "migrate");
    assertEquals(0, retried.exitCode(), retried::toString);
    assertEquals("t", Sql.queryString(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email_key'::regclass"));
    assertEquals("Nothing to repair: the history records no failed migration.\n", plinth(db, "repair").out());
  }
}
