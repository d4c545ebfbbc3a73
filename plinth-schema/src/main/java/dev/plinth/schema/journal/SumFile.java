package dev.plinth.schema.journal;

import dev.plinth.schema.model.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The integrity files of a migrations folder.
 *
 * <p>{@code plinth.sum} lists the SHA-256 of every committed migration file, generated or
 * hand-written, forward and reverse, and of the journal, one {@code <hash>  <path>} line each,
 * sorted by path. {@code HEAD} is one line naming the newest version and the hash of the sum file:
 * when two branches both add a migration, both change this line and git reports a conflict.
 *
 * <p>Hashes ignore line endings (CRLF counts as LF), as Flyway's checksums do, so that a checkout
 * that converted them still matches.
 */
public final class SumFile {
  public static final String SUM_FILE = "plinth.sum";
  public static final String HEAD_FILE = "HEAD";

  private SumFile() {}

  /** The sum file's text for these files (relative path to content). */
  public static String render(Map<String, String> files) {
    Map<String, String> hashes = new TreeMap<>();
    files.forEach((path, content) -> hashes.put(path, sha256(content)));
    return renderHashes(hashes);
  }

  /** The sum file's text for these hashes (relative path to hash), such as {@link #parse} returns. */
  public static String renderHashes(Map<String, String> hashes) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(hashes).forEach((path, hash) -> text.append(hash).append("  ").append(path).append('\n'));
    return text.toString();
  }

  /** The head marker's text: {@code V7 <hash of the sum file>}. */
  public static String head(String newestVersion, String sumText) {
    return "V" + newestVersion + " " + sha256(sumText) + "\n";
  }

  /** Parses a sum file into path to hash, in file order. */
  public static Map<String, String> parse(String text) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String line : MigrationsFolder.lineFeeds(text).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int gap = line.indexOf("  ");
      if (gap != 64) {
        throw new IllegalArgumentException("not a sum line: " + line);
      }
      result.put(line.substring(gap + 2), line.substring(0, gap));
    }
    return result;
  }

  /** Paths whose content does not match the sum file, and listed paths that are missing. */
  public static List<String> mismatches(Map<String, String> expected, SortedMap<String, String> files) {
    List<String> result = new ArrayList<>();
    expected.forEach((path, hash) -> {
      String content = files.get(path);
      if (content == null || !sha256(content).equals(hash)) {
        result.add(path);
      }
    });
    files.keySet().stream().filter(p -> !expected.containsKey(p)).forEach(result::add);
    return result;
  }

  /** The SHA-256 of the content, with CRLF line endings counted as LF. */
  public static String sha256(String content) {
    return Names.sha256(MigrationsFolder.lineFeeds(content));
  }
}
