package dev.plinth.schema.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Applies a set of file writes and deletions all or none: every new content is first written to a
 * temporary file next to its target, then each is renamed into place; if anything fails, what was
 * already replaced is put back, new files and folders are removed, and the temporary files are
 * deleted.
 */
final class FolderTransaction {
  private final Path root;
  private final Map<Path, Path> temporaries = new LinkedHashMap<>();
  private final Map<Path, byte[]> originals = new HashMap<>();
  private final List<Path> applied = new ArrayList<>();
  private final List<Path> createdFolders = new ArrayList<>();

  private FolderTransaction(Path root) {
    this.root = root;
  }

  /**
   * Writes (non-null content) and deletes (null content) the files, by path relative to
   * {@code root}. Throws {@link MigrationsFolder.WriteFailure} naming the file that failed.
   */
  static void apply(Path root, SortedMap<String, String> changes) {
    if (!changes.isEmpty()) {
      new FolderTransaction(root).run(changes);
    }
  }

  private void run(SortedMap<String, String> changes) {
    Path current = root;
    try {
      for (Map.Entry<String, String> change : changes.entrySet()) {
        current = root.resolve(change.getKey());
        prepare(current, change.getValue());
      }
      for (String relative : changes.keySet()) {
        current = root.resolve(relative);
        put(current);
      }
    } catch (IOException | RuntimeException e) {
      undo(e);
      throw new MigrationsFolder.WriteFailure(current,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** Keeps the target's current bytes and writes the new content to a temporary file. */
  private void prepare(Path target, String content) throws IOException {
    originals.put(target, Files.isRegularFile(target) ? Files.readAllBytes(target) : null);
    if (content == null) {
      return;
    }
    createFolders(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    temporaries.put(target, temporary);
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
  }

  private void createFolders(Path folder) throws IOException {
    if (folder == null || Files.isDirectory(folder)) {
      return;
    }
    createFolders(folder.getParent());
    Files.createDirectory(folder);
    createdFolders.add(folder);
  }

  private void put(Path target) throws IOException {
    Path temporary = temporaries.get(target);
    if (temporary == null) {
      Files.deleteIfExists(target);
    } else {
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temporaries.remove(target);
    }
    applied.add(target);
  }

  /** Puts back what was applied, newest first, and removes what was created. */
  private void undo(Exception failure) {
    for (int i = applied.size() - 1; i >= 0; i--) {
      Path target = applied.get(i);
      byte[] original = originals.get(target);
      quietly(failure, () -> {
        if (original == null) {
          Files.deleteIfExists(target);
        } else {
          Files.write(target, original);
        }
      });
    }
    temporaries.values().forEach(temporary -> quietly(failure, () -> Files.deleteIfExists(temporary)));
    for (int i = createdFolders.size() - 1; i >= 0; i--) {
      Path folder = createdFolders.get(i);
      quietly(failure, () -> Files.deleteIfExists(folder));
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void quietly(Exception failure, Step step) {
    try {
      step.run();
    } catch (IOException | UncheckedIOException e) {
      failure.addSuppressed(e);
    }
  }
}
