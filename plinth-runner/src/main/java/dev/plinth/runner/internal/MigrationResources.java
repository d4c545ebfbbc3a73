package dev.plinth.runner.internal;

import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.SumFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files next to Flyway's locations: a location {@code .../db/migration} has its reverse
 * scripts in {@code .../db/rollback}, its journal in {@code .../db/schema} and its integrity sum in
 * {@code .../db/plinth.sum}. Paths are relative to that {@code db} folder, as in the sum file.
 */
public final class MigrationResources {

  public static final String SUM_FILE = SumFile.SUM_FILE;


  private final List<String> roots;
  private final ClassLoader classLoader;

  public MigrationResources(List<String> locations, ClassLoader classLoader) {
    this.roots = locations.stream().map(MigrationResources::root).toList();
    this.classLoader = classLoader;
  }

  /** {@code V3__add_x.sql} to {@code rollback/U3__add_x.sql} (the layout is {@link MigrationsFolder}'s). */
  public static String reverseOf(String script) {
    return MigrationsFolder.reverseOf(script);
  }

  /** {@code V3__add_x.sql} to {@code schema/V3__add_x.json}. */
  public static String journalOf(String script) {
    return MigrationsFolder.journalOf(script);
  }

  /** {@code V3__add_x.sql} to {@code migration/V3__add_x.sql}. */
  public static String forwardOf(String script) {
    return MigrationsFolder.forwardOf(script);
  }

  public static String fileName(String path) {
    return MigrationsFolder.fileName(path);
  }

  /** The first of the roots that has {@code relative}, read as UTF-8. */
  public Optional<String> read(String relative) {
    for (String root : roots) {
      try {
        if (root.startsWith("filesystem:")) {
          Path file = Path.of(root.substring("filesystem:".length())).resolve(relative);
          if (Files.isRegularFile(file)) {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
          }
        } else {
          URL resource = classLoader.getResource(root.isEmpty() ? relative : root + "/" + relative);
          if (resource != null) {
            try (InputStream in = resource.openStream()) {
              return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + relative, e);
      }
    }
    return Optional.empty();
  }

  /** Whether one of the roots has {@code relative}, without reading it. */
  public boolean has(String relative) {
    return roots.stream().anyMatch(root -> root.startsWith("filesystem:")
        ? Files.isRegularFile(Path.of(root.substring("filesystem:".length())).resolve(relative))
        : classLoader.getResource(root.isEmpty() ? relative : root + "/" + relative) != null);
  }

  /**
   * Whether a script is written to be run again after a failure: its journal entry says so (for
   * messages only; a journal that cannot be read is reported where the journal is needed).
   */
  public boolean resumable(String script) {
    try {
      return read(journalOf(script)).map(json -> JournalCodec.read(json).resumable()).orElse(false);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a script runs outside a transaction: its forward script's {@code .conf} says so. */
  public boolean nonTransactional(String script) {
    return read(MigrationsFolder.confOf(script)).map(MigrationsFolder::nonTransactional).orElse(false);
  }

  /**
   * Every migration, reverse and journal file under the filesystem roots, by relative path. Files
   * on the classpath cannot be listed; callers add the ones they know of.
   */
  public SortedMap<String, String> listFiles() {
    SortedMap<String, String> files = new TreeMap<>();
    for (String root : roots) {
      if (!root.startsWith("filesystem:")) {
        continue;
      }
      Path base = Path.of(root.substring("filesystem:".length()));
      for (String dir : List.of(MigrationsFolder.MIGRATION_DIR, MigrationsFolder.ROLLBACK_DIR,
          MigrationsFolder.JOURNAL_DIR)) {
        Path folder = base.resolve(dir);
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (Stream<Path> list = Files.list(folder)) {
          for (Path file : list.sorted().toList()) {
            String relative = dir + "/" + file.getFileName();
            if (MigrationsFolder.isMigrationFile(relative)) {
              files.putIfAbsent(relative, Files.readString(file, StandardCharsets.UTF_8));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  /** {@code classpath:db/migration} to {@code db}; {@code filesystem:/x/db/migration} to {@code filesystem:/x/db}. */
  private static String root(String location) {
    if (location.startsWith("filesystem:")) {
      Path path = Path.of(location.substring("filesystem:".length())).toAbsolutePath().normalize();
      Path parent = path.getParent();
      return "filesystem:" + (parent == null ? path : parent);
    }
    String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    List<String> parts = new ArrayList<>(List.of(path.split("/")));
    parts.removeIf(String::isEmpty);
    if (!parts.isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return String.join("/", parts);
  }
}
