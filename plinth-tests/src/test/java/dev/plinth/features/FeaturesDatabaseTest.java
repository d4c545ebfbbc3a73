package dev.plinth.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.MigrationPlan;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.History;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.render.MigrationScript;
import dev.plinth.runner.internal.SqlStatements;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The processor's feature schema (reserved words, names shortened to 63 bytes, a composite
 * self-reference, cross-schema keys, arrays, enum arrays, every index kind) applied to a real
 * PostgreSQL, then rolled back and applied again.
 */
class FeaturesDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/features");

  @Test
  void theFeatureSchemaWithoutVectorsMigratesRollsBackAndMigratesAgain() throws SQLException {
    Schema features = History.load(new MigrationsFolder(GOLDEN)).state();
    Schema withoutVectors = new Schema(features.tables().stream()
        .filter(t -> t.columns().stream().noneMatch(c -> c.type().startsWith("vector(")))
        .toList(), features.enums());
    assertTrue(withoutVectors.tables().size() >= 3, "the schema still has its tables");

    TestDatabase db = SharedPostgres.newDatabase("features");
    try (Connection connection = db.connect()) {
      List<String> forward = script(withoutVectors, true);
      execute(connection, forward);
      assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(CatalogReader.read(connection, "-")),
          Canonical.schema(withoutVectors)));
      execute(connection, script(withoutVectors, false));
      assertEquals(Schema.EMPTY, CatalogReader.read(connection, "-"));
      execute(connection, forward);
      assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(CatalogReader.read(connection, "-")),
          Canonical.schema(withoutVectors)));
    }
  }

  /** Runs only where the server has pgvector (the embedded binaries do not), and says so. */
  @Test
  void vectorColumnsWhereThePgvectorExtensionExists() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("vectors");
    try (Connection connection = db.connect()) {
      boolean available;
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
        available = rs.next();
      }
      Assumptions.assumeTrue(available,
          "skipped: this PostgreSQL has no pgvector extension (the embedded binaries lack it;"
              + " run against docker-compose.dev.yml's server with DATABASE_URL to cover it)");
      Schema features = History.load(new MigrationsFolder(GOLDEN)).state();
      execute(connection, script(features, true));
      Table embedding = CatalogReader.read(connection, "-").tables().stream()
          .filter(t -> t.name().name().equals("embedding")).findFirst().orElseThrow();
      assertEquals("vector(3)", embedding.column("embedding").orElseThrow().type());
    }
  }

  /** The migrations that create {@code schema} (or, reversed, their reverse scripts), in order. */
  private static List<String> script(Schema schema, boolean forward) {
    List<String> scripts = new ArrayList<>();
    Schema state = Schema.EMPTY;
    for (MigrationPlan.Step step : MigrationPlan.split(SchemaDiff.diff(Schema.EMPTY, schema))) {
      scripts.add(forward
          ? MigrationScript.forward("1", state, step.changes(), null, step.transactional(), step.resumable())
          : MigrationScript.reverse("1", state, step.changes(), null, step.transactional(), step.resumable()));
      state = Changes.apply(state, step.changes());
    }
    if (!forward) {
      Collections.reverse(scripts);
    }
    return scripts;
  }

  /** Runs each script statement by statement, as the runner does (CONCURRENTLY needs it). */
  private static void execute(Connection connection, List<String> scripts) throws SQLException {
    for (String sql : scripts) {
      for (SqlStatements.Statement statement : SqlStatements.split(sql)) {
        try (Statement st = connection.createStatement()) {
          st.execute(statement.sql());
        }
      }
    }
  }
}
