package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.execute;
import static dev.plinth.features.GoldenScripts.failure;
import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.internal.catalog.SecurityCatalog;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code EXECUTE} grants on functions (golden files {@code golden/function-grants}) on a real
 * PostgreSQL: who may execute each function after every migration and reverse (PUBLIC loses
 * {@code EXECUTE} on a function with grants, gets it back when they go, a function created again
 * gets its grants again), what a member of each role may call, and {@code verify} after
 * migrate, rollback and migrate again, and after a hand-made {@code REVOKE} and {@code GRANT}.
 */
class FunctionGrantDatabaseTest {
  private static final Path GOLDEN =
      Path.of("../schema-processor/src/test/resources/golden/function-grants");
  /** Who may execute each function of the schema, by function. */
  private static final String ACLS = Sql.functionExecutors("order\\_%");
  private static final String AFTER_V1 =
      "order_avg: fn_reader,fn_writer; order_count: fn_reader; order_total: PUBLIC";

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsPrivileges() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = GoldenScripts.states(GOLDEN, migrations);
    TestDatabase db = SharedPostgres.newDatabase("function_grants_catalog");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertEquals(AFTER_V1, query(connection, ACLS), "after V1");
      assertEquals(List.of(), SecurityCatalog.compare(connection, states.get(1)), "verify after V1");

      run(connection, migrations.get(1).forward());
      assertEquals("order_avg: PUBLIC; order_count: fn_reader,fn_writer; order_max: fn_reader;"
          + " order_total: PUBLIC,fn_writer", query(connection, ACLS), "after V2");
      assertEquals(List.of(), SecurityCatalog.compare(connection, states.get(2)), "verify after V2");

      run(connection, migrations.get(1).reverse());
      assertEquals(AFTER_V1, query(connection, ACLS), "U2 restores the privileges of V1");
      assertEquals(List.of(), SecurityCatalog.compare(connection, states.get(1)), "verify after U2");

      run(connection, migrations.get(0).reverse());
      assertEquals(null, query(connection, ACLS), "U1 drops the functions");
    }
  }

  @Test
  void aMemberOfAGranteeMayCallTheFunctionAndNoOtherRole() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("function_grants_roles");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      for (String login : List.of("fngrant_reader", "fngrant_writer", "fngrant_nobody")) {
        execute(connection, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + login + "') THEN CREATE ROLE " + login + " LOGIN; END IF; END $$");
      }
      execute(connection, "GRANT fn_reader TO fngrant_reader");
      execute(connection, "GRANT fn_writer TO fngrant_writer");
      // The functions read the table as their caller: the writer may read it too.
      execute(connection, "GRANT SELECT ON orders TO fngrant_writer, fngrant_nobody");
      execute(connection, "INSERT INTO orders VALUES (1, 'tea'), (5, 'milk')");

      Map<String, String> v1 = calls(connection, "order_count(2)");
      assertEquals("1", v1.get("fngrant_reader"), "the grantee calls it");
      assertEquals("permission denied for function order_count", v1.get("fngrant_writer"));
      assertEquals("permission denied for function order_count", v1.get("fngrant_nobody"),
          "PUBLIC may not call a function with grants");
      assertEquals("6", calls(connection, "order_total()").get("fngrant_nobody"),
          "but may call one without (PostgreSQL's default)");

      run(connection, migrations.get(1).forward());
      Map<String, String> v2 = calls(connection, "order_count(0, 3)");
      assertEquals("1", v2.get("fngrant_reader"), "the function created again is granted again");
      assertEquals("1", v2.get("fngrant_writer"), "and to the role granted in V2");
      assertEquals("permission denied for function order_count", v2.get("fngrant_nobody"));
      assertEquals("3", calls(connection, "order_avg()::integer").get("fngrant_nobody"),
          "a function whose grants went is PUBLIC's again");
      assertEquals("permission denied for function order_max",
          calls(connection, "order_max()").get("fngrant_nobody"), "a new function with grants");

      run(connection, migrations.get(1).reverse());
      Map<String, String> u2 = calls(connection, "order_count(2)");
      assertEquals("1", u2.get("fngrant_reader"));
      assertEquals("permission denied for function order_count", u2.get("fngrant_writer"),
          "the reverse takes the writer's grant back");
      assertEquals("permission denied for function order_count", u2.get("fngrant_nobody"));
      assertEquals("permission denied for function order_avg",
          calls(connection, "order_avg()").get("fngrant_nobody"), "and PUBLIC's");
    }
  }

  @Test
  void verifyIsCleanAfterMigrateAndRollbackAndReportsAHandMadeRevokeAndGrant() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("function_grants_drift");
    Plinth plinth = GoldenScripts.runner(db, GOLDEN);
    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
    plinth.migrate();
    assertEquals(List.of(), plinth.verify().differences(), "nor after migrating again");
    try (Connection connection = db.connect()) {
      execute(connection, "REVOKE EXECUTE ON FUNCTION order_count(bigint, bigint) FROM fn_writer");
      execute(connection, "GRANT EXECUTE ON FUNCTION order_max() TO PUBLIC");
      execute(connection, "GRANT EXECUTE ON FUNCTION order_avg() TO fn_reader");
      // order_avg has no grants declared: whether PUBLIC may execute it is not Plinth's to say.
      execute(connection, "REVOKE EXECUTE ON FUNCTION order_avg() FROM PUBLIC");
    }

    List<String> found = plinth.verify().differences().stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name()).toList();

    assertEquals(List.of("extra grant function public.order_avg() to fn_reader",
        "missing grant function public.order_count(min_id bigint, max_id bigint) to fn_writer",
        "extra grant function public.order_max() to PUBLIC"), found);
  }

  /** What each login role gets calling {@code call} ({@code SELECT call}), or its error. */
  private static Map<String, String> calls(Connection connection, String call) throws SQLException {
    Map<String, String> result = new TreeMap<>();
    for (String login : List.of("fngrant_reader", "fngrant_writer", "fngrant_nobody")) {
      execute(connection, "SET ROLE " + login);
      try {
        String error = failure(connection, "SELECT " + call);
        result.put(login, error.equals("no failure") ? query(connection, "SELECT " + call) : error);
      } finally {
        execute(connection, "RESET ROLE");
      }
    }
    return result;
  }

  private static void run(Connection connection, String file) throws IOException, SQLException {
    GoldenScripts.run(connection, GOLDEN, file);
  }
}
