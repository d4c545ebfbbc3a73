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

  /**
   * What the schema model does not hold, as PostgreSQL's own functions spell it (a function's body
   * without the line feeds around it and spaces at the ends of its lines, which Plinth does not count), one sorted line
   * each: extensions, domains, sequences, column types and defaults, constraints, indexes,
   * functions, triggers, materialized views, row-level security and policies, options, comments.
   */
  public static List<String> definitions(TestDatabase db) throws SQLException {
    List<String> lines = new java.util.ArrayList<>();
    try (Connection connection = db.connect(); java.sql.Statement st = connection.createStatement();
        java.sql.ResultSet rs = st.executeQuery(DEFINITIONS)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }

  private static final String USER = """
      n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_%'
        AND n.nspname NOT LIKE 'plinth\\_%'""";

  private static final String DEFINITIONS = """
      SELECT line FROM (
        SELECT 'extension ' || extname AS line FROM pg_extension
        UNION ALL
        SELECT 'domain ' || t.typname || ' ' || format_type(t.typbasetype, t.typtypmod) || ' ' || t.typnotnull
               || coalesce(' default ' || t.typdefault, '')
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd' AND %1$s
        UNION ALL
        SELECT 'sequence ' || schemaname || '.' || sequencename || ' ' || data_type::text || ' ' || start_value || ' '
               || min_value || ' ' || max_value || ' ' || increment_by || ' ' || cycle || ' ' || cache_size
        FROM pg_sequences WHERE schemaname NOT LIKE 'pg\\_%%'
        UNION ALL
        SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || ' ' || a.attnotnull || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> 'flyway_schema_history'
          AND %1$s
        UNION ALL
        SELECT 'constraint ' || coalesce(c.relname, t.typname) || '.' || co.conname || ' ' || pg_get_constraintdef(co.oid)
        FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
        LEFT JOIN pg_class c ON c.oid = co.conrelid LEFT JOIN pg_type t ON t.oid = co.contypid
        WHERE coalesce(c.relname, '') <> 'flyway_schema_history' AND %1$s
        UNION ALL
        SELECT 'index ' || pg_get_indexdef(i.indexrelid)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relname <> 'flyway_schema_history' AND %1$s
        UNION ALL
        SELECT 'function ' || replace(pg_get_functiondef(p.oid), p.prosrc,
                                      regexp_replace(btrim(p.prosrc, E'\\n'), '[ \\t]+$', '', 'gn'))
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p') AND %1$s AND NOT EXISTS (SELECT 1 FROM pg_depend d
              WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT 'trigger ' || pg_get_triggerdef(tg.oid) FROM pg_trigger tg WHERE NOT tg.tgisinternal
        UNION ALL
        SELECT 'materialized view ' || c.relname || ' ' || pg_get_viewdef(c.oid) || ' ' || c.relispopulated
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'm' AND %1$s
        UNION ALL
        SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' ' || c.relpersistence::text || ' rls ' || c.relrowsecurity
               || ' force ' || c.relforcerowsecurity || coalesce(' options ' || array_to_string(c.reloptions, ','), '')
               || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relname <> 'flyway_schema_history' AND %1$s
        UNION ALL
        SELECT 'policy ' || tablename || '.' || policyname || ' ' || permissive || ' ' || cmd || ' '
               || array_to_string(roles, ',') || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
        FROM pg_policies
      ) definitions ORDER BY line COLLATE "C"
      """.formatted(USER);

  public static int majorVersion(TestDatabase db) throws SQLException {
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
