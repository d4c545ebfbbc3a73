package dev.plinth.schema.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one place that knows the layout of the migrations folder:
 *
 * <pre>
 * migration/V7__add_forms_status.sql    forward script (Flyway's location)
 * rollback/U7__add_forms_status.sql     reverse script (outside Flyway's location)
 * schema/V7__add_forms_status.json      journal entry: what V7 changes
 * </pre>
 *
 * A migration without a journal entry is hand-written; it is kept and never rewritten.
 */
public final class MigrationsFolder {
  public static final String MIGRATION_DIR = "migration";
  public static final String ROLLBACK_DIR = "rollback";
  public static final String JOURNAL_DIR = "schema";

  private static final Pattern FILE = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.(sql|json)");

  private final Path root;

  public MigrationsFolder(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** One migration version's files (relative to the root), any of which may be missing. */
  public record MigrationFiles(Version version, String slug, String forward, String reverse, String journal) {
    public boolean generated() {
      return journal != null;
    }
  }

  /** The migrations in version order. */
  public List<MigrationFiles> scan() {
    Map<Version, String[]> found = new TreeMap<>();
    Map<Version, String> slugs = new TreeMap<>();
    scanDir(MIGRATION_DIR, "V", "sql", 0, found, slugs);
    scanDir(ROLLBACK_DIR, "U", "sql", 1, found, slugs);
    scanDir(JOURNAL_DIR, "V", "json", 2, found, slugs);
    List<MigrationFiles> result = new ArrayList<>();
    found.forEach((version, files) ->
        result.add(new MigrationFiles(version, slugs.get(version), files[0], files[1], files[2])));
    return result;
  }

  private void scanDir(String dir, String prefix, String extension, int slot,
      Map<Version, String[]> found, Map<Version, String> slugs) {
    Path folder = root.resolve(dir);
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches() && m.group(1).equals(prefix) && m.group(4).equals(extension)) {
          Version version = Version.parse(m.group(2));
          found.computeIfAbsent(version, v -> new String[3])[slot] = dir + "/" + file.getFileName();
          slugs.putIfAbsent(version, m.group(3));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String forwardPath(Version version, String slug) {
    return MIGRATION_DIR + "/V" + version.fileText() + "__" + slug + ".sql";
  }

  public static String reversePath(Version version, String slug) {
    return ROLLBACK_DIR + "/U" + version.fileText() + "__" + slug + ".sql";
  }

  public static String journalPath(Version version, String slug) {
    return JOURNAL_DIR + "/V" + version.fileText() + "__" + slug + ".json";
  }

  /**
   * Versions that more than one migration claims (two branches that each added the same number),
   * with the forward files that claim them.
   */
  public Map<Version, List<String>> duplicates() {
    Map<Version, List<String>> claims = new TreeMap<>();
    Path folder = root.resolve(MIGRATION_DIR);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          Matcher m = FILE.matcher(file.getFileName().toString());
          if (m.matches() && m.group(1).equals("V") && m.group(4).equals("sql")) {
            claims.computeIfAbsent(Version.parse(m.group(2)), v -> new ArrayList<>())
                .add(MIGRATION_DIR + "/" + file.getFileName());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    claims.values().removeIf(paths -> paths.size() < 2);
    return claims;
  }

  /** Every migration, reverse and journal file, by relative path, for the sum file. */
  public SortedMap<String, String> migrationFiles() {
    SortedMap<String, String> result = new TreeMap<>();
    for (String dir : List.of(MIGRATION_DIR, ROLLBACK_DIR, JOURNAL_DIR)) {
      Path folder = root.resolve(dir);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String relative = dir + "/" + file.getFileName();
          result.put(relative, read(relative).orElseThrow());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  /** The generated migration with this slug, if there is one. */
  public Optional<MigrationFiles> generated(String slug) {
    Path folder = root.resolve(JOURNAL_DIR);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches() && m.group(3).equals(slug)) {
          Version version = Version.parse(m.group(2));
          return Optional.of(new MigrationFiles(version, slug, forwardPath(version, slug),
              reversePath(version, slug), journalPath(version, slug)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  /** Deletes the files of one migration (forward, its configuration, reverse and journal). */
  public void delete(MigrationFiles files) {
    try {
      for (String relative : new String[] {files.forward(), files.reverse(), files.journal()}) {
        if (relative != null) {
          Files.deleteIfExists(root.resolve(relative));
        }
      }
      if (files.forward() != null) {
        Files.deleteIfExists(root.resolve(files.forward() + ".conf"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<String> read(String relative) {
    Path file = root.resolve(relative);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(String relative, String content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
