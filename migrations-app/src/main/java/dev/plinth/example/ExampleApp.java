package dev.plinth.example;

import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.SeedResult;
import dev.plinth.runner.config.DatabaseResolver;
import dev.plinth.runner.config.DatabaseResolver.ResolvedDatabase;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example application's start-up: migrates its database to the schema it was compiled with
 * (the migrations travel in its jar, under {@code db/}) and loads the {@code dev} seed data.
 *
 * <p>The database comes from {@code DATABASE_URL} ({@code DATABASE_USER}, {@code DATABASE_PASSWORD}),
 * or a {@code .env} file, exactly as the {@code plinth} command reads it.
 */
public final class ExampleApp {
  private static final Logger LOG = LoggerFactory.getLogger(ExampleApp.class);

  private ExampleApp() {}

  public static void main(String[] args) {
    Optional<ResolvedDatabase> database = new DatabaseResolver(System.getenv(), Path.of("")).resolve(null, null, null);
    if (database.isEmpty()) {
      System.err.println("Set DATABASE_URL (e.g. postgres://app@localhost:5432/app) and DATABASE_PASSWORD,"
          + " or put them in .env; `plinth migrate` without them uses an embedded PostgreSQL instead.");
      System.exit(2);
    }
    ResolvedDatabase db = database.get();
    RunnerConfig.Builder config = RunnerConfig.builder().origin(db.origin()).url(db.url());
    db.user().ifPresent(config::user);
    db.password().ifPresent(config::password);
    try {
      start(Plinth.create(config.build()));
    } catch (PlinthException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** Migrates, then seeds the {@code dev} environment (idempotent: a second start inserts nothing). */
  public static SeedResult start(Plinth plinth) {
    MigrateResult migrated = plinth.migrate(applied ->
        LOG.info("Applied V{} {} ({} ms)", applied.version(), applied.description(), applied.millis()));
    LOG.info("Schema at version {}", migrated.schemaVersion().orElse("none"));
    SeedResult seeded = plinth.seed("dev", false);
    LOG.info("Seeded environment dev");
    return seeded;
  }
}
