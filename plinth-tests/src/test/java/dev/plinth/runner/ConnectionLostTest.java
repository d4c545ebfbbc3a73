package dev.plinth.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server ends the migrating connection mid-run (as a server shutdown does): the message says
 * the connection was lost, what was committed before, what became of the migration in flight, and
 * that migrating again continues; it does not send the user to fix a file.
 */
class ConnectionLostTest {

  @Test
  void aConnectionLostMidRunSaysWhatWasAppliedAndHowToContinue() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("connection_lost");
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl())
        .locations("classpath:fixtures/slow/db/migration").build());

    CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(plinth::migrate);
    String pid = "";
    for (int i = 0; i < 300 && pid.isEmpty(); i++) {
      Thread.sleep(100);
      pid = Sql.queryString(db, "SELECT coalesce(string_agg(pid::text, ','), '') FROM pg_stat_activity"
          + " WHERE query LIKE '%plinth-test-slow%' AND pid <> pg_backend_pid()");
    }
    Sql.execute(db, "SELECT pg_terminate_backend(" + pid + ")");

    ExecutionException failed = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
    PlinthException e = (PlinthException) failed.getCause();
    assertEquals(Message.Kind.CONNECTION, e.kind());
    assertEquals("[PLN635] The connection to PostgreSQL was lost while V2__slow.sql ran: terminating connection"
        + " due to administrator command (SQL state 57P01). Applied and committed before that: V1__create_t.sql"
        + " (the schema is at version 1). The server rolls back what V2__slow.sql had done. Once the server is"
        + " reachable again, run migrate again: it continues with the first migration not applied.", e.getMessage());
    assertEquals("1", Sql.queryString(db, "SELECT string_agg(version, ',') FROM flyway_schema_history WHERE success"));
    Sql.execute(db, "CREATE TABLE slow_done ()");
    assertEquals("2", plinth.migrate().schemaVersion().orElseThrow(), "migrating again continues");
  }
}
