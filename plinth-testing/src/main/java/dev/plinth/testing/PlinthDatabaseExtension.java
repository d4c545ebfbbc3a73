package dev.plinth.testing;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link PlinthDatabase}: one template database per JVM for each
 * (locations, seed) pair, copied ahead for each test or class ({@link ClonePool}) and dropped
 * afterwards, off the test's path.
 */
public final class PlinthDatabaseExtension implements BeforeAllCallback, BeforeEachCallback,
    ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(PlinthDatabaseExtension.class);
  private static final String KEY = "database";
  /** Keeps databases of parallel JVMs on one server apart. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  /** Per (locations, seed): the template database and the pool of its copies. */
  private static final Map<List<String>, ClonePool> POOLS = new ConcurrentHashMap<>();
  private static final Map<ClonePool, String> TEMPLATES = new ConcurrentHashMap<>();

  static {
    // At exit: the copies nobody took, then the templates (a template cannot go while being copied).
    Runtime.getRuntime().addShutdownHook(new Thread(() -> TEMPLATES.forEach((pool, template) -> {
      pool.close();
      TestServer.get().drop(template);
    }), "plinth-test-databases-drop"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (settings(context).scope() == PlinthDatabase.Scope.CLASS) {
      context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> create(settings(context)), Handle.class);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (settings(context).scope() == PlinthDatabase.Scope.METHOD) {
      context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> create(settings(context)), Handle.class);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DataSource.class || type == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Handle handle = context.getStore(NAMESPACE).get(KEY, Handle.class);
    if (handle == null) { // e.g. a @BeforeAll method with Scope.METHOD
      throw new ParameterResolutionException("@PlinthDatabase(scope = " + settings(context).scope()
          + ") has no database here; use Scope.CLASS to get one in @BeforeAll methods.");
    }
    return parameter.getParameter().getType() == DataSource.class
        ? handle.database().dataSource() : handle.database();
  }

  private static PlinthDatabase settings(ExtensionContext context) {
    return context.getTestClass()
        .flatMap(c -> AnnotationSupport.findAnnotation(c, PlinthDatabase.class))
        .orElseThrow(() -> new IllegalStateException("@PlinthDatabase is missing on " + context.getDisplayName()));
  }

  private static Handle create(PlinthDatabase settings) {
    TestServer server = TestServer.get();
    ClonePool pool = POOLS.computeIfAbsent(key(settings), k -> {
      String template = template(server, settings);
      ClonePool made = new ClonePool(server, template, ClonePool.AHEAD,
          "plinth_test_" + RUN + "_" + COUNTER.incrementAndGet() + "_");
      TEMPLATES.put(made, template);
      return made;
    });
    return new Handle(pool, pool.take());
  }

  private static List<String> key(PlinthDatabase settings) {
    return List.of(String.join(",", settings.locations()), settings.seed());
  }

  /** Creates, migrates and seeds a template database; done once per JVM per settings. */
  private static String template(TestServer server, PlinthDatabase settings) {
    String name = "plinth_template_" + RUN + "_" + COUNTER.incrementAndGet();
    try {
      server.admin("CREATE DATABASE " + name + " TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create template database " + name
          + " (does the user of DATABASE_URL have CREATEDB?)", e);
    }
    DataSource ds = server.dataSource(name);
    // Migrated and seeded exactly as the runner does it for an application (same Flyway settings,
    // so a CONCURRENTLY index or a ${...} in SQL behaves here as in production).
    Plinth plinth = Plinth.create(ds, RunnerConfig.builder().locations(settings.locations())
        .classLoader(classLoader()).build());
    try {
      plinth.migrate();
      if (!settings.seed().isEmpty()) {
        plinth.seed(settings.seed(), false);
      }
    } catch (RuntimeException e) {
      server.drop(name);
      throw e;
    }
    return name;
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : PlinthDatabaseExtension.class.getClassLoader();
  }

  /**
   * A database given back to its pool when its extension context closes: its data source hands out
   * no more connections and it is dropped in the background (JUnit closes either interface,
   * depending on its version; giving back twice is harmless).
   */
  private record Handle(ClonePool pool, TestDatabase database)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      pool.release(database);
    }
  }
}
