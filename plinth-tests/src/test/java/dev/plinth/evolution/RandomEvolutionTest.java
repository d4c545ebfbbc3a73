package dev.plinth.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.GeneratedColumns;
import dev.plinth.schema.diff.MigrationPlan;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.GeneratedMigration;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.View;
import dev.plinth.schema.pull.Unsupported;
import dev.plinth.schema.render.MigrationScript;
import dev.plinth.schema.render.ScriptSettings;
import dev.plinth.runner.internal.SqlStatements;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.RoutineCatalog;
import dev.plinth.runner.internal.catalog.SchemaCatalog;
import dev.plinth.runner.internal.catalog.SecurityCatalog;
import dev.plinth.runner.internal.catalog.ViewCatalog;
import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.runner.testing.PullProof;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The property that makes rollback trustworthy, on a real PostgreSQL: for random schema
 * evolutions with rows in every table, applying the generated migration gives exactly the new
 * model; applying its reverse gives exactly the previous model with every row back; applying it
 * again gives the same catalog as the first time, with every row written into the new tables and
 * columns in between back too. Finally, the database that went through every
 * step equals one created from the final schema in one migration, and {@code pull} adopts it
 * exactly ({@link PullProof}).
 */
class RandomEvolutionTest {
  static final int STEPS = Integer.getInteger("plinth.evolution.steps", 75);
  private static final String NO_HISTORY = "-";

  @TempDir
  Path project;

  /**
   * For each seed, with the relaxed plan (each change in one transaction) and the strict one
   * (constraints on existing tables validated by a migration of their own).
   */
  @ParameterizedTest(name = "seed {0}, strict {1}")
  @CsvSource({"1, false", "2, false", "3, false", "4, false", "1, true", "2, true", "3, true", "4, true"})
  // SquawkOracleTest lints the migrations of these seeds
  void everyStepRoundTripsAndKeepsEveryRow(long seed, boolean strict) throws SQLException, IOException {
    TestDatabase db = evolve(seed, strict, false, new TreeSet<>());
    List<Unsupported> unsupported = PullProof.prove(db, project).unsupported();
    assertEquals(List.of(), unsupported.stream().map(Unsupported::text).toList(), "pull says everything");
  }

  /**
   * The same with functions and triggers taking part (a trigger function's body replaced, an SQL
   * function's return type changed, triggers following their tables' renames and, by their
   * conditions, their columns' renames, retypes and drops). {@code pull} leaves functions and
   * triggers to its hand-written migration, so the pull proof is left out.
   */
  @ParameterizedTest(name = "seed {0}, strict {1}")
  @CsvSource({"5, false", "6, true"})
  void everyStepWithFunctionsAndTriggersRoundTrips(long seed, boolean strict) throws SQLException {
    Set<String> kinds = new TreeSet<>();
    evolve(seed, strict, true, kinds);
    assertTrue(kinds.containsAll(Set.of("ReplaceFunction", "DropFunction", "CreateFunction", "CreateTrigger",
        "DropTrigger", "RenameTable", "AlterColumn", "CreateMaterializedView", "CreateSequence",
        "AlterSequence", "DropSequence", "RenameSequence", "RefreshView")),
        "the evolution went through " + kinds);
  }

  /**
   * The evolutions of the seeds above replace views in place (a view over a table getting a third
   * column), some of them read by other views (which read them through a {@code *}, so they are
   * dropped and created around it); the reverses drop and create the replaced views: so the round
   * trips cover both ways of {@code ReplaceView}.
   */
  @org.junit.jupiter.api.Test
  void theEvolutionsReplaceViewsInPlace() {
    int[] replaced = new int[2];
    eachChange((current, change) -> {
      if (change instanceof Change.ReplaceView r && r.inPlace()) {
        replaced[0]++;
        replaced[1] += r.readers(current).isEmpty() ? 0 : 1;
      }
    });
    assertTrue(replaced[0] > 0 && replaced[1] > 0, replaced[0] + " replaced, " + replaced[1] + " with readers");
  }

  /**
   * The evolutions of the seeds above create, alter, rename and drop domains, and give columns
   * domains (also arrays of them) and take them back: the round trips cover every domain change.
   */
  @org.junit.jupiter.api.Test
  void theEvolutionsChangeDomains() {
    Set<String> kinds = new TreeSet<>();
    eachChange((current, change) -> {
      kinds.add(change.getClass().getSimpleName());
      if (change instanceof Change.AlterColumn a && !a.before().type().equals(a.after().type())) {
        boolean from = a.before().type().startsWith("\"");
        boolean to = a.after().type().startsWith("\"");
        kinds.add(from == to ? "retype" : from ? "retype from a domain" : "retype to a domain");
      } else if (change instanceof Change.AddColumn a && a.column().type().endsWith("\"[]")) {
        kinds.add("array of a domain added");
      }
    });
    assertTrue(kinds.containsAll(Set.of("CreateDomain", "AlterDomain", "RenameDomain", "DropDomain",
        "retype to a domain", "retype from a domain", "array of a domain added")), "the evolutions went through " + kinds);
  }

  /** Each change of the evolutions of seeds 1 to 4, with the schema it changes. */
  private static void eachChange(java.util.function.BiConsumer<Schema, Change> action) {
    for (long seed = 1; seed <= 4; seed++) {
      SchemaMutator mutator = new SchemaMutator(seed, false);
      Schema current = mutator.initial();
      for (int step = 1; step <= STEPS; step++) {
        Schema next = mutator.mutate(current);
        for (Change change : SchemaDiff.diff(current, next)) {
          action.accept(current, change);
        }
        current = next;
      }
    }
  }

  /**
   * Evolves a database through {@link #STEPS} random steps, checking each; returns it, and adds the
   * kinds of change the steps made to {@code kinds}.
   */
  private static TestDatabase evolve(long seed, boolean strict, boolean routines, Set<String> kinds)
      throws SQLException {
    Rows rows = new Rows(seed);
    String name = (strict ? "strict_" : "") + (routines ? "routines_" : "") + seed;
    TestDatabase db = SharedPostgres.newDatabase("evolution_" + name);
    Schema current = Schema.EMPTY;
    int version = 0;
    try (Connection connection = db.connect()) {
      int postgres = connection.getMetaData().getDatabaseMajorVersion();
      // NOT NULL constraints have names (which the processor allows to state) from PostgreSQL 18.
      SchemaMutator mutator = new SchemaMutator(seed, postgres >= 18);
      if (routines) {
        mutator.withRoutines();
      }
      Schema initial = mutator.initial();
      version = migrate(connection, current, initial, version, strict, "initial");
      current = initial;
      for (int step = 1; step <= STEPS; step++) {
        Schema next = mutator.mutate(current);
        List<Change> changes = changes(current, next, postgres);
        changes.forEach(c -> kinds.add(c instanceof Change.CreateView v && v.view().materialized()
            ? "CreateMaterializedView" : c.getClass().getSimpleName()));
        String where = "seed " + seed + (strict ? " (strict)" : "") + ", step " + step + ": " + changes;
        rows.insert(connection, current);
        Map<String, List<String>> before = Rows.snapshot(connection, current);

        List<Change.RefreshView> refreshes = changes.stream().filter(c -> c instanceof Change.RefreshView)
            .map(c -> (Change.RefreshView) c).toList();
        for (Change.RefreshView refresh : refreshes) {
          // As the view is before the migration (its query names the tables as they are).
          View view = current.view(refresh.before().name()).orElseThrow();
          if (populated(connection, view)) {
            assertTrue(!holdsItsQuerysRows(connection, view),
                "a row written since " + view.name() + " was refreshed is not in it yet, " + where);
          }
        }

        List<Script> scripts = scripts(current, changes, version, strict);
        run(connection, scripts, true, where);
        assertCatalog(connection, next, "after migrate, " + where);
        for (Change.RefreshView refresh : refreshes) {
          assertTrue(holdsItsQuerysRows(connection, refresh.after()),
              "the migration refreshed " + refresh.after().name() + ", " + where);
        }
        Schema afterFirst = CatalogReader.read(connection, NO_HISTORY);
        Map<QualifiedName, String> viewsAfterFirst = ViewCatalog.read(connection, Optional.empty());
        rows.writeNew(connection, next, changes);
        Map<String, List<String>> written = Rows.snapshot(connection, next);

        run(connection, scripts, false, where);
        assertCatalog(connection, current, "after rollback, " + where);
        assertEquals(before, Rows.snapshot(connection, current), "rows after rollback, " + where);

        run(connection, scripts, true, where);
        assertEquals(generatedLast(Canonical.schema(afterFirst)),
            generatedLast(Canonical.schema(CatalogReader.read(connection, NO_HISTORY))),
            "migrate after rollback, " + where);
        assertEquals(viewsAfterFirst, ViewCatalog.read(connection, Optional.empty()),
            "views after migrate, rollback and migrate, " + where);
        assertEquals(written, Rows.snapshot(connection, next),
            "rows written into new tables and columns are back after rollback and migrate, " + where);
        version += scripts.size();
        current = Changes.apply(current, changes);
      }
    }
    TestDatabase fresh = SharedPostgres.newDatabase("evolution_fresh_" + name);
    try (Connection connection = fresh.connect(); Connection evolved = db.connect()) {
      migrate(connection, Schema.EMPTY, current, 0, strict, "final schema at once");
      List<Change> difference = SchemaDiff.diff(Canonical.schema(CatalogReader.read(evolved, NO_HISTORY)),
          Canonical.schema(CatalogReader.read(connection, NO_HISTORY)));
      assertEquals(List.of(), difference, "step by step and all at once give the same catalog");
      assertEquals(ViewCatalog.read(evolved, Optional.empty()), ViewCatalog.read(connection, Optional.empty()),
          "step by step and all at once give the same views");
    }
    return db;
  }

  /** Whether the materialized view is populated (created WITH DATA, or refreshed since). */
  private static boolean populated(Connection connection, View view) throws SQLException {
    try (java.sql.PreparedStatement st = connection.prepareStatement(
        "SELECT ispopulated FROM pg_matviews WHERE schemaname = ? AND matviewname = ?")) {
      st.setString(1, view.name().schema());
      st.setString(2, view.name().name());
      try (java.sql.ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** Whether the materialized view holds exactly the rows its query gives now, each as often. */
  private static boolean holdsItsQuerysRows(Connection connection, View view) throws SQLException {
    String query = "(" + view.sql() + ")";
    String rows = "TABLE " + view.name().sql();
    try (Statement st = connection.createStatement(); java.sql.ResultSet rs = st.executeQuery(
        "SELECT NOT EXISTS ((" + rows + " EXCEPT ALL " + query + ") UNION ALL (" + query + " EXCEPT ALL " + rows
            + "))")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** One generated migration: forward and reverse text. */
  record Script(String forward, String reverse, boolean transactional) {}

  /** The migrations generated for {@code changes} after {@code version}, as the processor splits them. */
  static List<Script> scripts(Schema before, List<Change> changes, int version, boolean strict) {
    List<Script> scripts = new ArrayList<>();
    Schema state = before;
    for (MigrationPlan.Step step : MigrationPlan.split(before, changes, strict)) {
      String v = String.valueOf(++version);
      ScriptSettings settings = GeneratedMigration.scriptSettings(step, strict
          ? new GeneratedMigration.Settings("5s", "1min", "1h", true, false)
          : GeneratedMigration.Settings.relaxed("5s", false));
      scripts.add(new Script(
          MigrationScript.forward(v, state, step.changes(), settings),
          MigrationScript.reverse(v, state, step.changes(), settings),
          step.transactional()));
      state = Changes.apply(state, step.changes());
    }
    return scripts;
  }

  /**
   * The changes from {@code from} to {@code to}, as the processor makes them for migrations whose
   * oldest target is the server's major version {@code postgres} ({@code -Aplinth.postgres}).
   */
  private static List<Change> changes(Schema from, Schema to, int postgres) {
    return GeneratedColumns.forTarget(from, SchemaDiff.diff(from, to), postgres);
  }

  private static int migrate(Connection connection, Schema from, Schema to, int version, boolean strict,
      String where) throws SQLException {
    List<Script> scripts = scripts(from, changes(from, to, connection.getMetaData().getDatabaseMajorVersion()),
        version, strict);
    run(connection, scripts, true, where);
    assertCatalog(connection, to, where);
    return version + scripts.size();
  }

  private static void run(Connection connection, List<Script> scripts, boolean forward, String where)
      throws SQLException {
    List<Script> ordered = new ArrayList<>(scripts);
    if (!forward) {
      Collections.reverse(ordered);
    }
    for (Script script : ordered) {
      String sql = forward ? script.forward() : script.reverse();
      connection.setAutoCommit(!script.transactional());
      try {
        // Statement by statement, as the runner runs them (outside a transaction, each on its own).
        for (SqlStatements.Statement statement : SqlStatements.split(sql)) {
          try (Statement st = connection.createStatement()) {
            st.execute(statement.sql());
          }
        }
        if (script.transactional()) {
          connection.commit();
        }
      } catch (SQLException e) {
        if (script.transactional()) {
          connection.rollback();
        }
        throw new AssertionError((forward ? "migrate" : "rollback") + " failed, " + where
            + "\n" + e.getMessage() + "\n" + sql, e);
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * The schema with each table's generated columns after its other columns, by name: a rollback
   * that rebuilds an enum type (the reverse of a value added) drops and adds again the generated
   * columns that read it, in the model's order, and PostgreSQL adds a column last; migrating again
   * keeps them there. Their order before may have been another (an earlier step that added one of
   * them again put it last). Every other column keeps its place, and every column its definition.
   */
  private static Schema generatedLast(Schema schema) {
    return schema.withTables(schema.tables().stream().map(t -> t.withColumns(java.util.stream.Stream.concat(
        t.columns().stream().filter(c -> !c.isGenerated()), t.columns().stream().filter(c -> c.isGenerated())
            .sorted(java.util.Comparator.comparing(dev.plinth.schema.model.Column::name)))
        .toList())).toList());
  }

  private static void assertCatalog(Connection connection, Schema expected, String where)
      throws SQLException {
    Schema live = CatalogReader.read(connection, NO_HISTORY);
    assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(live),
        Canonical.schema(new Schema(SecurityCatalog.withoutSecurity(expected).tables(),
            expected.enums()).withDomains(expected.domains()))),
        "catalog differs from the model " + where);
    assertEquals(List.of(), SecurityCatalog.compare(connection, expected),
        "row-level security, policies or grants differ from the model " + where);
    assertEquals(List.of(), ViewCatalog.compare(connection, expected.views(), Optional.empty()),
        "views differ from the model " + where);
    Map<String, String> schemas = SchemaCatalog.read(connection);
    assertEquals(List.of(), SchemaCatalog.compare(expected.schemas(), schemas),
        "declared schemas differ from the model " + where);
    java.util.Set<String> namespaces = new java.util.TreeSet<>(schemas.keySet());
    namespaces.remove("public");
    assertEquals(expected.namespaces(), namespaces, "the schemas are the model's " + where);
    assertEquals(List.of(), RoutineCatalog.compare(connection, expected.functions(), expected.triggers(),
        ExternalObjects.NONE, Optional.empty()), "functions or triggers differ from the model " + where);
    assertEquals(List.of(), dev.plinth.runner.internal.catalog.SequenceCatalog.compare(expected.sequences(),
        dev.plinth.runner.internal.catalog.SequenceCatalog.read(connection), expected.declaredExtensions(),
        dev.plinth.runner.internal.catalog.SequenceCatalog.extensions(connection)),
        "declared sequences or extensions differ from the model " + where);
  }
}
