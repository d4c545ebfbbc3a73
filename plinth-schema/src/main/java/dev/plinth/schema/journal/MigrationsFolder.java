package dev.plinth.schema.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
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
 *
 * <p>Writes and deletions are pending until {@link #commit()}: reads and listings see them at
 * once, and the commit puts all of them on disk or none, so that a failed compile never leaves a
 * migration without its reverse or journal.
 */
public final class MigrationsFolder {
  public static final String MIGRATION_DIR = "migration";
  public static final String ROLLBACK_DIR = "rollback";
  public static final String JOURNAL_DIR = "schema";

  private static final Pattern CONFLICT = Pattern.compile("(?m)^<<<<<<<(?: |$)");
  private static final Pattern FILE = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.(sql|json)");

  private final Path root;
  /** Writes and deletions not yet on disk, by relative path; null content is a deletion. */
  private final SortedMap<String, String> pending = new TreeMap<>();

  /** The text of files read from disk, by relative path, when they are read once; else null. */
  private final Map<String, String> read;

  public MigrationsFolder(Path root) {
    this(root, false);
  }

  private MigrationsFolder(Path root, boolean readOnce) {
    this.root = root;
    this.read = readOnce ? new HashMap<>() : null;
  }

  /**
   * A folder whose files are read from disk once (until {@link #commit()}): for one compile, which
   * reads the same files for several checks, while nothing else writes to the folder.
   */
  public static MigrationsFolder readOnce(Path root) {
    return new MigrationsFolder(root, true);
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
    for (String name : list(dir)) {
      Matcher m = FILE.matcher(name);
      if (m.matches() && m.group(1).equals(prefix) && m.group(4).equals(extension)) {
        Version version = Version.parse(m.group(2));
        found.computeIfAbsent(version, v -> new String[3])[slot] = dir + "/" + name;
        slugs.putIfAbsent(version, m.group(3));
      }
    }
  }

  /**
   * The names of the files in {@code dir}, sorted, as they are after the pending writes and
   * deletions. Directories are not files, even when named like one, and hidden files (such as
   * the temporary files of a commit) are not listed.
   */
  private List<String> list(String dir) {
    SortedSet<String> names = new TreeSet<>();
    Path folder = root.resolve(dir);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
            .filter(name -> !name.startsWith(".")).forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String prefix = dir + "/";
    pending.forEach((path, content) -> {
      if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
        String name = path.substring(prefix.length());
        if (content == null) {
          names.remove(name);
        } else {
          names.add(name);
        }
      }
    });
    return List.copyOf(names);
  }

  /** Whether a path relative to the folder names a migration, reverse or journal file. */
  public static boolean isMigrationFile(String relative) {
    int slash = relative.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String dir = relative.substring(0, slash);
    Matcher m = FILE.matcher(relative.substring(slash + 1));
    return m.matches() && (dir.equals(MIGRATION_DIR) && m.group(1).equals("V") && m.group(4).equals("sql")
        || dir.equals(ROLLBACK_DIR) && m.group(1).equals("U") && m.group(4).equals("sql")
        || dir.equals(JOURNAL_DIR) && m.group(1).equals("V") && m.group(4).equals("json"));
  }

  /** The version of a migration, reverse or journal file name, {@code 7.1} of {@code V7_1__x.sql}. */
  public static Optional<Version> versionOf(String fileName) {
    Matcher m = FILE.matcher(fileName);
    return m.matches() ? Optional.of(Version.parse(m.group(2))) : Optional.empty();
  }

  /** The file name of a path, {@code V3__add_x.sql} of {@code .../migration/V3__add_x.sql}. */
  public static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  /** {@code V3__add_x.sql} (or a path ending in it) to {@code migration/V3__add_x.sql}. */
  public static String forwardOf(String script) {
    return MIGRATION_DIR + "/" + fileName(script);
  }

  /** {@code V3__add_x.sql} to {@code rollback/U3__add_x.sql}. */
  public static String reverseOf(String script) {
    return ROLLBACK_DIR + "/U" + fileName(script).substring(1);
  }

  /** {@code V3__add_x.sql} to {@code schema/V3__add_x.json}. */
  public static String journalOf(String script) {
    String name = fileName(script);
    return JOURNAL_DIR + "/" + name.substring(0, name.length() - ".sql".length()) + ".json";
  }

  /** A forward script's Flyway configuration file, {@code migration/V3__add_x.sql.conf}. */
  public static String confOf(String script) {
    return forwardOf(script) + ".conf";
  }

  /** Whether a {@code .conf} file's text says its script runs outside a transaction. */
  public static boolean nonTransactional(String conf) {
    return conf.lines().map(l -> l.replace(" ", "")).anyMatch(l -> l.equalsIgnoreCase("executeInTransaction=false"));
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
    for (String name : list(MIGRATION_DIR)) {
      Matcher m = FILE.matcher(name);
      if (m.matches() && m.group(1).equals("V") && m.group(4).equals("sql")) {
        claims.computeIfAbsent(Version.parse(m.group(2)), v -> new ArrayList<>())
            .add(MIGRATION_DIR + "/" + name);
      }
    }
    claims.values().removeIf(paths -> paths.size() < 2);
    return claims;
  }

  /** Every migration, reverse and journal file, by relative path, for the sum file. */
  public SortedMap<String, String> migrationFiles() {
    SortedMap<String, String> result = new TreeMap<>();
    for (String dir : List.of(MIGRATION_DIR, ROLLBACK_DIR, JOURNAL_DIR)) {
      for (String name : list(dir)) {
        String relative = dir + "/" + name;
        result.put(relative, read(relative).orElseThrow());
      }
    }
    return result;
  }

  /**
   * The files that hold an unresolved merge conflict (a line that starts with git's
   * {@code <<<<<<<} marker): the integrity files, then the migration, reverse and journal files.
   */
  public List<String> conflicted() {
    List<String> files = new ArrayList<>(List.of(SumFile.HEAD_FILE, SumFile.SUM_FILE));
    files.addAll(migrationFiles().keySet());
    return files.stream()
        .filter(file -> read(file).map(MigrationsFolder::hasConflictMarker).orElse(false))
        .toList();
  }

  /** Whether a line of {@code text} starts with git's conflict marker. */
  private static boolean hasConflictMarker(String text) {
    // The plain search first: the pattern, run over every line of a large file, costs far more.
    return text.contains("<<<<<<<") && CONFLICT.matcher(text).find();
  }

  /** The generated migration with this slug, if there is one. */
  public Optional<MigrationFiles> generated(String slug) {
    for (String name : list(JOURNAL_DIR)) {
      Matcher m = FILE.matcher(name);
      if (m.matches() && m.group(3).equals(slug)) {
        Version version = Version.parse(m.group(2));
        return Optional.of(new MigrationFiles(version, slug, forwardPath(version, slug),
            reversePath(version, slug), journalPath(version, slug)));
      }
    }
    return Optional.empty();
  }

  /**
   * Deletes the files of one migration (forward, its configuration, reverse and journal) when
   * the pending changes are committed.
   */
  public void delete(MigrationFiles files) {
    for (String relative : new String[] {files.forward(), files.reverse(), files.journal()}) {
      if (relative != null) {
        pending.put(relative, null);
      }
    }
    if (files.forward() != null) {
      pending.put(files.forward() + ".conf", null);
    }
  }

  /**
   * The file's text as it is after the pending changes, if it exists, with line feeds for line
   * endings: a checkout with CRLF line endings (Git for Windows' default) is not an edit.
   */
  public Optional<String> read(String relative) {
    if (pending.containsKey(relative)) {
      return Optional.ofNullable(pending.get(relative));
    }
    String known = read == null ? null : read.get(relative);
    if (known != null) {
      return Optional.of(known);
    }
    Path file = root.resolve(relative);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String text = lineFeeds(Files.readString(file, StandardCharsets.UTF_8));
      if (read != null) {
        read.put(relative, text);
      }
      return Optional.of(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with each CRLF line ending replaced by a line feed, as Plinth writes them. */
  public static String lineFeeds(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
  }

  /** Writes the file when the pending changes are committed; reads see it at once. */
  public void write(String relative, String content) {
    pending.put(relative, content);
  }

  /** Whether writes or deletions wait for {@link #commit()}. */
  public boolean hasPending() {
    return !pending.isEmpty();
  }

  /**
   * Puts every pending write and deletion on disk, all or none: on failure the folder is left as
   * it was and the exception names the file that could not be written.
   */
  public void commit() {
    FolderTransaction.apply(root, pending);
    pending.clear();
    if (read != null) {
      read.clear();
    }
  }

  /** A commit that failed; the folder is as it was before it. */
  public static final class WriteFailure extends UncheckedIOException {
    private final Path file;

    WriteFailure(Path file, IOException cause) {
      super("cannot write " + file, cause);
      this.file = file;
    }

    /** The file that could not be written or deleted. */
    public Path file() {
      return file;
    }
  }
}
