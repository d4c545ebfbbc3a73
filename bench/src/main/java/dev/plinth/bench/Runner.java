package dev.plinth.bench;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The three ways of applying a migrations folder: the Plinth runner, plain Flyway with its
 * defaults, and the runner's commands that may not exist yet in this build (looked up by name,
 * so the harness compiles whatever the runner offers).
 */
final class Runner {
  private Runner() {}

  static RunnerConfig config(Pg pg, String database, String location, String target) {
    RunnerConfig.Builder builder = RunnerConfig.builder()
        .url(pg.url(database)).user(Pg.USER).locations(location);
    if (target != null) {
      builder.target(target);
    }
    return builder.build();
  }

  static Plinth plinth(Pg pg, String database, Path migrations, String target) {
    return Plinth.create(config(pg, database, "filesystem:" + migrations, target));
  }

  static int plinthMigrate(Pg pg, String database, Path migrations, String target) {
    return plinth(pg, database, migrations, target).migrate().applied().size();
  }

  static int flywayMigrate(Pg pg, String database, Path migrations) {
    return Flyway.configure()
        .dataSource(pg.url(database), Pg.USER, "")
        .locations("filesystem:" + migrations)
        .load()
        .migrate().migrationsExecuted;
  }

  /** {@code plinth.rollback(RollbackTarget.to(version))}, if this build's runner has it. */
  static Optional<Object> rollbackTo(Plinth plinth, String version) {
    try {
      Class<?> target = Class.forName("dev.plinth.runner.RollbackTarget");
      Object to = target.getMethod("to", String.class).invoke(null, version);
      Method rollback = Plinth.class.getMethod("rollback", target);
      return Optional.of(rollback.invoke(plinth, to));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return Optional.empty();
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean hasMethod(String name, Class<?>... parameters) {
    try {
      Plinth.class.getMethod(name, parameters);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** {@code plinth.verify()}, if this build's runner has it. */
  static Optional<Object> verify(Plinth plinth) {
    try {
      return Optional.of(Plinth.class.getMethod("verify").invoke(plinth));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
