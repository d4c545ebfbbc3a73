package dev.plinth.runner;

import dev.plinth.runner.config.DatabaseUrl;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runner needs to know: which database, where the migrations are, and how far to go.
 * Immutable; build it fluently:
 *
 * <pre>{@code
 * RunnerConfig config = RunnerConfig.builder()
 *     .url("postgres://app@localhost:5432/app")
 *     .password(System.getenv("DATABASE_PASSWORD"))
 *     .build();
 * MigrateResult result = Plinth.create(config).migrate();
 * }</pre>
 */
public final class RunnerConfig {

  /** Where generated migrations are packaged. */
  public static final String DEFAULT_LOCATION = "classpath:db/migration";

  private final DatabaseUrl url;
  private final Optional<String> user;
  private final Optional<String> password;
  private final String origin;
  private final List<String> locations;
  private final Optional<String> target;
  private final ClassLoader classLoader;
  private final boolean disposable;
  private final Duration connectTimeout;
  private final Optional<String> schema;

  private RunnerConfig(Builder builder) {
    this.url = builder.url;
    this.user = url == null ? builder.user : builder.user.or(url::user);
    this.password = url == null ? builder.password : builder.password.or(url::password);
    this.origin = builder.origin;
    this.locations = List.copyOf(builder.locations);
    this.target = builder.target;
    this.classLoader = builder.classLoader;
    this.disposable = builder.disposable;
    this.connectTimeout = builder.connectTimeout;
    this.schema = builder.schema;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.url = url;
    b.user = user;
    b.password = password;
    b.origin = origin;
    b.locations = locations;
    b.target = target;
    b.classLoader = classLoader;
    b.disposable = disposable;
    b.connectTimeout = connectTimeout;
    b.schema = schema;
    return b;
  }

  /** The database URL; empty when the runner was given a {@link javax.sql.DataSource} instead. */
  public Optional<DatabaseUrl> url() {
    return Optional.ofNullable(url);
  }

  public Optional<String> user() {
    return user;
  }

  public Optional<String> password() {
    return password;
  }

  /** Where the URL came from, named in error messages (e.g. {@code DATABASE_URL}). */
  public String origin() {
    return origin;
  }

  public List<String> locations() {
    return locations;
  }

  /** The version to migrate up to; empty means the latest. */
  public Optional<String> target() {
    return target;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  /** Whether the database is known to be disposable (the embedded one), so {@code reset} needs no {@code --force}. */
  public boolean disposable() {
    return disposable;
  }

  /**
   * How long one connection attempt may take (default 10 s). A failed attempt that may succeed
   * on its own (timed out, too many connections, server starting) is retried with growing pauses
   * for up to this long again before the command gives up.
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The schema the runner works in, for one schema per tenant; empty means the database's default
   * ({@code search_path} as the server sets it). With a schema, every connection's
   * {@code search_path} is that schema, then {@code public}: unqualified names in migrations resolve
   * to it, Flyway's history table and the migration lock are in it, {@code migrate} creates it when
   * it is missing, and {@code verify} compares only that schema. Names the migrations qualify
   * (generated ones say {@code "public"}) stay as written.
   */
  public Optional<String> schema() {
    return schema;
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "RunnerConfig[url=" + (url == null ? "(data source)" : url) + ", user=" + user.orElse("(default)") + ", password="
        + (password.isPresent() ? "****" : "(none)") + ", locations=" + locations + ", target="
        + target.orElse("latest") + schema.map(s -> ", schema=" + s).orElse("") + "]";
  }

  /** Fluent builder; {@link #url} is required unless the runner is given a {@link javax.sql.DataSource}. */
  public static final class Builder {
    private DatabaseUrl url;
    private Optional<String> user = Optional.empty();
    private Optional<String> password = Optional.empty();
    private String origin = "the database URL";
    private List<String> locations = List.of(DEFAULT_LOCATION);
    private Optional<String> target = Optional.empty();
    private ClassLoader classLoader = RunnerConfig.class.getClassLoader();
    private boolean disposable;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Optional<String> schema = Optional.empty();

    private Builder() {}

    /** A {@code jdbc:postgresql://}, {@code postgres://} or {@code postgresql://} URL. */
    public Builder url(String url) {
      return url(DatabaseUrl.parse(url, origin));
    }

    public Builder url(DatabaseUrl url) {
      this.url = Objects.requireNonNull(url);
      return this;
    }

    /** Overrides a user given in the URL. */
    public Builder user(String user) {
      this.user = Optional.ofNullable(user).filter(u -> !u.isBlank());
      return this;
    }

    /** Overrides a password given in the URL. */
    public Builder password(String password) {
      this.password = Optional.ofNullable(password);
      return this;
    }

    /** Names where the URL came from in error messages, e.g. {@code "DATABASE_URL"}. */
    public Builder origin(String origin) {
      this.origin = Objects.requireNonNull(origin);
      return this;
    }

    /** Flyway locations, e.g. {@code classpath:db/migration} or {@code filesystem:src/main/resources/db/migration}. */
    public Builder locations(List<String> locations) {
      if (locations.isEmpty()) {
        throw new IllegalArgumentException("at least one location is needed");
      }
      this.locations = List.copyOf(locations);
      return this;
    }

    public Builder locations(String... locations) {
      return locations(List.of(locations));
    }

    /** The version to migrate up to; {@code null} or {@code latest} means all. */
    public Builder target(String target) {
      this.target = Optional.ofNullable(target).filter(t -> !t.isBlank() && !t.equalsIgnoreCase("latest"));
      return this;
    }

    /** The class loader that sees {@code classpath:} locations. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader);
      return this;
    }

    /** Marks the database as disposable (Plinth's embedded server): {@code reset} then needs no {@code --force}. */
    public Builder disposable(boolean disposable) {
      this.disposable = disposable;
      return this;
    }

    /** How long one connection attempt may take; at least one second. */
    public Builder connectTimeout(Duration connectTimeout) {
      if (connectTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("connect timeout must be at least 1 second, got " + connectTimeout);
      }
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Works in one schema of the database (see {@link RunnerConfig#schema()}), e.g.
     * {@code schema("tenant_42")}; {@code null} or blank for the database's default. With an
     * application's own {@link javax.sql.DataSource}, its connections must already use that schema.
     */
    public Builder schema(String schema) {
      this.schema = Optional.ofNullable(schema).filter(s -> !s.isBlank());
      return this;
    }

    public RunnerConfig build() {
      return new RunnerConfig(this);
    }
  }
}
