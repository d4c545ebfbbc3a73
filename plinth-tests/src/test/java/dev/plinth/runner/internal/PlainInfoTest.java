package dev.plinth.runner.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.InfoResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code info} read from the history and the folder ({@link PlainInfo}) says what Flyway's
 * {@code info} says of the same migrations, which it is given from the classpath (where the plain
 * path does not answer); and leaves to Flyway what is not plain.
 */
class PlainInfoTest {

  private static final String CLASSPATH = "classpath:fixtures/basic/db/migration";
  private static final List<String> FILES = List.of("V1__create_users.sql", "V2__create_orders.sql",
      "V3__index_user_email.sql");

  @TempDir
  Path directory;

  private static RunnerConfig config(TestDatabase db, String location, String target) {
    return RunnerConfig.builder().url(db.jdbcUrl()).locations(location).target(target).build();
  }

  private static InfoResult info(TestDatabase db, String location) {
    return Plinth.create(config(db, location, null)).info();
  }

  /** The basic fixture's migrations, copied into a folder of their own. */
  private String folder() throws IOException {
    Path folder = Files.createDirectories(directory.resolve("db/migration"));
    for (String file : FILES) {
      try (InputStream in = getClass().getResourceAsStream("/fixtures/basic/db/migration/" + file)) {
        Files.write(folder.resolve(file), in.readAllBytes());
      }
    }
    return "filesystem:" + folder;
  }

  private static void assertPlainAnswersAsFlyway(TestDatabase db, String filesystem) {
    assertTrue(PlainInfo.read(new RunnerContext(config(db, filesystem, null), db.dataSource())).isPresent(),
        "the history and the folder are plain");
    assertEquals(info(db, CLASSPATH), info(db, filesystem));
  }

  @Test
  void pendingThenAppliedAsFlywayListsThem() throws IOException {
    TestDatabase db = SharedPostgres.newDatabase("plain_info_states");
    String filesystem = folder();

    assertPlainAnswersAsFlyway(db, filesystem);
    Plinth.create(config(db, CLASSPATH, "2")).migrate();
    assertPlainAnswersAsFlyway(db, filesystem);
    Plinth.create(config(db, CLASSPATH, null)).migrate();
    assertPlainAnswersAsFlyway(db, filesystem);
  }

  @Test
  void anEditedFileIsChanged() throws IOException {
    TestDatabase db = SharedPostgres.newDatabase("plain_info_changed");
    String filesystem = folder();
    Plinth.create(config(db, filesystem, null)).migrate();
    Files.writeString(Path.of(filesystem.substring("filesystem:".length())).resolve(FILES.get(0)), "-- edited\n",
        StandardOpenOption.APPEND);

    InfoResult result = info(db, filesystem);

    assertEquals(List.of("CHANGED", "ok", "ok"), result.migrations().stream().map(InfoResult.Row::checksum).toList());
  }

  @Test
  void anOlderFileNeverAppliedIsLeftToFlyway() throws IOException {
    TestDatabase db = SharedPostgres.newDatabase("plain_info_ignored");
    String filesystem = folder();
    Plinth.create(config(db, filesystem, null)).migrate();
    Path folder = Path.of(filesystem.substring("filesystem:".length()));
    Files.writeString(folder.resolve("V2_5__late.sql"), "SELECT 1;\n");

    assertTrue(PlainInfo.read(new RunnerContext(config(db, filesystem, null), db.dataSource())).isEmpty(),
        "a file older than the newest applied one is not plain");
    assertEquals("ignored", info(db, filesystem).migrations().stream().filter(r -> r.version().equals("2.5"))
        .findFirst().orElseThrow().state());
  }
}
