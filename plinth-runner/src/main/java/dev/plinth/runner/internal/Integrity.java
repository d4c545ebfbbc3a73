package dev.plinth.runner.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.ValidateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * {@code validate}: applied migrations against their files, reverse scripts, and {@code plinth.sum}.
 * Every finding names the file it is about.
 */
public final class Integrity {

  private final RunnerContext context;
  private final MigrationResources resources;

  public Integrity(RunnerContext context) {
    this.context = context;
    this.resources = context.resources();
  }

  public ValidateResult validate() {
    FolderCheck folder = FolderCheck.of(resources);
    if (!folder.unreadable().isEmpty()) {
      // Flyway cannot read such a folder either: its problems are the whole answer.
      return new ValidateResult(0, false, folder.problems().stream().map(FolderCheck.Problem::finding).toList(),
          List.of());
    }
    MigrationInfo[] all = all();
    List<ValidateResult.Finding> notes = new ArrayList<>();
    List<ValidateResult.Finding> problems = new ArrayList<>(checksumProblems(all, notes));
    int applied = 0;
    for (MigrationInfo info : all) {
      if (info.getState().isApplied() && !info.getState().isFailed()) {
        applied++;
      }
      if (info.getVersion() == null || info.getResolvedChecksum() == null) {
        continue; // repeatable, or no file: nothing to roll back with
      }
      // The file Flyway resolved: after a squash, an old row names a script that is gone.
      String script = ReplacedHistory.resolvedScript(info).orElse(info.getScript());
      String reverse = MigrationResources.reverseOf(script);
      if (resources.read(reverse).isEmpty()) {
        String forward = MigrationResources.fileName(script);
        if (resources.read(MigrationResources.journalOf(script)).isPresent()) {
          problems.add(finding(Message.REVERSE_MISSING, reverse, forward, reverse));
        } else {
          notes.add(finding(Message.REVERSE_MISSING_HANDWRITTEN, reverse, forward, reverse,
              info.getVersion().getVersion()));
        }
      }
    }
    folder.problems().forEach(p -> problems.add(p.finding()));
    return new ValidateResult(applied, folder.sumChecked(), problems, notes);
  }

  /** Applied migrations whose file changed, disappeared, or that are recorded as failed. */
  public List<ValidateResult.Finding> checksumProblems() {
    return checksumProblems(all(), new ArrayList<>());
  }

  /**
   * The problems of {@link #checksumProblems()}; applied rows that a journal entry replaces (a
   * squash, an adopted history) are valid without their file and go to {@code notes} instead.
   */
  private List<ValidateResult.Finding> checksumProblems(MigrationInfo[] all, List<ValidateResult.Finding> notes) {
    List<ValidateResult.Finding> problems = new ArrayList<>();
    ReplacedHistory replaced = ReplacedHistory.of(resources, all);
    Optional<String[]> stranded = replaced.stranded();
    if (stranded.isPresent()) {
      String[] s = stranded.get();
      problems.add(finding(Message.HISTORY_INSIDE_REPLACED, MigrationResources.forwardOf(s[1]), s[0], s[1], s[2]));
    }
    for (MigrationInfo info : all) {
      Optional<String> replacedBy = replaced.replacedBy(info);
      if (replacedBy.isPresent()) {
        notes.add(finding(Message.HISTORY_REPLACED, MigrationResources.forwardOf(replacedBy.get()),
            info.getVersion().getVersion(), replacedBy.get()));
        continue;
      }
      String file = MigrationResources.forwardOf(info.getScript());
      String name = MigrationResources.fileName(info.getScript());
      String version = info.getVersion() == null ? "repeatable" : info.getVersion().getVersion();
      MigrationState state = info.getState();
      if (state.isFailed()) {
        problems.add(finding(resources.resumable(info.getScript()) ? Message.FAILED_RECORDED_RESUMABLE
            : Message.FAILED_RECORDED, file, name, version));
      } else if (state == MigrationState.MISSING_SUCCESS || state == MigrationState.FUTURE_SUCCESS) {
        problems.add(finding(Message.APPLIED_FILE_MISSING, file, name, version));
      } else if (state == MigrationState.IGNORED && info.getVersion() != null) {
        problems.add(finding(Message.NOT_APPLIED_OLDER, file, name, version, newestApplied(all),
            appliedBefore(all, info).orElse("0")));
      } else if (state.isApplied() && info.getResolvedChecksum() != null && info.getAppliedChecksum() != null
          && info.getAppliedChecksum() == 0 && info.getResolvedChecksum() != 0) {
        problems.add(finding(Message.APPLIED_EMPTY, file, name, version, historyTable()));
      } else if (state.isApplied() && info.getVersion() != null && info.getResolvedChecksum() != null
          && info.getAppliedChecksum() != null && !info.getResolvedChecksum().equals(info.getAppliedChecksum())) {
        // A repeatable migration (no version) is meant to change: migrate runs it again, and the
        // rows of its earlier runs are superseded, not changed.
        problems.add(finding(Message.CHECKSUM_CHANGED, file, name, info.getAppliedChecksum(),
            info.getResolvedChecksum()));
      }
    }
    return problems;
  }

  /** The newest successfully applied version. */
  private static String newestApplied(MigrationInfo[] all) {
    return java.util.Arrays.stream(all)
        .filter(i -> i.getVersion() != null && i.getState().isApplied() && !i.getState().isFailed())
        .map(MigrationInfo::getVersion).max(Comparable::compareTo).map(v -> v.getVersion()).orElse("none");
  }

  /** The newest applied version older than {@code info}'s, to roll back to. */
  private static Optional<String> appliedBefore(MigrationInfo[] all, MigrationInfo info) {
    return java.util.Arrays.stream(all)
        .filter(i -> i.getVersion() != null && i.getState().isApplied() && !i.getState().isFailed()
            && i.getVersion().compareTo(info.getVersion()) < 0)
        .map(MigrationInfo::getVersion).max(Comparable::compareTo).map(v -> v.getVersion());
  }

  /** Flyway's history table, qualified as a DELETE names it. */
  private String historyTable() {
    String table = dev.plinth.schema.render.Sql.ident(context.historyTable());
    return context.config().schema().map(s -> dev.plinth.schema.render.Sql.ident(s) + "." + table).orElse(table);
  }

  private MigrationInfo[] all() {
    try {
      return context.flyway().info().all();
    } catch (FlywayException e) {
      throw Failures.translate(e, context.config(), Optional::empty);
    }
  }

  private static ValidateResult.Finding finding(Message message, String file, Object... args) {
    return new ValidateResult.Finding(message.id(), file, message.text(args));
  }
}
