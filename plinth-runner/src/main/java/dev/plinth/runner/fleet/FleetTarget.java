package dev.plinth.runner.fleet;

import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.config.DatabaseUrl;
import java.util.Objects;
import java.util.Optional;

/**
 * One member of a fleet: a database, or one schema of a database (one schema per tenant).
 *
 * @param url the database; any user or password it holds is used for it alone
 * @param schema the tenant's schema in that database, or empty for the whole database (see
 *     {@link RunnerConfig#schema()})
 */
public record FleetTarget(DatabaseUrl url, Optional<String> schema) {

  public FleetTarget {
    Objects.requireNonNull(url, "url");
    schema = schema.filter(s -> !s.isBlank());
  }

  /** A whole database. */
  public static FleetTarget database(String url) {
    return new FleetTarget(DatabaseUrl.parse(url, "a fleet target"), Optional.empty());
  }

  /** One schema of a database. */
  public static FleetTarget schema(String url, String schema) {
    return new FleetTarget(DatabaseUrl.parse(url, "a fleet target"), Optional.of(schema));
  }

  /**
   * How reports name the target: {@code host:port/database}, then {@code #schema} for a schema;
   * never credentials or URL parameters.
   */
  public String name() {
    return server() + "/" + url.database() + schema.map(s -> "#" + s).orElse("");
  }

  /** The server it is on, {@code host:port}: the fleet limits how many targets of one server run at once. */
  public String server() {
    return url.host() + ":" + url.port();
  }

  /** {@code base} pointed at this target; the user and password of {@code base} win over the URL's. */
  public RunnerConfig config(RunnerConfig base) {
    return base.toBuilder().origin("the fleet target " + name()).url(url).schema(schema.orElse(null)).build();
  }

  @Override
  public String toString() {
    return name();
  }
}
