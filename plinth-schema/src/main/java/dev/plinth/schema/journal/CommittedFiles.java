package dev.plinth.schema.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Whether a migrations folder holds exactly what its journal generates: every generated file
 * re-rendered and compared, and {@code plinth.sum} and {@code HEAD} up to date. Needs no compiler
 * and no database, so CI can run it whatever the state of a build's output.
 */
public final class CommittedFiles {

  /** What is wrong with one file. */
  public enum Kind { MISSING, EDITED, OUT_OF_DATE, UNREADABLE }

  /**
   * One problem.
   *
   * @param file the file, relative to the folder
   * @param kind what is wrong
   * @param detail the journal entry that generates it, or what differs
   */
  public record Problem(String file, Kind kind, String detail) {}

  private CommittedFiles() {}

  /** Every problem of {@code folder}, generated files first; empty when all is committed exactly. */
  public static List<Problem> check(MigrationsFolder folder) {
    List<Problem> problems = new ArrayList<>();
    try {
      for (History.FileProblem p : History.load(folder).problems()) {
        problems.add(new Problem(p.file(), p.missing() ? Kind.MISSING : Kind.EDITED, p.journal()));
      }
    } catch (History.JournalException e) {
      problems.add(new Problem(e.file(), Kind.UNREADABLE, e.getMessage()));
      return problems;
    }
    expectedIntegrity(folder).forEach((name, content) -> {
      if (!content.equals(folder.read(name).orElse(null))) {
        problems.add(new Problem(name, Kind.OUT_OF_DATE, outOfDate(folder)));
      }
    });
    return problems;
  }

  /**
   * The {@code plinth.sum} and {@code HEAD} the folder's files call for, by file name; empty when
   * there is no migration yet.
   */
  public static Map<String, String> expectedIntegrity(MigrationsFolder folder) {
    SortedMap<String, String> files = folder.migrationFiles();
    if (files.isEmpty()) {
      return new LinkedHashMap<>();
    }
    return integrity(folder, SumFile.render(files));
  }

  /**
   * As {@link #expectedIntegrity(MigrationsFolder)}, for a folder whose migration files are known
   * to have these hashes (relative path to hash: a sum file just checked against them), which are
   * then not computed again.
   */
  public static Map<String, String> expectedIntegrity(MigrationsFolder folder, Map<String, String> hashes) {
    return hashes.isEmpty() ? new LinkedHashMap<>() : integrity(folder, SumFile.renderHashes(hashes));
  }

  private static Map<String, String> integrity(MigrationsFolder folder, String sum) {
    Map<String, String> expected = new LinkedHashMap<>();
    List<MigrationsFolder.MigrationFiles> migrations = folder.scan();
    String newest = migrations.get(migrations.size() - 1).version().toString();
    expected.put(SumFile.SUM_FILE, sum);
    expected.put(SumFile.HEAD_FILE, SumFile.head(newest, sum));
    return expected;
  }

  /** The files that do not match the committed sum, or that HEAD differs. */
  public static String outOfDate(MigrationsFolder folder) {
    String changed;
    try {
      changed = String.join(", ", SumFile.mismatches(
          SumFile.parse(folder.read(SumFile.SUM_FILE).orElse("")), folder.migrationFiles()));
    } catch (IllegalArgumentException e) {
      return "it cannot be read: " + e.getMessage();
    }
    return changed.isEmpty() ? "HEAD differs" : changed;
  }
}
