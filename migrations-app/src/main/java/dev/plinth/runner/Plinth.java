package dev.plinth.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.postgresql.ds.PGSimpleDataSource;

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
  private final PGSimpleDataSource dataSource;

  private Plinth(RunnerConfig config) {
    this.config = config;
    this.dataSource = new PGSimpleDataSource();
    dataSource.setURL(config.url().jdbcUrl());
    config.user().ifPresent(dataSource::setUser);
    config.password().ifPresent(dataSource::setPassword);
    dataSource.setApplicationName("plinth");
    dataSource.setConnectTimeout(10);
    dataSource.setLoginTimeout(10);
  }

  /** A runner for {@code config}; checks the migration locations but does not connect yet. */
  public static Plinth create(RunnerConfig config) {
    config.locations().forEach(location -> checkLocation(location, config.classLoader()));
    config.target().ifPresent(Plinth::checkTarget);
    return new Plinth(config);
  }

  public RunnerConfig config() {
    return config;
  }

  /** Applies all pending migrations up to the configured target, each in its own transaction. */
  public MigrateResult migrate() {
    checkConnection();
    Flyway flyway = flyway();
    long start = System.nanoTime();
    org.flywaydb.core.api.output.MigrateResult result;
    try {
      result = flyway.migrate();
    } catch (FlywayException e) {
      throw Failures.translate(e, config, () -> currentVersion(flyway));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<MigrateResult.Applied> applied = new ArrayList<>();
    for (MigrateOutput m : result.migrations) {
      applied.add(new MigrateResult.Applied(m.version, m.description, fileName(m.filepath), m.executionTime));
    }
    return new MigrateResult(applied, currentVersion(flyway), millis);
  }

  /** The migrations {@link #migrate()} would apply and their SQL; changes nothing in the database. */
  public PendingResult pending() {
    checkConnection();
    Flyway flyway = flyway();
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
    checkConnection();
    Flyway flyway = flyway();
    try {
      var service = flyway.info();
      List<InfoResult.Row> rows = new ArrayList<>();
      for (MigrationInfo info : service.all()) {
        rows.add(new InfoResult.Row(version(info), info.getDescription(),
            info.getType().name().toLowerCase(Locale.ROOT), state(info.getState()),
            Optional.ofNullable(info.getInstalledOn()).map(Date::toInstant), info.getScript()));
      }
      return new InfoResult(rows, Optional.ofNullable(service.current()).map(Plinth::version));
    } catch (FlywayException e) {
      throw Failures.translate(e, config, Optional::empty);
    }
  }

  /** Opens and closes one connection, turning a failure into a message that says what to do. */
  void checkConnection() {
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw Failures.connection(e, config);
    }
  }

  /** The Flyway instance behind the commands; visible for tests. */
  Flyway flyway() {
    FluentConfiguration flyway = Flyway.configure(config.classLoader())
        .dataSource(dataSource)
        .locations(config.locations().toArray(String[]::new))
        .validateMigrationNaming(true)
        // Generated SQL is final: ${...} in it is data, not a placeholder.
        .placeholderReplacement(false)
        .baselineOnMigrate(false)
        .cleanDisabled(true)
        .loggers("slf4j");
    config.target().ifPresent(flyway::target);
    // A session advisory lock (instead of Flyway's transactional default) is held across the whole
    // run and can be shared with the rollback command, which works on its own transactions.
    flyway.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return flyway.load();
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
      if (!Files.isDirectory(Path.of(location.substring("filesystem:".length())))) {
        throw new PlinthException(Message.LOCATION_MISSING, location);
      }
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
