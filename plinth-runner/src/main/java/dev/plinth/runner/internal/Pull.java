package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.PullResult;
import dev.plinth.runner.internal.catalog.CatalogExtras;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.DeclarableRoutines;
import dev.plinth.runner.internal.catalog.MaterializedViewPull;
import dev.plinth.runner.internal.catalog.NotModelledCatalog;
import dev.plinth.runner.internal.catalog.SchemaCatalog;
import dev.plinth.runner.internal.catalog.SchemaObjectPull;
import dev.plinth.runner.internal.catalog.SecurityCatalog;
import dev.plinth.runner.internal.catalog.ViewCatalog;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.ReplacedMigration;
import dev.plinth.schema.journal.SumFile;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.View;
import dev.plinth.schema.pull.BaselineFiles;
import dev.plinth.schema.pull.NotModelled;
import dev.plinth.schema.pull.DeclaredObjects;
import dev.plinth.schema.pull.RecordSources;
import dev.plinth.schema.pull.Unsupported;
import dev.plinth.schema.render.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * {@code pull}: reads the live schema and writes annotated records for it and the baseline
 * migration that creates it, followed by a hand-written migration (and {@code plinth.external})
 * for what the records cannot say, refusing to overwrite anything that is there already. A pull
 * that fails leaves nothing behind.
 */
public final class Pull {
  private final RunnerContext context;

  public Pull(RunnerContext context) {
    this.context = context;
  }

  public PullResult run(Path sourceRoot, String basePackage, Path migrationsFolder) {
    if (!RecordSources.isPackageName(basePackage)) {
      throw new PlinthException(Message.CODEGEN_PACKAGE_INVALID, basePackage);
    }
    MigrationsFolder folder = new MigrationsFolder(migrationsFolder);
    if (!folder.scan().isEmpty()) {
      String files = folder.scan().stream().map(m -> m.forward() != null ? m.forward() : m.journal())
          .limit(3).collect(Collectors.joining(", "));
      throw new PlinthException(Message.PULL_MIGRATIONS_EXIST, migrationsFolder, files);
    }
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "plinth-pull");
      thread.setDaemon(true);
      return thread;
    });
    NewFiles output = new NewFiles();
    Future<SideReads> sideReads = null;
    Future<List<Path>> sources = null;
    boolean done = false;
    try (Connection connection = context.connect()) {
      // Views, objects not modelled and the history are read over a second connection while the
      // tables are: the catalog read dominates pull, and the server answers both at once.
      sideReads = worker.submit(() -> {
        try (Connection side = context.connect()) {
          return sideReads(side);
        }
      });
      Schema read = CatalogReader.read(connection, context.historyTable());
      SideReads rest = join(sideReads);
      SchemaObjectPull objects = rest.objects();
      // The columns of the domains the records declare keep them; the others get their base types.
      Schema tables = CatalogExtras.corrected(connection, read,
          objects.domains().stream().map(Domain::name).collect(Collectors.toSet()));
      Set<String> needed = tables.extensions(); // the extensions the columns need; the baseline creates them
      List<ReplacedMigration> history = rest.history();
      List<View> views = new ArrayList<>(rest.views());
      views.addAll(rest.materialized().views());
      Map<QualifiedName, List<Column>> viewColumns = new java.util.HashMap<>(rest.viewColumns());
      viewColumns.putAll(rest.materialized().columns());
      Schema live = SecurityCatalog.withLive(connection, new Schema(tables.tables(), tables.enums(), views)
              .withFunctions(rest.routines().functions()))
          .withDeclared(schemas(connection))
          .withTriggers(rest.routines().triggers().stream()
              .filter(t -> tables.table(t.table()).isPresent()).toList())
          .withDomains(objects.domains()).withSequences(objects.sequences())
          .withDeclaredExtensions(objects.declarableExtensions(needed));
      if (live.tables().isEmpty() && live.views().isEmpty()) {
        throw new PlinthException(Message.PULL_NOTHING);
      }
      RecordSources.Result records = RecordSources.render(live, viewColumns, basePackage);
      checkAbsent(sourceRoot, records.files());
      // Function bodies go among the resources, in the folder that holds the migrations folder,
      // where the processor looks for them first.
      Path resourcesRoot = migrationsFolder.toAbsolutePath().normalize().getParent();
      checkAbsent(resourcesRoot, records.resources());
      // The sources are written while the rest is read and rendered (creating a thousand files
      // costs a good part of a catalog read); if anything fails after this, they are taken back.
      sources = worker.submit(() -> output.write(sourceRoot, records.files()));
      List<Unsupported> unsupported = new ArrayList<>(rest.extras());
      // What the records declare is not reported as not modelled.
      unsupported.removeIf(u -> DeclaredObjects.declares(records.schema(), u));
      unsupported.addAll(objects.undeclarable());
      unsupported.addAll(objects.undeclarableExtensions(needed));
      unsupported.addAll(records.unsupported());
      unsupported.sort(Comparator.comparing(Unsupported::object).thenComparing(Unsupported::reason));
      Optional<NotModelled> notModelled =
          NotModelledCatalog.read(connection, context.historyTable(), records.schema(), unsupported);
      // Repeatable scripts kept from a Flyway project (pull refuses versioned ones) go into the sum.
      SortedMap<String, String> migrations = baselineFiles(records.schema(), history, notModelled,
          folder.migrationFiles());
      checkAbsent(migrationsFolder, migrations);
      List<Path> written = new ArrayList<>(output.write(resourcesRoot, records.resources()));
      written.addAll(output.write(migrationsFolder, migrations));
      List<Path> sourceFiles = join(sources);
      done = true;
      String head = migrations.get(SumFile.HEAD_FILE);
      return new PullResult(records.schema().tables().size(), records.schema().enums().size(), sourceFiles,
          written, head.substring(1, head.indexOf(' ')), unsupported);
    } catch (SQLException e) {
      throw context.sqlFailure("pull", e);
    } finally {
      if (!done) { // nothing is left behind: no query still running, no file written
        awaitQuietly(sideReads);
        awaitQuietly(sources);
        output.takeBack();
      }
      worker.shutdownNow();
    }
  }

  /**
   * The schemas other than {@code public}, with their comments, to be declared: the package of
   * each one's records declares it ({@code javaPackage} is chosen with the records).
   */
  private static List<Namespace> schemas(Connection connection) throws SQLException {
    List<Namespace> result = new ArrayList<>();
    SchemaCatalog.read(connection).forEach((name, comment) -> {
      if (!name.equals(QualifiedName.DEFAULT_SCHEMA)) {
        result.add(new Namespace(name, "", comment));
      }
    });
    return result;
  }

  /** What pull reads besides the tables. */
  private record SideReads(List<View> views, Map<QualifiedName, List<Column>> viewColumns,
      List<Unsupported> extras, List<ReplacedMigration> history, MaterializedViewPull materialized,
      DeclarableRoutines routines, SchemaObjectPull objects) {}

  private SideReads sideReads(Connection connection) throws SQLException {
    return new SideReads(views(connection), CatalogReader.viewColumns(connection),
        CatalogExtras.findings(connection, context.historyTable()), flywayHistory(connection),
        MaterializedViewPull.read(connection), DeclarableRoutines.read(connection), SchemaObjectPull.read(connection));
  }

  /** A background task's result, or the failure it had, as it was thrown. */
  private static <T> T join(Future<T> task) throws SQLException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pulling", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits for a task (if one was started) that is given up on, whatever it ends with. */
  private static void awaitQuietly(Future<?> task) {
    if (task == null) {
      return;
    }
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // Its failure, if any, is not the one being reported.
    }
  }

  /**
   * The views, with their queries as PostgreSQL spells them ({@code pg_get_viewdef}, without the
   * closing semicolon), options and comment. They are spelled with {@code search_path} set to {@code public}, where the
   * baseline migration runs: a relation of any other schema is named with its schema.
   */
  private static List<View> views(Connection connection) throws SQLException {
    List<View> live;
    try (Statement st = connection.createStatement()) {
      st.execute("SET search_path = public");
      try {
        live = ViewCatalog.views(connection, Optional.empty());
      } finally {
        st.execute("RESET search_path");
      }
    }
    List<View> views = new ArrayList<>();
    live.forEach(v -> views.add(new View(v.name(), "", withoutSemicolon(v.sql().strip()))
        .withOptions(v.securityBarrier(), v.checkOption(), v.securityInvoker(), v.comment())));
    return views;
  }

  private static String withoutSemicolon(String sql) {
    return sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql;
  }

  /**
   * The migrations a database's own Flyway history records as applied (hand-written scripts run by
   * Flyway), oldest first; empty without a history. The baseline comes after them and stands for them.
   */
  private List<ReplacedMigration> flywayHistory(Connection connection) throws SQLException {
    String schema = context.historySchema(connection);
    List<ReplacedMigration> rows = new ArrayList<>();
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      exists.setString(1, Sql.ident(schema) + "." + Sql.ident(context.historyTable()));
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return rows;
        }
      }
    }
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT version, script, checksum FROM " + Sql.ident(schema) + "." + Sql.ident(context.historyTable())
            + " WHERE success AND version IS NOT NULL AND type NOT IN ('DELETE', 'SCHEMA') ORDER BY installed_rank")) {
      while (rs.next()) {
        int checksum = rs.getInt(3);
        rows.add(new ReplacedMigration(rs.getString(1), rs.getString(2), rs.wasNull() ? null : checksum));
      }
    }
    return rows;
  }

  private static SortedMap<String, String> baselineFiles(Schema schema, List<ReplacedMigration> history,
      Optional<NotModelled> notModelled, SortedMap<String, String> kept) {
    try {
      return BaselineFiles.of(schema, history, notModelled, kept);
    } catch (NumberFormatException e) {
      throw new PlinthException(Message.BASELINE_VERSION_TOO_LARGE,
          history.stream().map(ReplacedMigration::version).reduce((a, b) -> b).orElse("?"));
    }
  }

  private static void checkAbsent(Path root, Map<String, String> files) {
    for (String relative : files.keySet()) {
      Path file = root.resolve(relative);
      if (Files.exists(file)) {
        throw new PlinthException(Message.PULL_SOURCE_EXISTS, file);
      }
    }
  }

  /**
   * The files pull writes, each new (never one that is there already), so that a pull that fails
   * after writing some takes them back, with the folders it created for them.
   */
  private static final class NewFiles {
    private final List<Path> files = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    /** Writes {@code files} under {@code root}; a file that is there already is an error. */
    List<Path> write(Path root, Map<String, String> contents) {
      List<Path> written = new ArrayList<>();
      Set<Path> ready = new HashSet<>();
      for (Map.Entry<String, String> entry : contents.entrySet()) {
        Path file = root.resolve(entry.getKey());
        try {
          if (ready.add(file.getParent())) { // once per folder: a thousand records share a few
            createFolder(file.getParent());
          }
          Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          throw new PlinthException(Message.PULL_SOURCE_EXISTS, file);
        } catch (IOException e) {
          throw new PlinthException(e, Message.WRITE_FAILED, file, e.getMessage());
        }
        synchronized (this) {
          files.add(file);
        }
        written.add(file);
      }
      return written;
    }

    private void createFolder(Path folder) throws IOException {
      List<Path> missing = new ArrayList<>();
      for (Path f = folder.toAbsolutePath(); f != null && !Files.isDirectory(f); f = f.getParent()) {
        missing.add(0, f);
      }
      Files.createDirectories(folder);
      synchronized (this) {
        folders.addAll(missing);
      }
    }

    /** Deletes what was written and the folders created for it, newest first, as far as it can. */
    synchronized void takeBack() {
      for (int i = files.size() - 1; i >= 0; i--) {
        deleteQuietly(files.get(i));
      }
      // Deepest first: a folder is empty once what was written in it and below it is gone.
      folders.stream().distinct().sorted(Comparator.comparingInt(Path::getNameCount).reversed())
          .forEach(NewFiles::deleteQuietly);
    }

    private static void deleteQuietly(Path path) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // A folder someone else wrote into meanwhile stays, and so does what cannot be deleted.
      }
    }
  }
}
