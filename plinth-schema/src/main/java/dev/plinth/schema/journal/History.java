package dev.plinth.schema.journal;

import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.render.MigrationScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed migrations and the schema they build, folded from the journal entries in version
 * order. Also re-renders every generated migration to tell whether its committed files are
 * exactly what Plinth generates.
 */
public final class History {
  /** A committed generated file whose content is not what its journal entry renders. */
  public record FileProblem(String file, String journal, String expected, boolean missing) {}

  private final List<MigrationsFolder.MigrationFiles> migrations;
  private final List<FileProblem> problems;
  private final Schema state;

  private History(List<MigrationsFolder.MigrationFiles> migrations, List<FileProblem> problems,
      Schema state) {
    this.migrations = migrations;
    this.problems = problems;
    this.state = state;
  }

  /**
   * Loads the folder, re-rendering every generated migration to compare it with its files.
   * Throws {@link JournalException} naming the entry that cannot be read.
   */
  public static History load(MigrationsFolder folder) {
    return load(folder, true);
  }

  /**
   * Loads the folder; with {@code verify} false, only folds the journal (for when the sum file
   * already proves that no file changed since they were last verified).
   */
  public static History load(MigrationsFolder folder, boolean verify) {
    List<MigrationsFolder.MigrationFiles> migrations = folder.scan();
    List<FileProblem> problems = new ArrayList<>();
    Schema state = Schema.EMPTY;
    for (MigrationsFolder.MigrationFiles files : migrations) {
      if (!files.generated()) {
        continue;
      }
      JournalEntry entry;
      try {
        entry = JournalCodec.read(folder.read(files.journal()).orElseThrow());
      } catch (IllegalArgumentException e) {
        throw new JournalException(files.journal(), e.getMessage());
      }
      if (!verify) {
        state = Changes.apply(state, entry.changes());
        continue;
      }
      String forward = MigrationScript.forward(entry.version(), state, entry.changes(),
          entry.scriptSettings());
      String reverse = MigrationScript.reverse(entry.version(), state, entry.changes(),
          entry.scriptSettings());
      check(folder, files.forward(), MigrationsFolder.forwardPath(files.version(), files.slug()),
          files.journal(), forward, problems);
      check(folder, files.reverse(), MigrationsFolder.reversePath(files.version(), files.slug()),
          files.journal(), reverse, problems);
      if (!entry.transactional()) {
        String conf = MigrationsFolder.forwardPath(files.version(), files.slug()) + ".conf";
        check(folder, folder.read(conf).isPresent() ? conf : null, conf, files.journal(),
            NON_TRANSACTIONAL_CONF, problems);
      }
      state = Changes.apply(state, entry.changes());
    }
    return new History(List.copyOf(migrations), List.copyOf(problems), state);
  }

  /** Flyway's per-script configuration for a migration that must run outside a transaction. */
  public static final String NON_TRANSACTIONAL_CONF = "executeInTransaction=false\n";

  private static void check(MigrationsFolder folder, String existing, String expectedPath,
      String journal, String expected, List<FileProblem> problems) {
    if (existing == null) {
      problems.add(new FileProblem(expectedPath, journal, expected, true));
    } else if (!folder.read(existing).orElse("").equals(expected)) {
      problems.add(new FileProblem(existing, journal, expected, false));
    }
  }

  /** The schema as of the newest committed migration. */
  public Schema state() {
    return state;
  }

  public List<FileProblem> problems() {
    return problems;
  }

  /** The migrations without a journal entry that have a forward script: written by hand. */
  public List<MigrationsFolder.MigrationFiles> handWritten() {
    return migrations.stream().filter(m -> !m.generated() && m.forward() != null).toList();
  }

  /** The number the next generated migration gets: after every committed one. */
  public int nextMajor() {
    return migrations.stream().mapToInt(m -> m.version().major()).max().orElse(0) + 1;
  }

  /** A journal entry that cannot be read. */
  public static final class JournalException extends RuntimeException {
    private final String file;

    JournalException(String file, String reason) {
      super(reason);
      this.file = file;
    }

    public String file() {
      return file;
    }
  }
}
