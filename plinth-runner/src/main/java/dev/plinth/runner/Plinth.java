package dev.plinth.runner;

import dev.plinth.runner.internal.AdvisoryLock;
import dev.plinth.runner.internal.Baseline;
import dev.plinth.runner.internal.DirectMigrate;
import dev.plinth.runner.internal.Pull;
import dev.plinth.runner.internal.Drift;
import dev.plinth.runner.internal.Failures;
import dev.plinth.runner.internal.FolderCheck;
import dev.plinth.runner.internal.Integrity;
import dev.plinth.runner.internal.MigrationResources;
import dev.plinth.runner.internal.PlainInfo;
import dev.plinth.runner.internal.ReplacedHistory;
import dev.plinth.runner.internal.Repair;
import dev.plinth.runner.internal.Reset;
import dev.plinth.runner.internal.Rollback;
import dev.plinth.runner.internal.WatchfulDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import dev.plinth.runner.internal.RunnerContext;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import dev.plinth.runner.internal.seed.SeedException;
import dev.plinth.runner.internal.seed.SeedSetIndex;
import dev.plinth.runner.internal.seed.Seeder;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * The runner: applies and reports migrations on one PostgreSQL database.
 *
 * <pre>{@code
 * Plinth plinth = Plinth.create(RunnerConfig.builder().url(System.getenv("DATABASE_URL")).build());
 * MigrateResult result = plinth.migrate();
 * }</pre>
 *
 * <p>Every command first opens a connection, so an unreachable database fails fast with a
 * {@link PlinthException} of kind {@link Message.Kind#CONNECTION}. Failures never carry a password.
 */
public final class Plinth {

  private final RunnerConfig config;
  private final RunnerContext context;

  private Plinth(RunnerConfig config, DataSource dataSource) {
    this.config = config;
    this.context = new RunnerContext(config, dataSource);
  }

  /** A runner for {@code config}; checks the migration locations but does not connect yet. */
  public static Plinth create(RunnerConfig config) {
    config.url().orElseThrow(() -> new IllegalArgumentException("RunnerConfig has no URL:"
        + " set one with RunnerConfig.builder().url(...), or use Plinth.create(dataSource, config)"));
    return checked(WatchfulDataSource.forConfig(config), config);
  }

  /**
   * A runner over an application's own {@link DataSource} (a connection pool, say); {@code config}
   * then needs no URL. Connections are taken only while a command runs and are always closed. With a
   * {@link RunnerConfig#schema()}, the data source's connections must already work in that schema
   * (their {@code search_path} starts with it, e.g. {@code PGSimpleDataSource.setCurrentSchema}).
   */
  public static Plinth create(DataSource dataSource, RunnerConfig config) {
    return checked(dataSource, config);
  }

  private static Plinth checked(DataSource dataSource, RunnerConfig config) {
    Objects.requireNonNull(dataSource, "dataSource");
    config.locations().forEach(location -> checkLocation(location, config.classLoader()));
    config.target().ifPresent(Plinth::checkTarget);
    return new Plinth(config, dataSource);
  }

  /** A runner over {@code dataSource} with the default location ({@value RunnerConfig#DEFAULT_LOCATION}). */
  public static Plinth create(DataSource dataSource) {
    return create(dataSource, RunnerConfig.builder().build());
  }

  public RunnerConfig config() {
    return config;
  }

  /** The database the commands work on (the application's own, or one built from the URL). */
  public DataSource dataSource() {
    return context.dataSource();
  }

  /** The name of Flyway's history table, which Plinth shares with Flyway. */
  public String historyTable() {
    return context.historyTable();
  }

  /** A failure outside a transaction says so when its script is written to be run again. */
  private PlinthException resumableAware(PlinthException failure) {
    if (failure instanceof MigrationFailedException m && !m.failure().rolledBack()
        && context.resources().resumable(m.failure().script())) {
      return new MigrationFailedException(m.getCause(), m.failure(), true);
    }
    return failure;
  }

  /** Applies all pending migrations up to the configured target, each in its own transaction. */
  public MigrateResult migrate() {
    return migrate(applied -> { });
  }

  /**
   * Applies all pending migrations, telling {@code progress} about each one as soon as it is
   * committed (long runs show where they are).
   */
  public MigrateResult migrate(Consumer<MigrateResult.Applied> progress) {
    return migrate(new MigrateListener() {
      @Override
      public void starting(String version, String description, String script) {
        // only committed migrations are reported to a Consumer
      }

      @Override
      public void applied(MigrateResult.Applied applied) {
        progress.accept(applied);
      }
    });
  }

  /** Applies all pending migrations, telling {@code listener} as each one starts and as it is committed. */
  public MigrateResult migrate(MigrateListener listener) {
    // The folder first: a file that plinth.sum does not vouch for is never applied.
    FolderCheck.of(context.resources()).requireIntact("migrate", Message.FOLDER_REFUSED);
    context.checkConnection();
    context.createSchema();
    long start = System.nanoTime();
    // Held shared for the whole run: no rollback or reset can shrink the history that Flyway
    // reads (and caches) until this migrate is done; see AdvisoryLock.historyReaders.
    List<MigrateResult.Applied> applied = new ArrayList<>();
    Optional<String> version;
    try (Connection connection = context.connect();
        AdvisoryLock readers = AdvisoryLock.historyReaders(connection,
            context.historySchema(connection), context.historyTable(), false)) {
      List<MigrateResult.Applied> done = new ArrayList<>();
      MigrateListener tracking = new MigrateListener() {
        @Override
        public void starting(String version, String description, String script) {
          listener.starting(version, description, script);
        }

        @Override
        public void applied(MigrateResult.Applied applied) {
          done.add(applied);
          listener.applied(applied);
        }
      };
      Flyway flyway = context.flyway(new ProgressCallback(tracking));
      try {
        // Generated transactional migrations at the head of the queue run here, one round trip
        // each; Flyway's migrate applies what is left (usually nothing) and reports failures.
        DirectMigrate direct = new DirectMigrate(context);
        DirectMigrate.Plan plan = direct.plan(connection);
        version = plan.current();
        if (!plan.flywayOnly() && !plan.historyExists()) {
          String first = plan.head().get(0).getVersion().getVersion();
          collect(context.flyway(Optional.of(first), new ProgressCallback(tracking)).migrate(), applied);
          plan = plan.withoutFirst();
          version = Optional.of(first);
        }
        boolean rest = true;
        if (!plan.flywayOnly()) {
          DirectMigrate.Outcome outcome = direct.apply(connection, plan, tracking);
          applied.addAll(outcome.applied());
          rest = outcome.rest();
          if (!outcome.applied().isEmpty()) {
            version = Optional.of(outcome.applied().get(outcome.applied().size() - 1).version());
          }
        }
        if (rest) {
          org.flywaydb.core.api.output.MigrateResult result = migrateValidated(flyway);
          collect(result, applied);
          // Flyway reports the versions before and after; asking info() again would re-read every file.
          Optional<String> before = version;
          version = Optional.ofNullable(result.targetSchemaVersion)
              .or(() -> Optional.ofNullable(result.initialSchemaVersion)).or(() -> before);
        }
      } catch (DirectMigrate.Interrupted e) {
        throw connectionLost(e, (SQLException) e.getCause(), e.script(), true, done);
      } catch (FlywayValidateException e) {
        throw validationFailure(e);
      } catch (FlywayException e) {
        if (Failures.connectionLost(e)) {
          throw connectionLost(e, done);
        }
        throw resumableAware(Failures.translate(e, config, () -> currentVersion(flyway)));
      }
    } catch (SQLException e) {
      throw context.sqlFailure("migrate", e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new MigrateResult(applied, version, millis);
  }

  private static void collect(org.flywaydb.core.api.output.MigrateResult result, List<MigrateResult.Applied> into) {
    for (MigrateOutput m : result.migrations) {
      into.add(new MigrateResult.Applied(m.version, m.description, fileName(m.filepath), m.executionTime));
    }
  }

  /** The migrations {@link #migrate()} would apply and their SQL; changes nothing in the database. */
  public PendingResult pending() {
    FolderCheck.of(context.resources()).requireIntact("migrate --dry-run", Message.FOLDER_REFUSED);
    context.checkConnection();
    Flyway flyway = context.flyway();
    try {
      List<PendingResult.Pending> pending = new ArrayList<>();
      for (MigrationInfo info : flyway.info().pending()) {
        pending.add(new PendingResult.Pending(version(info), info.getDescription(), info.getScript(), read(info)));
      }
      return new PendingResult(pending, currentVersion(flyway));
    } catch (FlywayException e) {
      throw Failures.translate(e, config, Optional::empty);
    }
  }

  /** Every migration in the files or the database, with its state; changes nothing. */
  public InfoResult info() {
    FolderCheck.of(context.resources()).requireReadable("info");
    // One connection for Plinth's own reads; opening it is the connection check.
    try (Connection connection = context.connect()) {
      return info(connection);
    } catch (SQLException e) {
      throw context.sqlFailure("info", e);
    }
  }

  private InfoResult info(Connection connection) {
    Optional<List<PlainInfo.Migration>> plain = PlainInfo.read(context, connection);
    if (plain.isPresent()) {
      return plainInfo(plain.get(), rolledBack(connection));
    }
    Flyway flyway = context.flyway();
    try {
      var service = flyway.info();
      Map<String, Instant> rolledBack = rolledBack(connection);
      ReplacedHistory replaced = ReplacedHistory.of(context.resources(), service.all());
      List<InfoResult.Row> rows = new ArrayList<>();
      for (MigrationInfo info : service.all()) {
        String state = state(info.getState());
        Optional<Instant> when = Optional.ofNullable(info.getInstalledOn()).map(Date::toInstant);
        if (info.getState() == MigrationState.PENDING && info.getVersion() != null
            && rolledBack.containsKey(info.getVersion().getVersion())) {
          state = Message.INFO_ROLLED_BACK.text();
          when = Optional.of(rolledBack.get(info.getVersion().getVersion()));
        }
        Optional<String> replacedBy = replaced.replacedBy(info);
        if (replacedBy.isPresent()) {
          state = Message.INFO_REPLACED.text(replacedBy.get());
        }
        rows.add(new InfoResult.Row(version(info), info.getDescription(),
            info.getType().name().toLowerCase(Locale.ROOT), state, when, info.getScript(),
            replacedBy.isPresent() ? "" : checksum(info.getResolvedChecksum(), info.getAppliedChecksum())));
      }
      // Flyway's current() is the newest row, also a failed one; the schema is at the newest success.
      Optional<String> current = java.util.Arrays.stream(service.applied())
          .filter(i -> i.getVersion() != null && i.getState().isApplied() && !i.getState().isFailed())
          .max(Comparator.comparing(MigrationInfo::getVersion)).map(Plinth::version);
      return new InfoResult(rows, current);
    } catch (FlywayException e) {
      throw Failures.translate(e, config, Optional::empty);
    }
  }

  /**
   * Rolls back applied migrations, newest first, with their reverse scripts; see {@link RollbackTarget}.
   * Checks every needed reverse script before running any, and refuses with a
   * {@link Message.Kind#INTEGRITY} failure naming the file when one is missing or altered.
   */
  public RollbackResult rollback(RollbackTarget target) {
    return rollback(target, RollbackListener.NONE);
  }

  /**
   * The same, telling {@code listener} as each reverse script starts and as it is committed (long
   * runs show where they are).
   */
  public RollbackResult rollback(RollbackTarget target, RollbackListener listener) {
    // Rollback's first step is opening its connection, which says what to fix when that fails.
    return new Rollback(context).run(target, false, listener);
  }

  /** What {@link #rollback(RollbackTarget)} would run, with the SQL; changes nothing. */
  public RollbackResult rollbackPlan(RollbackTarget target) {
    return new Rollback(context).run(target, true, RollbackListener.NONE);
  }

  /**
   * Compares applied migrations with their files (checksums), checks that reverse scripts exist
   * and that files match {@code plinth.sum}; changes nothing.
   */
  public ValidateResult validate() {
    context.checkConnection();
    return new Integrity(context).validate();
  }

  /**
   * Compares the live database with the schema the journal gives at the applied version;
   * changes nothing.
   */
  public VerifyResult verify() {
    // Verify's first step is opening its connection, which says what to fix when that fails.
    return new Drift(context).verify();
  }

  /**
   * Adopts an existing database: reads its schema and writes an annotated record per table and a
   * Java enum per enum type under {@code sourceRoot} (package {@code basePackage} for
   * {@code public}, {@code basePackage.<schema>} for other schemas), and into
   * {@code migrationsFolder} the baseline migration {@code V1__baseline} (forward, reverse, journal,
   * {@code plinth.sum}, {@code HEAD}) that creates exactly that schema for new environments. A
   * database with its own Flyway history gets the baseline after the highest version there, and its
   * journal entry stands for those rows, which stay valid without their files. What
   * the annotations cannot say is listed in {@link PullResult#unsupported()}. Refuses to overwrite
   * a file, and a migrations folder that already holds migrations. Changes nothing in the database.
   */
  public PullResult pull(Path sourceRoot, String basePackage, Path migrationsFolder) {
    context.checkConnection();
    return new Pull(context).run(sourceRoot, basePackage, migrationsFolder);
  }

  /**
   * Records an existing database as being at {@code version} (default: the newest migration) with
   * Flyway's baseline row, so that {@code migrate} applies only later migrations; only when
   * {@link #verify()} at that version would find no drift. Otherwise returns the differences and
   * changes nothing, unless {@code force}, which baselines anyway and says so in the row's description.
   * A database whose Flyway history the migrations replace (see {@link #pull}) gets the row after it.
   */
  public BaselineResult baseline(Optional<String> version, boolean force) {
    FolderCheck.of(context.resources()).requireIntact("baseline", Message.FOLDER_REFUSED);
    context.checkConnection();
    return new Baseline(context).run(version, force);
  }

  /**
   * Drops everything the migrations created (their tables, types and schemas, Plinth's backups and
   * the history) and migrates again. Refuses unless the database is local and named as disposable
   * (or {@link RunnerConfig#disposable()}), or {@code force} is set. Refuses with a
   * {@link RunnerConfig#schema()}: it would drop the other tenants' tables too.
   */
  public ResetResult reset(boolean force) {
    config.schema().ifPresent(schema -> {
      throw new PlinthException(Message.RESET_REFUSED_SCHEMA, schema, schema.replace("\"", "\"\""));
    });
    Reset reset = new Reset(context);
    if (!force) {
      reset.checkDisposable();
    }
    // Before anything is dropped: the migrate after the drop would refuse these files.
    FolderCheck.of(context.resources()).requireIntact("reset", Message.FOLDER_REFUSED);
    context.checkConnection();
    return reset.run(this::migrate);
  }

  /**
   * Clears what failed migrations that ran outside a transaction left: their failed history rows
   * (so that the next migrate runs them again) and the invalid indexes their
   * {@code CREATE INDEX CONCURRENTLY} left. Waits for running migrates and rollbacks.
   */
  public RepairResult repair() {
    FolderCheck.of(context.resources()).requireReadable("repair");
    context.checkConnection();
    return new Repair(context).run();
  }

  /**
   * Drops the schemas holding data kept for lossless rollback ({@code plinth_backup_v*}), all of
   * them or those of versions older than {@code before}; returns their names.
   */
  public List<String> pruneBackups(Optional<String> before) {
    before.ifPresent(v -> RunnerContext.parseVersion("--before", v));
    context.checkConnection();
    return new Reset(context).pruneBackups(before);
  }

  /**
   * Inserts the rows of every seed set of {@code env}, in one transaction, parents first (see
   * {@link Seeder}); with {@code fresh}, empties the seeded tables first.
   */
  public SeedResult seed(String env, boolean fresh) {
    Seeder seeder = Seeder.create().fresh(fresh);
    SeedSetIndex index = seeder.index();
    if (index.forEnv(env).isEmpty()) {
      throw new PlinthException(Message.SEED_ENV_UNKNOWN, env, index.environments().isEmpty()
          ? Message.SEED_NONE_FOUND.text()
          : Message.SEED_ENVS_KNOWN.text(String.join(", ", index.environments()), env));
    }
    context.checkConnection();
    try {
      return seeder.run(context.dataSource(), env);
    } catch (SeedException e) {
      SQLException sql = Failures.find(e, SQLException.class);
      // A table the seed sets fill that is not there: the database is not migrated (far enough).
      boolean unmigrated = sql != null && "42P01".equals(sql.getSQLState());
      throw new PlinthException(Message.SEED_FAILED, e.getMessage()
          + (unmigrated ? " " + Message.SEED_NOT_MIGRATED.text() : ""));
    }
  }

  /** Reports each migration when Flyway has applied it. */
  private static final class ProgressCallback implements Callback {
    private final MigrateListener progress;
    private long started;

    ProgressCallback(MigrateListener progress) {
      this.progress = progress;
    }

    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      MigrationInfo info = context.getMigrationInfo();
      if (event == Event.BEFORE_EACH_MIGRATE) {
        started = System.nanoTime();
        progress.starting(info.getVersion() == null ? null : info.getVersion().getVersion(), info.getDescription(),
            fileName(info.getScript()));
        return;
      }
      progress.applied(new MigrateResult.Applied(info.getVersion() == null ? null : info.getVersion().getVersion(),
          info.getDescription(), fileName(info.getScript()), (System.nanoTime() - started) / 1_000_000));
    }

    @Override
    public String getCallbackName() {
      return "plinth-progress";
    }
  }

  /**
   * Flyway's migrate, which validates first. A history with rows that a journal entry replaces (a
   * squash, an adopted Flyway history) fails Flyway's validation: their files are gone or hold other
   * SQL. When every invalid row is one of those, migrate runs again without Flyway's validation.
   */
  private org.flywaydb.core.api.output.MigrateResult migrateValidated(Flyway flyway) {
    try {
      return flyway.migrate();
    } catch (FlywayValidateException e) {
      MigrationInfo[] all = flyway.info().all();
      ReplacedHistory replaced = ReplacedHistory.of(context.resources(), all);
      if (replaced.isEmpty()) {
        throw e;
      }
      replaced.stranded().ifPresent(s -> {
        throw new PlinthException(e, Message.HISTORY_INSIDE_REPLACED, (Object[]) s);
      });
      if (!replaced.explainsInvalid(all)) {
        throw e;
      }
      return context.configuration().validateOnMigrate(false)
          .callbacks(flyway.getConfiguration().getCallbacks()).load().migrate();
    }
  }

  /** Flyway's report does not name files; Plinth's own check does. */
  private PlinthException validationFailure(FlywayValidateException e) {
    Optional<PlinthException> blocked = blockedByFailure(e);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    List<ValidateResult.Finding> problems;
    try {
      problems = new Integrity(context).checksumProblems();
    } catch (RuntimeException other) {
      problems = List.of();
    }
    if (problems.isEmpty()) {
      return Failures.translate(e, config, Optional::empty);
    }
    return new PlinthException(e, Message.MIGRATE_FILES_CHANGED,
        String.join(" ", problems.stream().map(ValidateResult.Finding::text).toList()));
  }

  /** The server went away mid-run: say what was committed before, and what became of the rest. */
  private static PlinthException connectionLost(FlywayException e, List<MigrateResult.Applied> done) {
    SQLException sql = Failures.find(e, SQLException.class);
    String script = e instanceof org.flywaydb.core.internal.exception.FlywayMigrateException m
        && m.getMigration() != null ? fileName(m.getMigration().getScript()) : "a migration";
    boolean transactional = !(e instanceof org.flywaydb.core.internal.exception.FlywayMigrateException m)
        || m.isExecutableInTransaction();
    return connectionLost(e, sql, script, transactional, done);
  }

  private static PlinthException connectionLost(Exception e, SQLException sql, String script, boolean transactional,
      List<MigrateResult.Applied> done) {
    String applied = done.isEmpty() ? "No migration of this run had been applied."
        : "Applied and committed before that: " + String.join(", ", done.stream().map(MigrateResult.Applied::script)
            .toList()) + " (the schema is at version " + done.get(done.size() - 1).version() + ").";
    String inFlight = transactional ? "The server rolls back what " + script + " had done."
        : script + " ran outside a transaction, so part of it may be applied; if migrate then reports it as"
            + " failed, run `plinth repair` first.";
    return new PlinthException(e, Message.MIGRATE_CONNECTION_LOST, script,
        sql == null ? Failures.condenseMessage(e) : Failures.serverMessage(sql),
        sql == null || sql.getSQLState() == null ? "unknown" : sql.getSQLState(), applied, inFlight);
  }

  /** A failed row in the history (a non-transactional migration failed earlier), said as such. */
  private Optional<PlinthException> blockedByFailure(FlywayValidateException e) {
    try (Connection connection = context.connect()) {
      List<Repair.Failed> failed = Repair.failed(connection, context.historySchema(connection),
          context.historyTable());
      if (failed.isEmpty()) {
        return Optional.empty();
      }
      List<String> invalid = Repair.invalidIndexes(connection).stream().map(i -> i[0] + "." + i[1]).toList();
      Repair.Failed first = failed.get(0);
      return Optional.of(new PlinthException(e, Message.MIGRATE_BLOCKED_BY_FAILURE, first.script(), first.version(),
          invalid.isEmpty() ? "" : " and it left the invalid index " + String.join(", ", invalid),
          invalid.isEmpty() ? "" : " and drop the invalid index"));
    } catch (SQLException | RuntimeException other) {
      return Optional.empty();
    }
  }

  /** Versions {@code rollback} removed and that are not applied again, with when. */
  private static Map<String, Instant> rolledBack(Connection connection) {
    Map<String, Instant> result = new TreeMap<>();
    try (Statement st = connection.createStatement();
        ResultSet exists = st.executeQuery("SELECT to_regclass('" + Rollback.LOG_TABLE + "') IS NOT NULL")) {
      exists.next();
      if (exists.getBoolean(1)) {
        try (Statement q = connection.createStatement();
            ResultSet rs = q.executeQuery("SELECT version, rolled_back_at FROM " + Rollback.LOG_TABLE)) {
          while (rs.next()) {
            result.put(rs.getString(1), rs.getTimestamp(2).toInstant());
          }
        }
      }
    } catch (SQLException e) {
      // Only a nicety of info; the states Flyway reports stand without it.
    }
    return result;
  }

  /**
   * {@link #info()} from what {@link PlainInfo} read: the rows Flyway's {@code info} gives for such
   * a history, built the same way (applied, else pending or rolled back).
   */
  private InfoResult plainInfo(List<PlainInfo.Migration> migrations, Map<String, Instant> rolledBack) {
    List<InfoResult.Row> rows = new ArrayList<>();
    Optional<String> current = Optional.empty();
    for (PlainInfo.Migration m : migrations) {
      String version = m.version().getVersion();
      String state = state(m.applied() ? MigrationState.SUCCESS : MigrationState.PENDING);
      Optional<Instant> when = m.installedOn();
      if (!m.applied() && rolledBack.containsKey(version)) {
        state = Message.INFO_ROLLED_BACK.text();
        when = Optional.of(rolledBack.get(version));
      }
      if (m.applied()) {
        current = Optional.of(version);
      }
      rows.add(new InfoResult.Row(version, m.description(), "sql", state, when, m.script(),
          checksum(m.resolvedChecksum(), m.appliedChecksum())));
    }
    return new InfoResult(rows, current);
  }

  private static String checksum(Integer resolved, Integer applied) {
    if (resolved == null || applied == null) {
      return "";
    }
    return resolved.equals(applied) ? Message.INFO_CHECKSUM_OK.text() : Message.INFO_CHECKSUM_CHANGED.text();
  }

  private Optional<String> currentVersion(Flyway flyway) {
    try {
      return Optional.ofNullable(flyway.info().current()).map(Plinth::version);
    } catch (FlywayException e) {
      return Optional.empty();
    }
  }

  private String read(MigrationInfo info) {
    for (String location : config.locations()) {
      String script = info.getScript();
      try {
        if (location.startsWith("filesystem:")) {
          Path file = Path.of(location.substring("filesystem:".length())).resolve(script);
          if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
          }
        } else {
          URL resource = config.classLoader().getResource(classpathPath(location) + "/" + script);
          if (resource != null) {
            try (InputStream in = resource.openStream()) {
              return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
          }
        }
      } catch (IOException e) {
        throw new PlinthException(e, Message.FLYWAY_ERROR, "Cannot read " + script + ": " + e.getMessage());
      }
    }
    throw new PlinthException(Message.FLYWAY_ERROR, "Cannot find " + info.getScript() + " in " + config.locations());
  }

  private static void checkLocation(String location, ClassLoader classLoader) {
    if (location.startsWith("filesystem:")) {
      Path folder = Path.of(location.substring("filesystem:".length()));
      if (!Files.exists(folder)) {
        throw new PlinthException(Message.LOCATION_MISSING, location);
      }
      FolderCheck.folderProblem(folder).ifPresent(problem -> {
        throw new PlinthException(problem.message(), problem.args());
      });
    } else if (location.startsWith("classpath:") || !location.contains(":")) {
      if (classLoader.getResource(classpathPath(location)) == null) {
        throw new PlinthException(Message.LOCATION_MISSING, location);
      }
    } else {
      throw new PlinthException(Message.LOCATION_INVALID, location);
    }
  }

  private static void checkTarget(String target) {
    if (List.of("current", "next").contains(target)) {
      return;
    }
    try {
      MigrationVersion.fromVersion(target);
    } catch (RuntimeException e) {
      throw new PlinthException(Message.TARGET_INVALID, target);
    }
  }

  private static String classpathPath(String location) {
    String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private static String version(MigrationInfo info) {
    return info.getVersion() == null ? "" : info.getVersion().getVersion();
  }

  private static String fileName(String path) {
    if (path == null) {
      return "";
    }
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  private static String state(MigrationState state) {
    switch (state) {
      case SUCCESS:
        return "applied";
      case OUT_OF_ORDER:
        return "applied out of order";
      case MISSING_SUCCESS:
        return "applied, file missing";
      case MISSING_FAILED:
        return "failed, file missing";
      case FUTURE_SUCCESS:
        return "applied, newer than files";
      case FUTURE_FAILED:
        return "failed, newer than files";
      default:
        return state.getDisplayName().toLowerCase(Locale.ROOT);
    }
  }
}
