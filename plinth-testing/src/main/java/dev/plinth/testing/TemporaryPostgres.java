package dev.plinth.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The throwaway embedded PostgreSQL of a test JVM: started on first use, C locale, UTF-8, stopped
 * when the JVM exits. Test databases are created in it, so one initdb serves every test.
 */
public final class TemporaryPostgres {
  private static EmbeddedPostgres shared;

  private TemporaryPostgres() {}

  public static synchronized EmbeddedPostgres shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static EmbeddedPostgres start() {
    EmbeddedPostgres server;
    try {
      server = EmbeddedPostgres.builder()
          .setLocaleConfig("locale", "C")
          .setLocaleConfig("encoding", "UTF8")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start an embedded PostgreSQL for tests", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IOException ignored) {
        // The JVM is exiting; the data directory is temporary.
      }
    }));
    return server;
  }
}
