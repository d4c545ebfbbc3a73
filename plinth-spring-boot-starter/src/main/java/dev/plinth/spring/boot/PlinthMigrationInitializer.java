package dev.plinth.spring.boot;

import dev.plinth.runner.Message;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.SeedResult;
import dev.plinth.runner.VerifyResult;
import dev.plinth.runner.internal.WatchfulDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Brings the application's database up to date while the application context starts: migrates,
 * then (if asked) verifies and seeds. Beans that use the database are created after it (Spring
 * Boot's database initialization ordering), and a failure stops the start-up with Plinth's message.
 */
public class PlinthMigrationInitializer implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(PlinthMigrationInitializer.class);

  private final Plinth plinth;
  private final PlinthProperties properties;

  public PlinthMigrationInitializer(Plinth plinth, PlinthProperties properties) {
    this.plinth = plinth;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    awaitDatabase(properties.connectTimeout());
    MigrateResult result = plinth.migrate(applied ->
        LOG.info(Message.MIGRATION_APPLIED.text(applied.version(), applied.description(), applied.millis())));
    LOG.info(summary(result));
    if (properties.verifyOnStart()) {
      driftFailure(plinth.verify()).ifPresent(failure -> {
        throw failure;
      });
    }
    if (properties.seed() != null) {
      SeedResult seeded = plinth.seed(properties.seed(), false);
      LOG.info(Message.SEED_SUMMARY.text(seeded.env(), seeded.seedSets().size(), seeded.millis(), seeded.inserted(),
          seeded.skipped()));
    }
  }

  /** The start-up failure for what {@code verify} found, listing every difference; empty without drift. */
  static Optional<PlinthException> driftFailure(VerifyResult result) {
    if (!result.drift()) {
      return Optional.empty();
    }
    int n = result.differences().size();
    String list = result.differences().stream().map(d -> "  " + d.text())
        .collect(Collectors.joining(System.lineSeparator()));
    return Optional.of(new PlinthException(Message.VERIFY_ON_START_DRIFT,
        result.schemaVersion().orElse(Message.NO_VERSION.text()), n, n == 1 ? "" : "s", list));
  }

  private static String summary(MigrateResult result) {
    String version = result.schemaVersion().orElse(Message.NO_VERSION.text());
    int n = result.applied().size();
    return n == 0 ? Message.MIGRATE_NOTHING.text(version)
        : Message.MIGRATE_SUMMARY.text(n, n == 1 ? "" : "s", result.totalMillis(), version);
  }

  /**
   * Waits up to {@code timeout} for a database that is not ready yet (see
   * {@link WatchfulDataSource#withRetries}); any other failure is left to the runner, whose message
   * says what to fix.
   */
  private void awaitDatabase(Duration timeout) {
    try (Connection connection = WatchfulDataSource.withRetries(plinth.dataSource()::getConnection, timeout)) {
      connection.isValid(1);
    } catch (SQLException e) {
      // migrate() connects again and reports the failure.
    }
  }
}
