package dev.plinth.runner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.BaselineResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PullResult;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.ViewCatalog;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proof that {@code pull} adopts a database exactly (issue 13): pull, compile with the real
 * processor and no further migration appears; the baseline migration applied to an empty database
 * gives a catalog (tables, enum types and views) equal to the original's, and verify of the original against it finds nothing.
 */
public final class PullProof {
  public static final String HISTORY = "flyway_schema_history";

  private PullProof() {}

  /**
   * Runs the proof on {@code original} (which must have no migration history: it is baselined),
   * writing into {@code project}; returns what pull reported.
   */
  public static PullResult prove(TestDatabase original, Path project) throws IOException, SQLException {
    return prove(original, project, List.of());
  }

  /**
   * The same, for a schema on which the processor warns as it does on the original (the ids of
   * its warnings, in order, e.g. {@code PLN141}); any other diagnostic fails.
   */
  public static PullResult prove(TestDatabase original, Path project, List<String> warnings)
      throws IOException, SQLException {
    Path sources = project.resolve("src");
    Path db = project.resolve("db");
    PullResult pulled = plinth(original, null).pull(sources, "com.example.db", db);
    int postgres = majorVersion(original);

    compile(project, sources, db, true, postgres, warnings);
    assertEquals(List.of(), CommittedFiles.check(new MigrationsFolder(db)), "check mode finds the files committed");
    Map<String, String> before = contents(db);
    compile(project, sources, db, false, postgres, warnings);
    assertEquals(before, contents(db), "an ordinary compile generates no further migration");

    TestDatabase fresh = SharedPostgres.newDatabase(original.name() + "_fresh");
    Plinth freshPlinth = plinth(fresh, db);
    assertEquals(1, freshPlinth.migrate().applied().size());
    assertEquals(List.of(), freshPlinth.verify().differences(), "verify of the database the baseline built");
    assertEquals(catalog(original), catalog(fresh), "the catalogs of the original and the rebuilt database");
    assertEquals(views(original), views(fresh), "the views of the original and the rebuilt database");

    Plinth originalPlinth = plinth(original, db);
    assertEquals(new BaselineResult("1", true, false, List.of()), originalPlinth.baseline(Optional.empty(), false));
    assertEquals(List.of(), originalPlinth.verify().differences(), "verify of the original");
    return pulled;
  }

  /** A runner on {@code db} with the migrations under {@code migrations}, or none. */
  public static Plinth plinth(TestDatabase db, Path migrations) {
    RunnerConfig.Builder config = RunnerConfig.builder();
    if (migrations != null) {
      config.locations("filesystem:" + migrations.resolve("migration"));
    }
    return Plinth.create(db.dataSource(), config.build());
  }

  public static Schema catalog(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return CatalogReader.read(connection, HISTORY);
    }
  }

  /** The views by name, with their queries as PostgreSQL spells them. */
  public static Map<QualifiedName, String> views(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return ViewCatalog.read(connection, Optional.empty());
    }
  }

  private static int majorVersion(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return connection.getMetaData().getDatabaseMajorVersion();
    }
  }

  /**
   * Compiles the pulled sources with javac and Plinth's processor on the migrations folder, for
   * PostgreSQL {@code postgres} (named NOT NULL constraints need 18); fails on any diagnostic.
   */
  public static void compile(Path project, Path sources, Path migrations, boolean check, int postgres)
      throws IOException {
    compile(project, sources, migrations, check, postgres, List.of());
  }

  /** The same, expecting the processor's warnings {@code warnings} (ids, distinct, sorted) and nothing else. */
  public static void compile(Path project, Path sources, Path migrations, boolean check, int postgres,
      List<String> warnings) throws IOException {
    Javac.compile(project, sources, migrations, check, postgres, warnings);
  }

  /** The files under {@code root} by relative path, with their text. */
  public static Map<String, String> contents(Path root) throws IOException {
    return Javac.contents(root);
  }
}
