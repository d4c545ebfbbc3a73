package dev.plinth.schema.journal;

import dev.plinth.schema.diff.Change;
import java.util.List;
import java.util.Objects;

/**
 * The committed record of one generated migration: the changes it makes and the settings it was
 * rendered with. Folding the entries in version order gives the schema at any version, and
 * rendering an entry again gives exactly its committed SQL.
 *
 * @param format the file format version, {@link #FORMAT}
 * @param version the migration version, such as {@code "7"}
 * @param lockTimeout the {@code lock_timeout} the forward script sets, or null for none
 * @param transactional whether the scripts run inside a transaction
 */
public record JournalEntry(int format, String version, String lockTimeout, boolean transactional,
    List<Change> changes) {
  /** The current (and only) format. A published format never changes; a new one gets a new number. */
  public static final int FORMAT = 1;

  public JournalEntry {
    Objects.requireNonNull(version, "version");
    changes = List.copyOf(changes);
  }
}
