package dev.plinth.runner.internal;

import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.JournalEntry;
import dev.plinth.schema.journal.ReplacedMigration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

/**
 * History rows that a journal entry stands for: the migrations a squash folded into one, or the
 * hand-written Flyway migrations of an adopted database (their files are gone, or the version now
 * holds other SQL). Such a row is valid when the entry lists it with the checksum the row holds
 * and the database also has a row at the entry's own version (it went through the replaced
 * migrations up to there, or was baselined there), so its schema is what the entry builds.
 */
public final class ReplacedHistory {

  /** A journal entry that replaces migrations, and the forward script it belongs to. */
  private record Replacer(MigrationVersion version, String script, List<ReplacedMigration> replaces) {}

  private final List<Replacer> replacers;
  private final List<MigrationInfo> applied;

  private ReplacedHistory(List<Replacer> replacers, List<MigrationInfo> applied) {
    this.replacers = replacers;
    this.applied = applied;
  }

  /** Reads the journal entries of {@code all}'s files that replace migrations. */
  public static ReplacedHistory of(MigrationResources resources, MigrationInfo[] all) {
    List<Replacer> replacers = new ArrayList<>();
    List<MigrationInfo> applied = new ArrayList<>();
    for (MigrationInfo info : all) {
      if (info.getVersion() != null && info.getState().isApplied() && !info.getState().isFailed()) {
        applied.add(info);
      }
      Optional<String> script = resolvedScript(info);
      if (info.getVersion() == null || script.isEmpty()) {
        continue;
      }
      Optional<String> json = resources.read(MigrationResources.journalOf(script.get()));
      // Only entries that replace something say so; most are not parsed at all.
      if (json.isPresent() && json.get().contains("\"replaces\"")) {
        try {
          JournalEntry entry = JournalCodec.read(json.get());
          replacers.add(new Replacer(info.getVersion(), MigrationResources.fileName(script.get()), entry.replaces()));
        } catch (IllegalArgumentException e) {
          // an unreadable journal is reported where the journal is needed (verify, check)
        }
      }
    }
    return new ReplacedHistory(List.copyOf(replacers), List.copyOf(applied));
  }

  /** Whether any entry replaces migrations (most projects: none). */
  public boolean isEmpty() {
    return replacers.isEmpty();
  }

  /**
   * The forward script whose entry stands for this applied row, when the row is one it replaces
   * (same version and checksum) and the database has a row at that entry's own version.
   */
  public Optional<String> replacedBy(MigrationInfo info) {
    return listing(info).filter(r -> hasRow(r.version())).map(Replacer::script);
  }

  /**
   * An applied row that an entry replaces while the database has no row at that entry's version:
   * the database stopped inside the replaced range (or was not baselined after an adoption).
   */
  public Optional<String[]> stranded() {
    for (MigrationInfo info : applied) {
      Optional<Replacer> replacer = listing(info);
      if (replacer.isPresent() && !hasRow(replacer.get().version())) {
        return Optional.of(new String[] {info.getVersion().getVersion(), replacer.get().script(),
            replacer.get().version().getVersion()});
      }
    }
    return Optional.empty();
  }

  /**
   * Whether every migration that fails Flyway's own validation (pending ones aside, which migrate
   * applies) is a row this history replaces.
   */
  public boolean explainsInvalid(MigrationInfo[] all) {
    return Arrays.stream(all).filter(info -> info.getState() != MigrationState.PENDING)
        .allMatch(info -> !(info instanceof MigrationInfoImpl impl) || impl.validate() == null
            || replacedBy(info).isPresent());
  }

  /** Whether every applied row is replaced by an entry of a version up to {@code version}. */
  public boolean covers(MigrationVersion version) {
    return applied.stream().allMatch(info -> listing(info).filter(r -> r.version().compareTo(version) <= 0).isPresent());
  }

  /** The entry that lists the applied row {@code info} with the checksum it holds. */
  private Optional<Replacer> listing(MigrationInfo info) {
    if (info.getVersion() == null || !info.getState().isApplied() || info.getState().isFailed()) {
      return Optional.empty();
    }
    for (Replacer replacer : replacers) {
      for (ReplacedMigration m : replacer.replaces()) {
        if (MigrationVersion.fromVersion(m.version()).equals(info.getVersion())
            && Objects.equals(m.checksum(), info.getAppliedChecksum())) {
          return Optional.of(replacer);
        }
      }
    }
    return Optional.empty();
  }

  private boolean hasRow(MigrationVersion version) {
    return applied.stream().anyMatch(info -> info.getVersion().equals(version));
  }

  /**
   * The file Flyway resolved for a migration, if any. {@link MigrationInfo#getScript()} names the
   * applied row's script when there is one, which after a squash is a file that no longer exists.
   */
  public static Optional<String> resolvedScript(MigrationInfo info) {
    if (info instanceof MigrationInfoImpl impl) {
      return Optional.ofNullable(impl.getResolvedMigration()).map(r -> r.getScript());
    }
    return Optional.ofNullable(info.getResolvedChecksum()).map(c -> info.getScript());
  }
}
