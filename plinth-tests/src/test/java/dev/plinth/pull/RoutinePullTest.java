package dev.plinth.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.PullResult;
import dev.plinth.runner.testing.PullProof;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pull} of functions, triggers and materialized views: the records declare them
 * ({@code @Function} with its body in a resource file as PostgreSQL keeps it, {@code @Trigger} on
 * the table's record, {@code @View(materialized = true)} with its indexes and {@code WITH NO DATA}),
 * no hand-written migration is needed, and the proof holds (compiling them writes no further
 * migration; the baseline rebuilds the same catalog; verify of the original and of the rebuilt
 * database finds nothing).
 */
class RoutinePullTest {
  @TempDir Path project;

  static final String ROUTINES = """
      CREATE SCHEMA billing;
      CREATE TABLE account (
        id bigint PRIMARY KEY,
        status text NOT NULL,
        balance numeric NOT NULL DEFAULT 0,
        updated_at timestamp with time zone NOT NULL DEFAULT now()
      );
      CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := now();  \s
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION touch_updated_at();
      CREATE FUNCTION billing.note_change() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END';
      CREATE TRIGGER account_noted AFTER INSERT OR DELETE ON account FOR EACH STATEMENT
        EXECUTE FUNCTION billing.note_change();
      CREATE FUNCTION billing.total(a numeric, b numeric) RETURNS numeric LANGUAGE sql AS 'SELECT a + b';
      CREATE FUNCTION statuses() RETURNS SETOF text LANGUAGE sql AS $$ SELECT status FROM account $$;
      CREATE MATERIALIZED VIEW account_totals AS SELECT status, sum(balance) AS total FROM account GROUP BY status;
      CREATE UNIQUE INDEX account_totals_status_idx ON account_totals (status);
      CREATE INDEX account_totals_big ON account_totals (total DESC) WHERE total > 100;
      CREATE MATERIALIZED VIEW billing.pending AS SELECT id FROM account WHERE status = 'pending' WITH NO DATA;
      """;

  @Test
  void functionsTriggersAndMaterializedViewsArePulledIntoRecords() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_routines");
    Sql.execute(original, ROUTINES);

    PullResult result = PullProof.prove(original, project);

    assertEquals(List.of(), result.unsupported());
    assertFalse(Files.exists(project.resolve("db/migration/V2__not_modelled.sql")), "nothing is left to a hand-written migration");
    assertEquals("""
        package com.example.db;

        import dev.plinth.annotations.Default;
        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;
        import dev.plinth.annotations.Trigger;
        import dev.plinth.annotations.TriggerEvent;
        import java.math.BigDecimal;
        import java.time.OffsetDateTime;

        @Table
        @Function(name = "note_change", schema = "billing", resource = "fn/billing/note_change.sql")
        @Function(name = "touch_updated_at", resource = "fn/touch_updated_at.sql")
        @Trigger(name = "account_noted", function = "billing.note_change", timing = Trigger.Timing.AFTER,\
         events = {TriggerEvent.INSERT, TriggerEvent.DELETE}, forEach = Trigger.Level.STATEMENT)
        @Trigger(name = "account_touch", function = "touch_updated_at", events = TriggerEvent.UPDATE,\
         when = "(old.status IS DISTINCT FROM new.status)")
        public record Account(
            @Id long id,
            String status,
            @Default("0") BigDecimal balance,
            @Default("now()") OffsetDateTime updatedAt) {}
        """, Files.readString(project.resolve("src/com/example/db/Account.java")));
    assertEquals("""
        package com.example.db;

        import dev.plinth.annotations.Function;

        /** PostgreSQL functions, their bodies among the resources. */
        @Function(name = "statuses", resource = "fn/statuses.sql", returns = "SETOF text", language = "sql")
        public interface Functions {}
        """, Files.readString(project.resolve("src/com/example/db/Functions.java")));
    assertTrue(Files.readString(project.resolve("src/com/example/db/billing/Functions.java")).contains(
        "@Function(name = \"total\", schema = \"billing\", resource = \"fn/billing/total.sql\","
            + " arguments = \"a numeric, b numeric\", returns = \"numeric\", language = \"sql\")\n"));
    // The body as PostgreSQL keeps it, trailing spaces and blank lines around it aside.
    assertEquals("BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n",
        Files.readString(project.resolve("fn/touch_updated_at.sql")));
    assertEquals("SELECT a + b\n", Files.readString(project.resolve("fn/billing/total.sql")));
    assertEquals("""
        package com.example.db;

        import dev.plinth.annotations.Index;
        import dev.plinth.annotations.View;
        import java.math.BigDecimal;

        /** The PostgreSQL materialized view {@code public.account_totals}. */
        @View(sql = "SELECT status,\\n"
                + "    sum(balance) AS total\\n"
                + "   FROM account\\n"
                + "  GROUP BY status", materialized = true)
        @Index(columns = "total DESC", where = "(total > (100)::numeric)", name = "account_totals_big")
        @Index(columns = "status", unique = true)
        public record AccountTotals(
            String status,
            BigDecimal total) {}
        """, Files.readString(project.resolve("src/com/example/db/AccountTotals.java")));
    assertTrue(Files.readString(project.resolve("src/com/example/db/billing/Pending.java"))
        .contains(", materialized = true, withData = false)\n"));

    // The rebuilt database has them as the original has them.
    TestDatabase fresh = SharedPostgres.newDatabase("pull_routines_fresh");
    PullProof.plinth(fresh, project.resolve("db")).migrate();
    assertEquals(routines(original), routines(fresh));
  }

  @Test
  void whoMayExecuteAFunctionIsPulledAsItsGrants() throws Exception {
    TestDatabase original = SharedPostgres.newDatabase("pull_function_grants");
    Sql.execute(original, """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fnpull_app') THEN
            CREATE ROLE fnpull_app;
          END IF;
        END $$;
        CREATE TABLE ledger (id bigint PRIMARY KEY);
        CREATE FUNCTION ledger_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM ledger';
        REVOKE EXECUTE ON FUNCTION ledger_count() FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION ledger_count() TO fnpull_app;
        CREATE FUNCTION ledger_max() RETURNS bigint LANGUAGE sql AS 'SELECT max(id) FROM ledger';
        GRANT EXECUTE ON FUNCTION ledger_max() TO fnpull_app;
        CREATE FUNCTION ledger_min() RETURNS bigint LANGUAGE sql AS 'SELECT min(id) FROM ledger';
        """);

    PullResult result = PullProof.prove(original, project);

    assertEquals(List.of(), result.unsupported());
    assertEquals("""
        package com.example.db;

        import dev.plinth.annotations.Function;
        import dev.plinth.annotations.Grant;
        import dev.plinth.annotations.Privilege;

        /** PostgreSQL functions, their bodies among the resources. */
        @Function(name = "ledger_count", resource = "fn/ledger_count.sql", returns = "bigint", language = "sql")
        @Grant(to = "fnpull_app", privileges = Privilege.EXECUTE, function = "ledger_count")
        @Function(name = "ledger_max", resource = "fn/ledger_max.sql", returns = "bigint", language = "sql")
        @Grant(to = "PUBLIC", privileges = Privilege.EXECUTE, function = "ledger_max")
        @Grant(to = "fnpull_app", privileges = Privilege.EXECUTE, function = "ledger_max")
        @Function(name = "ledger_min", resource = "fn/ledger_min.sql", returns = "bigint", language = "sql")
        public interface Functions {}
        """, Files.readString(project.resolve("src/com/example/db/Functions.java")));
    String privileges = "ledger_count: fnpull_app; ledger_max: PUBLIC,fnpull_app; ledger_min: PUBLIC";
    assertEquals(privileges, Sql.queryString(original, Sql.functionExecutors("ledger\\_%")));
    TestDatabase fresh = SharedPostgres.newDatabase("pull_function_grants_rebuilt");
    PullProof.plinth(fresh, project.resolve("db")).migrate();
    assertEquals(privileges, Sql.queryString(fresh, Sql.functionExecutors("ledger\\_%")),
        "the baseline grants what the original grants");
  }

  /**
   * Functions (normalized body, arguments, result, language), triggers and materialized views
   * (definition, populated, indexes) as PostgreSQL spells them, one sorted line each.
   */
  private static List<String> routines(TestDatabase db) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection connection = db.connect(); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("""
            SELECT line FROM (
              SELECT 'function ' || p.oid::regprocedure || ' ' || pg_get_function_arguments(p.oid) || ' '
                     || pg_get_function_result(p.oid) || ' ' || l.lanname || ' ' || btrim(p.prosrc, E'\\n') AS line
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
              WHERE n.nspname IN ('public', 'billing')
              UNION ALL
              SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
              UNION ALL
              SELECT 'materialized view ' || c.oid::regclass || ' ' || pg_get_viewdef(c.oid) || ' ' || c.relispopulated
              FROM pg_class c WHERE c.relkind = 'm'
              UNION ALL
              SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
              WHERE c.relkind = 'm'
            ) definitions ORDER BY line COLLATE "C"
            """)) {
      while (rs.next()) {
        lines.add(rs.getString(1).replaceAll("[ \\t]+(?=\\n|$)", ""));
      }
    }
    return lines;
  }
}
