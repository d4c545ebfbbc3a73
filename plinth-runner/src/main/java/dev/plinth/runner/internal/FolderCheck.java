package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.ValidateResult;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.SumFile;
import dev.plinth.schema.journal.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The one check of the migrations folder itself, before a command trusts it: every folder can be
 * listed, every file read as UTF-8, no two migrations claim a version, and, when there is a
 * {@code plinth.sum}, every file it lists is there and unchanged and every migration, reverse and
 * journal file is listed. Reads and hashes each file once; touches no database.
 *
 * <p>{@code migrate}, {@code reset} and {@code verify} refuse a folder with any problem
 * ({@link #requireIntact}); {@code info}, {@code rollback}, {@code repair} and {@code baseline}
 * only one they cannot read ({@link #requireReadable}; rollback checks the reverse scripts it runs
 * against the sum with {@link #sumProblem}); {@code validate} and {@code check} report every problem.
 */
public final class FolderCheck {

  /** One problem, with the file it is about (relative to the migrations folder where it is in one). */
  public record Problem(Message message, String file, Object... args) {
    public String text() {
      return message.text(args);
    }

    public ValidateResult.Finding finding() {
      return new ValidateResult.Finding(message.id(), file, text());
    }

    PlinthException exception() {
      return new PlinthException(message, args);
    }
  }

  private final String folder;
  private final List<Problem> unreadable;
  private final List<Problem> integrity;
  private final boolean sumChecked;

  private FolderCheck(String folder, List<Problem> unreadable, List<Problem> integrity, boolean sumChecked) {
    this.folder = folder;
    this.unreadable = List.copyOf(unreadable);
    this.integrity = List.copyOf(integrity);
    this.sumChecked = sumChecked;
  }

  /** Checks the folder of {@code resources}. */
  public static FolderCheck of(MigrationResources resources) {
    List<Problem> unreadable = new ArrayList<>();
    List<Problem> integrity = new ArrayList<>();
    for (Path root : resources.folders()) {
      folderProblem(root).ifPresent(unreadable::add);
    }
    SortedMap<String, String> hashes = new TreeMap<>();
    Map<Version, List<String>> versions = new TreeMap<>();
    List<String> toRead = new ArrayList<>();
    boolean complete = true;
    for (String dir : List.of(MigrationsFolder.MIGRATION_DIR, MigrationsFolder.ROLLBACK_DIR,
        MigrationsFolder.JOURNAL_DIR)) {
      MigrationResources.Listing listing;
      try {
        listing = resources.names(dir);
      } catch (IOException e) {
        unreadable.add(new Problem(Message.LOCATION_UNREADABLE, dir, resources.shown(dir),
            MigrationResources.reason(e)));
        continue;
      }
      complete &= listing.complete();
      for (String name : listing.names()) {
        String relative = dir + "/" + name;
        boolean migration = MigrationsFolder.isMigrationFile(relative);
        // Flyway reads every .sql file of its location; Plinth reads the migration, reverse and journal files.
        if (!migration && !(dir.equals(MigrationsFolder.MIGRATION_DIR) && name.endsWith(".sql"))) {
          continue;
        }
        toRead.add(relative);
        if (migration && dir.equals(MigrationsFolder.MIGRATION_DIR)) {
          versions.computeIfAbsent(MigrationsFolder.versionOf(name).orElseThrow(), v -> new ArrayList<>())
              .add(relative);
        }
      }
    }
    // Reading, decoding and hashing a thousand migrations' files is this check's cost: on every core.
    for (Read read : toRead.parallelStream().map(relative -> read(resources, relative)).toList()) {
      read.problem().ifPresent(unreadable::add);
      if (read.hash() != null && MigrationsFolder.isMigrationFile(read.relative())) {
        hashes.put(read.relative(), read.hash());
      }
    }
    versions.forEach((version, claims) -> {
      if (claims.size() > 1) {
        integrity.add(new Problem(Message.DUPLICATE_VERSION, claims.get(0), version.toString(),
            String.join(", ", claims)));
      }
    });
    Read sumFile = read(resources, MigrationResources.SUM_FILE);
    sumFile.problem().ifPresent(unreadable::add);
    Optional<String> sumText = Optional.ofNullable(sumFile.text());
    if (sumText.isPresent() && unreadable.isEmpty()) {
      sum(resources, sumText.get(), hashes, complete, integrity);
    }
    String shown = resources.folders().isEmpty() ? resources.shown(MigrationResources.SUM_FILE)
        .replaceAll("/?" + MigrationResources.SUM_FILE + "$", "") : resources.folders().get(0).toString();
    return new FolderCheck(shown, unreadable, integrity, sumText.isPresent());
  }

  /** The files against {@code plinth.sum}: listed and missing, changed, or not listed. */
  private static void sum(MigrationResources resources, String text, SortedMap<String, String> hashes,
      boolean complete, List<Problem> integrity) {
    Map<String, String> sum;
    try {
      sum = SumFile.parse(text);
    } catch (IllegalArgumentException e) {
      integrity.add(new Problem(Message.SUM_UNREADABLE, MigrationResources.SUM_FILE,
          resources.shown(MigrationResources.SUM_FILE), e.getMessage()));
      return;
    }
    sum.forEach((path, hash) -> {
      String actual = hashes.containsKey(path) ? hashes.get(path)
          : resources.read(path).map(SumFile::sha256).orElse(null);
      if (actual == null) {
        integrity.add(new Problem(Message.SUM_FILE_MISSING, path, path));
      } else if (!actual.equals(hash)) {
        boolean generated = path.startsWith(MigrationsFolder.JOURNAL_DIR + "/")
            || resources.has(MigrationResources.journalOf("V" + MigrationsFolder.fileName(path).substring(1)));
        integrity.add(generated ? new Problem(Message.SUM_MISMATCH, path, path)
            : new Problem(Message.SUM_MISMATCH_HANDWRITTEN, path, path));
      }
    });
    if (complete) {
      hashes.keySet().stream().filter(path -> !sum.containsKey(path))
          .forEach(path -> integrity.add(new Problem(Message.SUM_UNLISTED, path, path)));
    }
  }

  /**
   * A file as this check read it: its text and the hash {@code plinth.sum} would give it, or what
   * kept it from being read (neither, when it is not there).
   */
  private record Read(String relative, String text, String hash, Optional<Problem> problem) {}

  private static Read read(MigrationResources resources, String relative) {
    try {
      Optional<MigrationResources.Text> read = resources.text(relative);
      if (read.isEmpty()) {
        return new Read(relative, null, null, Optional.empty());
      }
      int malformed = read.get().malformedAt();
      if (malformed >= 0) {
        return new Read(relative, null, null,
            Optional.of(new Problem(Message.FILE_NOT_UTF8, relative, resources.shown(relative), malformed)));
      }
      String text = read.get().text();
      return new Read(relative, text, SumFile.sha256(text), Optional.empty());
    } catch (IOException e) {
      return new Read(relative, null, null, Optional.of(new Problem(Message.FILE_UNREADABLE, relative,
          resources.shown(relative), MigrationResources.reason(e))));
    }
  }

  /** Whether {@code folder}, which exists, is a folder whose files can be listed. */
  public static Optional<Problem> folderProblem(Path folder) {
    if (!Files.exists(folder)) {
      return Optional.empty();
    }
    if (!Files.isDirectory(folder)) {
      return Optional.of(new Problem(Message.LOCATION_UNREADABLE, folder.toString(), folder.toString(),
          "it is a file, not a folder"));
    }
    try (Stream<Path> list = Files.list(folder)) {
      list.findFirst();
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(new Problem(Message.LOCATION_UNREADABLE, folder.toString(), folder.toString(),
          MigrationResources.reason(e)));
    }
  }

  /** Folders and files that cannot be read (as UTF-8); nothing can be checked or run with them. */
  public List<Problem> unreadable() {
    return unreadable;
  }

  /** Every problem: what cannot be read, then duplicate versions and the files against {@code plinth.sum}. */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>(unreadable);
    all.addAll(integrity);
    return all;
  }

  /** Whether a {@code plinth.sum} was found (and so checked). */
  public boolean sumChecked() {
    return sumChecked;
  }

  /** The problem {@code plinth.sum} has with {@code path}, if any. */
  public Optional<Problem> sumProblem(String path) {
    return integrity.stream().filter(p -> p.file().equals(path) && p.message() != Message.DUPLICATE_VERSION)
        .findFirst();
  }

  /** Throws when a folder or file cannot be read. */
  public FolderCheck requireReadable(String command) {
    if (!unreadable.isEmpty()) {
      throw refusal(command, unreadable, Message.FOLDER_REFUSED);
    }
    return this;
  }

  /** Throws when anything is wrong with the folder; {@code refusal} introduces the list. */
  public FolderCheck requireIntact(String command, Message refusal) {
    requireReadable(command);
    if (!integrity.isEmpty()) {
      throw refusal(command, integrity, refusal);
    }
    return this;
  }

  /** One problem as itself; several under {@code refusal}, each on its own line with its id. */
  private PlinthException refusal(String command, List<Problem> problems, Message refusal) {
    // A folder that cannot be read is a set-up problem (exit code 2) whatever else is listed.
    Optional<Problem> folderProblem = problems.stream().filter(p -> p.message().kind() != Message.Kind.INTEGRITY)
        .findFirst();
    if (folderProblem.isPresent() && refusal == Message.FOLDER_REFUSED) {
      return folderProblem.get().exception();
    }
    StringBuilder lines = new StringBuilder();
    for (Problem p : problems) {
      lines.append("  [").append(p.message().id()).append("] ").append(p.text()).append('\n');
    }
    return new PlinthException(refusal, command, folder, problems.size(), problems.size() == 1 ? "" : "s",
        lines.toString().stripTrailing());
  }
}
