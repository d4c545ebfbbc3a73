package dev.plinth.runner.testing;

import dev.plinth.runner.fleet.FleetTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** Fleets for tests: many empty databases at once, tiny hand-written migrations, a look into a target. */
public final class Fleets {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  /** Two sessions create databases side by side: the copy is I/O and WAL as much as CPU. */
  private static final int CREATORS = 2;

  private Fleets() {}

  /** {@code count} new, empty databases on {@code server}, named {@code prefix_<n>_<i>}; their JDBC URLs, in order. */
  public static List<String> databases(EmbeddedPostgres server, String prefix, int count) {
    String base = prefix.toLowerCase(Locale.ROOT) + "_" + COUNTER.incrementAndGet();
    List<String> names = IntStream.rangeClosed(1, count).mapToObj(i -> String.format(Locale.ROOT, "%s_%03d", base, i))
        .toList();
    ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CREATORS; c++) {
        int first = c;
        done.add(pool.submit(() -> {
          try (Connection admin = server.getPostgresDatabase().getConnection();
              Statement st = admin.createStatement()) {
            for (int i = first; i < names.size(); i += CREATORS) {
              st.execute("CREATE DATABASE \"" + names.get(i) + "\" TEMPLATE template0");
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot create the databases " + base + "_*", e);
    } finally {
      pool.shutdownNow();
    }
    return names.stream().map(name -> server.getJdbcUrl("postgres", name)).toList();
  }

  /**
   * Drops the databases {@link #databases} made: hundreds of them left on the shared server would
   * make its removal at the JVM's exit outlast the test run's patience.
   */
  public static void drop(EmbeddedPostgres server, List<String> urls) {
    try (Connection admin = server.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
      for (String url : urls) {
        String name = url.replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
        st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the fleet's databases", e);
    }
  }

  /** Targets for every URL, in order. */
  public static List<FleetTarget> targets(List<String> urls) {
    return urls.stream().map(FleetTarget::database).toList();
  }

  /** Writes hand-written migrations ({@code "V1__t.sql", "..."}; {@code U} files go to {@code rollback/}). */
  public static Path migrations(Path root, String... namesAndContents) {
    try {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        String name = namesAndContents[i];
        Path file = root.resolve(name.startsWith("U") ? "rollback" : "migration").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, namesAndContents[i + 1], StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root.resolve("migration");
  }

  /** The first column of the first row of {@code sql} on {@code url} (as {@code postgres}), or null. */
  public static String query(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, "postgres", null);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
