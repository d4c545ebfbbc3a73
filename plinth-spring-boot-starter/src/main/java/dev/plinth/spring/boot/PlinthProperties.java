package dev.plinth.spring.boot;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code plinth.*} properties of an application.
 *
 * <pre>
 * plinth.locations=classpath:db/migration
 * plinth.verify-on-start=true
 * plinth.seed=dev
 * </pre>
 *
 * @param enabled Whether the database is migrated at start-up and a Plinth bean is defined. False hands
 *     migrations back to Spring Boot's own Flyway support, if the application has it.
 * @param locations Where the migrations are, as Flyway locations. The reverse scripts and the journal are
 *     found next to each (../rollback, ../schema).
 * @param verifyOnStart Whether to compare the database with the committed schema after migrating, and
 *     stop the start-up, listing every difference, when they differ (tables, columns, keys or indexes
 *     changed by hand).
 * @param seed The seed environment to apply after migrating, e.g. dev. None by default.
 * @param connectTimeout How long start-up keeps trying to reach a database that is not ready yet
 *     (starting up, too many connections, attempts timing out) before it fails. A number alone is in
 *     seconds.
 */
@ConfigurationProperties("plinth")
public record PlinthProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(RunnerConfig.DEFAULT_LOCATION) List<String> locations,
    @DefaultValue("false") boolean verifyOnStart,
    String seed,
    @DefaultValue("10s") @DurationUnit(ChronoUnit.SECONDS) Duration connectTimeout) {

  public PlinthProperties {
    locations = List.copyOf(locations);
    seed = seed == null || seed.isBlank() ? null : seed.strip();
    if (connectTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new PlinthException(Message.CONNECT_TIMEOUT_PROPERTY_INVALID, connectTimeout.toMillis() + "ms");
    }
  }
}
